/**
 * Rate limits of the public API, with the Workers rate-limiting binding ([[ratelimits]]
 * in wrangler.toml; miniflare implements it locally). Per client address and per minute:
 * API_RATE_LIMIT for every /api/v1 request, DOWNLOAD_RATE_LIMIT for dataset files. Over
 * the limit: a 429 ApiError with Retry-After.
 */
import type { Context, MiddlewareHandler } from "hono";
import { RATE_LIMITS } from "../src/lib/api-limits.ts";
import { ApiError } from "./api-error.ts";

export { RATE_LIMITS };

function clientKey(c: Context): string {
  return c.req.header("CF-Connecting-IP") ?? "anonymous";
}

/** Seconds until the current window ends (windows are aligned to the clock). */
export function retryAfterSeconds(period: number, nowMs = Date.now()): number {
  return Math.max(1, period - (Math.floor(nowMs / 1000) % period));
}

export function rateLimit(which: keyof typeof RATE_LIMITS): MiddlewareHandler<{ Bindings: Env }> {
  const { binding, limit, period } = RATE_LIMITS[which];
  return async (c, next) => {
    const limiter: RateLimit | undefined = c.env[binding];
    // No binding (a deployment without [[ratelimits]]): serve rather than fail.
    if (!limiter) return next();
    const { success } = await limiter.limit({ key: `${which}:${clientKey(c)}` });
    if (success) return next();
    const retry = retryAfterSeconds(period);
    throw new ApiError(
      429,
      `Rate limit exceeded: at most ${limit} ${which === "api" ? "API requests" : "dataset downloads"} per ${period} s from one address. Retry after ${retry} s.`,
      `请求过于频繁：同一地址每 ${period} 秒最多 ${limit} 次${which === "api" ? "接口请求" : "数据下载"}，请 ${retry} 秒后再试。`,
      { headers: { "Retry-After": String(retry) } },
    );
  };
}
