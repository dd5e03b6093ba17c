/** Shapes the back office's OpenAPI document (/api/admin/openapi.json) shares. */
import { z } from "@hono/zod-openapi";
import { ROLES } from "../../src/db/users.ts";
import { ErrorBodySchema } from "../schemas.ts";

/** A JSON response of a route, for its document. */
export function jsonResponse<T extends z.ZodType>(description: string, schema: T) {
  return { description, content: { "application/json": { schema } } };
}

const errorDoc = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: ErrorBodySchema } },
});

/** The error responses of back-office routes, for the admin OpenAPI document. */
export const ADMIN_ERRORS = {
  400: errorDoc("A field is missing or wrong (errors names each), or the body is not JSON."),
  401: errorDoc("Not signed in, or the session has expired."),
  403: errorDoc(
    "A cross-site request, a missing anti-forgery token (X-CSRF-Token), a password to change " +
      "first, or a role without this right.",
  ),
  404: errorDoc("No such item."),
  409: errorDoc("The change conflicts with the item's state or with another change."),
  413: errorDoc("The file is over the size limit."),
  415: errorDoc("The body is not sent as application/json."),
  422: errorDoc("Rows of the file are wrong: errors and report list each."),
  429: errorDoc("Too many failed attempts; Retry-After gives the seconds to wait."),
} as const;

/** What guard() may answer on every route behind it. */
export const GUARD_ERRORS = { 401: ADMIN_ERRORS[401], 403: ADMIN_ERRORS[403] } as const;

/** An account as the back office shows it (never its password or TOTP secret). */
export const UserSchema = z
  .object({
    id: z.number(),
    email: z.string(),
    display_name: z.string(),
    role: z.enum(ROLES),
    region_code: z.string().nullable(),
    disabled_at: z.string().nullable(),
    must_change_password: z.union([z.literal(0), z.literal(1)]),
  })
  .openapi("AdminUser");
