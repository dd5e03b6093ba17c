/**
 * What back-office requests share: the path's id, and JSON bodies, validated by zod-openapi
 * with the API's validationHook.
 */
import { z } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { ApiError } from "../api-error.ts";
import type { AdminEnv } from "./guard.ts";

/** The `{id}` of a path. A string for the validator, so that a bad id is 404 as always. */
export const IdParam = z.object({
  id: z.string().openapi({
    param: { name: "id", in: "path" },
    description: "A positive whole number.",
    example: "12",
  }),
});

/** The path's id as a positive whole number; else the 404 `notFound` makes. */
export function idOf(c: Context, notFound: () => ApiError): number {
  const id = Number(c.req.param("id"));
  if (Number.isSafeInteger(id) && id > 0) return id;
  throw notFound();
}

/** A required JSON body checked against `schema` (400 naming each field, 填写有误：…). */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { "application/json": { schema } } } as const;
}

// zod-openapi lets a body through to its validator only with such a Content-Type (else 415).
const JSON_TYPE = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

/**
 * Route middleware of every route with a JSON body, run before its validators: a body that
 * is not JSON (or none) is refused with the back office's own 400, and JSON sent under
 * another Content-Type with a 415, both also in Chinese (the validators' are English only).
 */
export const requireJson: MiddlewareHandler<AdminEnv> = async (c, next) => {
  try {
    await c.req.json();
  } catch {
    throw new ApiError(400, "The body must be JSON.", "请求内容必须是 JSON。");
  }
  if (!JSON_TYPE.test(c.req.header("Content-Type") ?? "")) {
    throw new ApiError(
      415,
      "Send the JSON body as Content-Type: application/json.",
      "请以 JSON 格式提交（Content-Type: application/json）。",
    );
  }
  await next();
};
