/**
 * The audit log: every write adds one row in the same batch as the write itself, so a
 * write without its audit row (or the reverse) cannot happen.
 */

export interface AuditEntry {
  at: string;
  userId: number | null;
  action: string;
  entity: string;
  ids: (string | number)[];
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export function auditStatement(db: D1Database, e: AuditEntry): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (at, user_id, action, entity, entity_ids, before_json, after_json, ip)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)`,
    )
    .bind(
      e.at,
      e.userId,
      e.action,
      e.entity,
      JSON.stringify(e.ids),
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.ip ?? null,
    );
}

/**
 * The audit row of a write that can lose a race inside its own batch: written only if the
 * user's stored password hash is `passwordHash` when the batch reaches it, i.e. only if the
 * password change earlier in the batch took effect.
 */
export function auditIfPasswordStatement(
  db: D1Database,
  e: AuditEntry,
  userId: number,
  passwordHash: string,
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (at, user_id, action, entity, entity_ids, before_json, after_json, ip)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8
       WHERE EXISTS (SELECT 1 FROM users WHERE id = ?9 AND password_hash = ?10)`,
    )
    .bind(
      e.at,
      e.userId,
      e.action,
      e.entity,
      JSON.stringify(e.ids),
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.ip ?? null,
      userId,
      passwordHash,
    );
}

export interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  email: string | null;
  action: string;
  entity: string;
  entity_ids: string;
  before_json: string | null;
  after_json: string | null;
  ip: string | null;
}

export async function listAudit(db: D1Database, limit: number, beforeId?: number) {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.at, a.user_id, u.email, a.action, a.entity, a.entity_ids, a.before_json,
         a.after_json, a.ip
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.id < ?2 ORDER BY a.id DESC LIMIT ?1`,
    )
    .bind(limit, beforeId ?? Number.MAX_SAFE_INTEGER)
    .all<AuditRow>();
  return results;
}

export async function countAudit(db: D1Database): Promise<number> {
  const row = await db.prepare("SELECT count(*) AS n FROM audit_log").first<{ n: number }>();
  return row?.n ?? 0;
}

/** Who made a change: a signed-in user, or the Cron Trigger (id null). */
export interface Actor {
  id: number | null;
  ip: string | null;
}

/** The audit row of a change made by `actor` at `at`. */
export function actorAuditStatement(
  db: D1Database,
  actor: Actor,
  at: string,
  change: Pick<AuditEntry, "action" | "entity" | "ids" | "before" | "after">,
): D1PreparedStatement {
  return auditStatement(db, { ...change, at, userId: actor.id, ip: actor.ip });
}
