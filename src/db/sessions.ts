/**
 * Sessions and login throttling. A session token is 256 random bits; only its SHA-256 is
 * stored, so a copy of the database does not let anyone sign in.
 */
import type { User } from "./users.ts";

export interface SessionRow {
  token_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export function insertSessionStatement(db: D1Database, s: Omit<SessionRow, "revoked_at">) {
  return db
    .prepare(
      `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
       VALUES (?1, ?2, ?3, ?4, ?5)`,
    )
    .bind(s.token_hash, s.user_id, s.created_at, s.last_seen_at, s.expires_at);
}

export async function findSession(
  db: D1Database,
  tokenHash: string,
): Promise<(SessionRow & { user: User }) | null> {
  const row = await db
    .prepare(
      `SELECT s.token_hash, s.user_id, s.created_at, s.last_seen_at, s.expires_at, s.revoked_at,
         u.id, u.email, u.display_name, u.role, u.region_code, u.disabled_at,
         u.must_change_password
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?1`,
    )
    .bind(tokenHash)
    .first<SessionRow & User>();
  if (!row) return null;
  const { id, email, display_name, role, region_code, disabled_at, must_change_password, ...rest } =
    row;
  return {
    ...rest,
    user: { id, email, display_name, role, region_code, disabled_at, must_change_password },
  };
}

export function touchSessionStatement(db: D1Database, tokenHash: string, at: string) {
  return db
    .prepare("UPDATE sessions SET last_seen_at = ?2 WHERE token_hash = ?1 AND revoked_at IS NULL")
    .bind(tokenHash, at);
}

export function revokeSessionStatement(db: D1Database, tokenHash: string, at: string) {
  return db
    .prepare("UPDATE sessions SET revoked_at = ?2 WHERE token_hash = ?1 AND revoked_at IS NULL")
    .bind(tokenHash, at);
}

export function revokeUserSessionsStatement(db: D1Database, userId: number, at: string) {
  return db
    .prepare("UPDATE sessions SET revoked_at = ?2 WHERE user_id = ?1 AND revoked_at IS NULL")
    .bind(userId, at);
}

/**
 * Revokes all of a user's sessions, only if `ifPasswordHash` is now the user's stored hash:
 * in the same batch as a password change, nothing is revoked when the change lost a race.
 */
export function revokeSessionsIfPasswordStatement(
  db: D1Database,
  userId: number,
  at: string,
  ifPasswordHash: string,
) {
  return db
    .prepare(
      `UPDATE sessions SET revoked_at = ?2
       WHERE user_id = ?1 AND revoked_at IS NULL
         AND EXISTS (SELECT 1 FROM users WHERE id = ?1 AND password_hash = ?3)`,
    )
    .bind(userId, at, ifPasswordHash);
}

/**
 * Starts a session, only if `ifPasswordHash` is now the user's stored hash: in the same
 * batch as a password change, the replacement session exists only if the change won.
 */
export function insertSessionIfPasswordStatement(
  db: D1Database,
  s: Omit<SessionRow, "revoked_at">,
  ifPasswordHash: string,
) {
  return db
    .prepare(
      `INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at)
       SELECT ?1, ?2, ?3, ?4, ?5
       WHERE EXISTS (SELECT 1 FROM users WHERE id = ?2 AND password_hash = ?6)`,
    )
    .bind(s.token_hash, s.user_id, s.created_at, s.last_seen_at, s.expires_at, ifPasswordHash);
}

export function recordAttemptStatement(db: D1Database, key: string, at: string, ok: boolean) {
  return db
    .prepare("INSERT INTO login_attempts (key, attempted_at, succeeded) VALUES (?1, ?2, ?3)")
    .bind(key, at, ok ? 1 : 0);
}

/**
 * Failed attempts for each key since `since`, after that key's last success and, for an
 * account, after an administrator last reset its password.
 */
export async function countFailures(
  db: D1Database,
  keys: string[],
  since: string,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const key of keys) {
    const row = await db
      .prepare(
        `SELECT count(*) AS n FROM login_attempts
         WHERE key = ?1 AND succeeded = 0 AND attempted_at >= ?2
           AND attempted_at > COALESCE((SELECT max(attempted_at) FROM login_attempts
                                        WHERE key = ?1 AND succeeded = 1), '')
           AND attempted_at > COALESCE((SELECT lockout_cleared_at FROM users
                                        WHERE substr(?1, 1, 8) = 'account:'
                                          AND lower(email) = substr(?1, 9)), '')`,
      )
      .bind(key, since)
      .first<{ n: number }>();
    out.set(key, row?.n ?? 0);
  }
  return out;
}

/**
 * Housekeeping for the Cron Trigger: deletes at most `limit` sign-in attempts older than
 * `attemptsBefore` (oldest first) and at most `limit` sessions whose absolute time-out
 * passed before `sessionsBefore` (revoked or not: neither can be used again). Returns how
 * many rows went.
 */
export async function pruneAuthRecords(
  db: D1Database,
  attemptsBefore: string,
  sessionsBefore: string,
  limit: number,
): Promise<{ loginAttempts: number; sessions: number }> {
  const [attempts, sessions] = await db.batch([
    db
      .prepare(
        `DELETE FROM login_attempts WHERE id IN (
           SELECT id FROM login_attempts WHERE attempted_at < ?1 ORDER BY attempted_at LIMIT ?2)`,
      )
      .bind(attemptsBefore, limit),
    db
      .prepare(
        `DELETE FROM sessions WHERE token_hash IN (
           SELECT token_hash FROM sessions WHERE expires_at < ?1 ORDER BY expires_at LIMIT ?2)`,
      )
      .bind(sessionsBefore, limit),
  ]);
  return { loginAttempts: attempts?.meta.changes ?? 0, sessions: sessions?.meta.changes ?? 0 };
}
