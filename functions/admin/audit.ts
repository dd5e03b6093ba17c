/** /api/admin/audit: the audit log, newest first (administrators). */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { listAudit } from "../../src/db/audit.ts";
import { validationHook } from "../validation.ts";
import { guard, type AdminEnv } from "./guard.ts";
import { GUARD_ERRORS, jsonResponse } from "./schemas.ts";

export const audit = new OpenAPIHono<AdminEnv>({ defaultHook: validationHook });
audit.use("*", guard("audit"));

const AuditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  user_id: z.number().nullable(),
  email: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entity_ids: z.string().openapi({ description: "The ids changed, as a JSON array." }),
  before_json: z.string().nullable(),
  after_json: z.string().nullable(),
  ip: z.string().nullable(),
});

const listRoute = createRoute({
  method: "get",
  path: "/",
  summary: "The audit log, newest first",
  // Read leniently, not validated: a missing or odd value means the default.
  parameters: [
    {
      name: "before",
      in: "query",
      description: "Only entries with a smaller id (the next page: the last id seen).",
      schema: { type: "integer" },
    },
    {
      name: "limit",
      in: "query",
      description: "How many entries, 1 to 500 (default 100).",
      schema: { type: "integer", minimum: 1, maximum: 500, default: 100 },
    },
  ],
  responses: {
    200: jsonResponse("The entries.", z.object({ entries: z.array(AuditEntrySchema) })),
    ...GUARD_ERRORS,
  },
});

audit.openapi(listRoute, async (c) => {
  const before = Number(c.req.query("before") ?? "") || undefined;
  const limit = Math.min(Math.max(Number(c.req.query("limit") ?? 100) || 100, 1), 500);
  return c.json({ entries: await listAudit(c.env.DB, limit, before) }, 200);
});
