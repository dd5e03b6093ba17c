/** Back-office accounts. Passwords and TOTP secrets never leave this module's callers' server. */
import type { PasswordHash } from "../lib/password.ts";

export const ROLES = ["admin", "editor", "clerk"] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  email: string;
  display_name: string;
  role: Role;
  region_code: string | null;
  disabled_at: string | null;
}

export interface UserCredentials extends User {
  password_hash: string | null;
  password_salt: string | null;
  password_iterations: number | null;
  totp_secret: string | null;
  totp_last_step: number | null;
}

const PUBLIC_COLUMNS = "id, email, display_name, role, region_code, disabled_at";

export async function findUserById(db: D1Database, id: number): Promise<User | null> {
  return db.prepare(`SELECT ${PUBLIC_COLUMNS} FROM users WHERE id = ?1`).bind(id).first<User>();
}

export async function findUserByEmail(db: D1Database, email: string): Promise<User | null> {
  return db
    .prepare(`SELECT ${PUBLIC_COLUMNS} FROM users WHERE email = ?1`)
    .bind(email)
    .first<User>();
}

export async function findCredentials(
  db: D1Database,
  email: string,
): Promise<UserCredentials | null> {
  return db
    .prepare(
      `SELECT ${PUBLIC_COLUMNS}, password_hash, password_salt, password_iterations, totp_secret,
         totp_last_step FROM users WHERE email = ?1`,
    )
    .bind(email)
    .first<UserCredentials>();
}

export async function listUsers(db: D1Database): Promise<User[]> {
  const { results } = await db
    .prepare(`SELECT ${PUBLIC_COLUMNS} FROM users ORDER BY id`)
    .all<User>();
  return results;
}

export interface NewUser {
  email: string;
  display_name: string;
  role: Role;
  region_code: string | null;
  password: PasswordHash;
  totp_secret: string | null;
  created_at: string;
}

export function insertUserStatement(db: D1Database, u: NewUser): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO users (email, display_name, role, region_code, password_hash, password_salt,
         password_iterations, totp_secret, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
    )
    .bind(
      u.email,
      u.display_name,
      u.role,
      u.region_code,
      u.password.hash,
      u.password.salt,
      u.password.iterations,
      u.totp_secret,
      u.created_at,
    );
}

/** Records the TOTP step just used; fails (0 rows) if a later step was already used. */
export function useTotpStepStatement(
  db: D1Database,
  id: number,
  step: number,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE users SET totp_last_step = ?2
       WHERE id = ?1 AND (totp_last_step IS NULL OR totp_last_step < ?2)`,
    )
    .bind(id, step);
}
