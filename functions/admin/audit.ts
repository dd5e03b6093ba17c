/** /api/admin/audit: the audit log, newest first (administrators). */
import { Hono } from "hono";
import { listAudit } from "../../src/db/audit.ts";
import { guard, type AdminEnv } from "./guard.ts";

export const audit = new Hono<AdminEnv>();
audit.use("*", guard("audit"));

audit.get("/", async (c) => {
  const before = Number(c.req.query("before") ?? "") || undefined;
  const limit = Math.min(Math.max(Number(c.req.query("limit") ?? 100) || 100, 1), 500);
  return c.json({ entries: await listAudit(c.env.DB, limit, before) });
});
