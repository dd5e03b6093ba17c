/**
 * Errors as problem details (RFC 9457, application/problem+json), written in one place.
 * Each says what was wrong in English and in Chinese.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isDataUnavailable, RETRY_AFTER_SECONDS } from "../src/lib/errors.ts";

export interface ParameterError {
  parameter: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  detail_zh: string;
  instance: string;
  errors?: ParameterError[];
}

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ["invalid-parameter", "Invalid parameter"],
  401: ["unauthenticated", "Sign-in required"],
  403: ["forbidden", "Forbidden"],
  404: ["not-found", "Not found"],
  405: ["method-not-allowed", "Method not allowed"],
  409: ["conflict", "Conflict"],
  413: ["too-large", "Too large"],
  422: ["invalid-content", "Invalid content"],
  429: ["too-many-requests", "Too many requests"],
  500: ["internal-error", "Internal error"],
  503: ["unavailable", "Data briefly unavailable"],
};

/**
 * A problem of its own kind: its type slug and title instead of the status's, and
 * extension members (RFC 9457 §3.2) a client can act on.
 */
export interface ProblemKind {
  slug: string;
  title: string;
  members?: Record<string, unknown>;
}

/** A problem+json response. */
export function problem(
  c: Context,
  status: ContentfulStatusCode,
  detail: string,
  detailZh: string,
  errors?: ParameterError[],
  kind?: ProblemKind,
): Response {
  const [slug, title] = kind ? [kind.slug, kind.title] : (TITLES[status] ?? ["error", "Error"]);
  const body: Problem = {
    type: `/api/docs#problem-${slug}`,
    title,
    status,
    detail,
    detail_zh: detailZh,
    instance: new URL(c.req.url).pathname,
    ...(errors ? { errors } : {}),
    ...kind?.members,
  };
  return c.body(JSON.stringify(body), status, {
    "Content-Type": "application/problem+json; charset=utf-8",
    "Cache-Control": "no-store",
  });
}

/**
 * Our side failed: 503 with Retry-After when the database failed or timed out (nothing was
 * answered from half a read, and a batch that failed wrote nothing: D1's batch is one
 * transaction), else 500. Never the error's own words.
 */
export function serverProblem(c: Context, error: unknown): Response {
  if (isDataUnavailable(error)) {
    c.header("Retry-After", String(RETRY_AFTER_SECONDS));
    return problem(
      c,
      503,
      "The data is briefly unavailable; nothing was changed. Try again in a moment.",
      "数据暂时无法读取，本次请求未做任何修改，请稍后再试。",
    );
  }
  return problem(c, 500, "Something went wrong on our side.", "服务器内部错误。");
}
