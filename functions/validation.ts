/**
 * The one validation path: zod's refusals become a 400 that names each parameter (or body
 * field) and its rule. Every OpenAPI route, public and back office, uses validationHook.
 */
import type { Hook } from "@hono/zod-openapi";
import type { ValidationTargets } from "hono";
import { ApiError } from "./api-error.ts";

/** Where zod found the issues: a request body (a back-office form) or query/path parameters. */
type Target = keyof ValidationTargets;

/** What zod-openapi's validators report (the same for every app's environment). */
type ValidationResult = Parameters<Hook<unknown, { Bindings: Env }, string, void>>[0];

/**
 * A 400 naming every issue. A body's fields are "filled in" (填写有误), parameters "given"
 * (参数有误); an issue of the whole body or query is named after it.
 */
export function invalidRequest(
  issues: readonly { path: PropertyKey[]; message: string }[],
  target: Target,
): ApiError {
  const isBody = target === "json" || target === "form";
  const errors = issues.map((issue) => ({
    parameter: issue.path.map(String).join(".") || (isBody ? "body" : target),
    message: issue.message,
  }));
  const detail = errors.map((e) => `${e.parameter}: ${e.message}`).join("; ");
  return new ApiError(400, detail, `${isBody ? "填写有误" : "参数有误"}：${detail}`, { errors });
}

/** The defaultHook of every OpenAPI app: throws the 400 that onError answers. */
export function validationHook(result: ValidationResult): void {
  if (!result.success) throw invalidRequest(result.error.issues, result.target);
}
