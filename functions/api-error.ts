/**
 * The API's one error, and the one place an error becomes a response: an
 * application/problem+json body (RFC 9457) that says what was wrong in English and in
 * Chinese. Handlers and middleware throw ApiError; app.ts's onError answers whatever was
 * thrown with errorResponseOf, which also reads the domain errors of src/ (apiErrorOf).
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isDataUnavailable, NotFoundError, RETRY_AFTER_SECONDS } from "../src/lib/errors.ts";
import { RefusedError } from "../src/lib/refused.ts";
import { UploadFileError } from "../src/lib/upload/errors.ts";
import { RankingRequestError } from "../src/services/rankings.ts";

/** One bad parameter, body field or file row, and what is wrong with it. */
export interface ParameterError {
  parameter: string;
  message: string;
}

/** An error of its own kind: its type slug and title instead of those of its status. */
export interface ErrorType {
  slug: string;
  title: string;
}

/** What an ApiError may carry besides its status and its two details. */
export interface ApiErrorExtras {
  errors?: ParameterError[];
  type?: ErrorType;
  /** Extension members (RFC 9457 §3.2) a client can act on, e.g. an upload's report. */
  members?: Record<string, unknown>;
  /** Headers of the response, e.g. Retry-After. */
  headers?: Record<string, string>;
}

/**
 * An answer other than success: its status, what was wrong in English (`detail`, also
 * the message) and in Chinese (`detailZh`), and the extras of its kind.
 *
 * @example
 * throw new ApiError(404, "No such user.", "没有这个用户。");
 */
export class ApiError extends HTTPException {
  readonly detail: string;
  readonly detailZh: string;
  readonly extras: ApiErrorExtras;

  constructor(
    status: ContentfulStatusCode,
    detail: string,
    detailZh: string,
    extras: ApiErrorExtras = {},
  ) {
    super(status, { message: detail });
    this.name = "ApiError";
    this.detail = detail;
    this.detailZh = detailZh;
    this.extras = extras;
  }
}

/** The body written for an ApiError (its extension members follow these). */
export interface ErrorBody {
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
  415: ["unsupported-media-type", "Unsupported media type"],
  422: ["invalid-content", "Invalid content"],
  429: ["too-many-requests", "Too many requests"],
  500: ["internal-error", "Internal error"],
  503: ["unavailable", "Data briefly unavailable"],
};

/** The application/problem+json response of an error, never cached. */
export function errorResponse(c: Context, error: ApiError): Response {
  const { errors, type, members, headers } = error.extras;
  const [slug, title] = type
    ? [type.slug, type.title]
    : (TITLES[error.status] ?? ["error", "Error"]);
  const body: ErrorBody = {
    type: `/api/docs#problem-${slug}`,
    title,
    status: error.status,
    detail: error.detail,
    detail_zh: error.detailZh,
    instance: new URL(c.req.url).pathname,
    ...(errors ? { errors } : {}),
    ...members,
  };
  return c.body(JSON.stringify(body), error.status, {
    ...headers,
    "Content-Type": "application/problem+json; charset=utf-8",
    "Cache-Control": "no-store",
  });
}

/**
 * The ApiError a thrown error stands for: itself, a domain error of src/ (a missing region,
 * a refused change, an unreadable upload, a ranking asked wrongly), or one of Hono's own
 * client errors (its words in both languages). Null when it is our side that failed.
 */
export function apiErrorOf(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof NotFoundError) return new ApiError(404, error.message, error.detailZh);
  if (error instanceof RefusedError || error instanceof UploadFileError) {
    return new ApiError(error.status, error.message, error.detailZh);
  }
  if (error instanceof RankingRequestError) {
    return new ApiError(400, error.message, error.detailZh, {
      errors: [{ parameter: error.parameter, message: error.message }],
    });
  }
  if (error instanceof HTTPException && error.status < 500) {
    return new ApiError(error.status, error.message, error.message);
  }
  return null;
}

/**
 * Our side failed: 503 with Retry-After when the database failed or timed out (nothing was
 * answered from half a read, and a batch that failed wrote nothing: D1's batch is one
 * transaction), else 500. Never the error's own words.
 */
export function serverError(error: unknown): ApiError {
  if (isDataUnavailable(error)) {
    return new ApiError(
      503,
      "The data is briefly unavailable; nothing was changed. Try again in a moment.",
      "数据暂时无法读取，本次请求未做任何修改，请稍后再试。",
      { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } },
    );
  }
  return new ApiError(500, "Something went wrong on our side.", "服务器内部错误。");
}

/** The 500 or 503 response of a failure (the Worker's last resort uses it too). */
export function serverErrorResponse(c: Context, error: unknown): Response {
  return errorResponse(c, serverError(error));
}

/** The response to whatever a handler threw; our own failures are logged. */
export function errorResponseOf(c: Context, error: unknown): Response {
  const known = apiErrorOf(error);
  if (known) return errorResponse(c, known);
  console.error(isDataUnavailable(error) ? "D1 unavailable" : "API error", error);
  return serverErrorResponse(c, error);
}
