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
  /** 1 until the user has replaced a password an administrator set (creation or reset). */
  must_change_password: 0 | 1;
}

export interface UserCredentials extends User {
  password_hash: string | null;
  password_salt: string | null;
  password_iterations: number | null;
  totp_secret: string | null;
  totp_last_step: number | null;
}

const PUBLIC_COLUMNS =
  "id, email, display_name, role, region_code, disabled_at, must_change_password";

export async function findUserById(db: D1Database, id: number): Promise<User | null> {
  return db.prepare(`SELECT ${PUBLIC_COLUMNS} FROM users WHERE id = ?1`).bind(id).first<User>();
}

export async function findUserByEmail(db: D1Database, email: string): Promise<User | null> {
  return db
    .prepare(`SELECT ${PUBLIC_COLUMNS} FROM users WHERE email = ?1`)
    .bind(email)
    .first<User>();
}

const CREDENTIAL_COLUMNS = `${PUBLIC_COLUMNS}, password_hash, password_salt, password_iterations,
  totp_secret, totp_last_step`;

export async function findCredentials(
  db: D1Database,
  email: string,
): Promise<UserCredentials | null> {
  return db
    .prepare(`SELECT ${CREDENTIAL_COLUMNS} FROM users WHERE email = ?1`)
    .bind(email)
    .first<UserCredentials>();
}

export async function findCredentialsById(
  db: D1Database,
  id: number,
): Promise<UserCredentials | null> {
  return db
    .prepare(`SELECT ${CREDENTIAL_COLUMNS} FROM users WHERE id = ?1`)
    .bind(id)
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
  /** The password was chosen by someone else: the user must replace it first. */
  must_change_password?: boolean;
}

export function insertUserStatement(db: D1Database, u: NewUser): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO users (email, display_name, role, region_code, password_hash, password_salt,
         password_iterations, totp_secret, created_at, must_change_password)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)`,
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
      u.must_change_password ? 1 : 0,
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

/** A password set by an administrator: the user must replace it at the next sign-in. */
export function resetPasswordStatement(
  db: D1Database,
  id: number,
  password: PasswordHash,
  at: string,
): D1PreparedStatement {
  // Failed tries before the reset no longer lock the account (see countFailures).
  return db
    .prepare(
      `UPDATE users SET password_hash = ?2, password_salt = ?3, password_iterations = ?4,
         must_change_password = 1, lockout_cleared_at = ?5
       WHERE id = ?1`,
    )
    .bind(id, password.hash, password.salt, password.iterations, at);
}

/**
 * The user's own new password, accepted with the TOTP step of the code they gave (null for
 * an account without TOTP). Changes the row only if the stored hash is still the one the
 * current password was checked against and the step has not been used: of two racing
 * requests one wins and the other changes nothing (0 rows).
 */
export function changePasswordStatement(
  db: D1Database,
  id: number,
  password: PasswordHash,
  previousHash: string,
  totpStep: number | null,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE users SET password_hash = ?2, password_salt = ?3, password_iterations = ?4,
         must_change_password = 0, totp_last_step = COALESCE(?6, totp_last_step)
       WHERE id = ?1 AND password_hash = ?5
         AND (?6 IS NULL OR totp_last_step IS NULL OR totp_last_step < ?6)`,
    )
    .bind(id, password.hash, password.salt, password.iterations, previousHash, totpStep);
}

/** A new TOTP secret; no code of it has been used yet. */
export function setTotpSecretStatement(
  db: D1Database,
  id: number,
  secret: string,
): D1PreparedStatement {
  return db
    .prepare("UPDATE users SET totp_secret = ?2, totp_last_step = NULL WHERE id = ?1")
    .bind(id, secret);
}

/** A new role (and, for a clerk, region); the user's sessions are revoked beside it. */
export function setRoleStatement(
  db: D1Database,
  id: number,
  role: Role,
  regionCode: string | null,
): D1PreparedStatement {
  return db
    .prepare("UPDATE users SET role = ?2, region_code = ?3 WHERE id = ?1")
    .bind(id, role, regionCode);
}

/** Disables the account at `at`, unless it already is (its first disabling stands). */
export function disableUserStatement(db: D1Database, id: number, at: string): D1PreparedStatement {
  return db
    .prepare("UPDATE users SET disabled_at = ?2 WHERE id = ?1 AND disabled_at IS NULL")
    .bind(id, at);
}
