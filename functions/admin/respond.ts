/** Admin API helpers: JSON bodies checked by zod, refusals as problem+json. */
import type { Context } from "hono";
import type { z } from "zod";
import { RefusedError } from "../../src/lib/refused.ts";
import { problem } from "../problem.ts";

/** The request's JSON body checked against a schema, or a 400 naming every bad field. */
export async function readJson<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<{ ok: true; data: z.infer<T> } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return {
      ok: false,
      response: problem(c, 400, "The body must be JSON.", "请求内容必须是 JSON。"),
    };
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors = parsed.error.issues.map((issue) => ({
    parameter: issue.path.join(".") || "body",
    message: issue.message,
  }));
  const detail = errors.map((e) => `${e.parameter}: ${e.message}`).join("; ");
  return { ok: false, response: problem(c, 400, detail, `填写有误：${detail}`, errors) };
}

/** Runs an action; a RefusedError becomes its problem response. */
export async function attempt(c: Context, action: () => Promise<Response>): Promise<Response> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof RefusedError)
      return problem(c, error.status, error.message, error.detailZh);
    throw error;
  }
}

export function idParam(c: Context): number | null {
  const id = Number(c.req.param("id"));
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
