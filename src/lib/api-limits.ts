/**
 * The public API's documented limits, shared by the rate limiter (functions/rate-limit.ts),
 * the OpenAPI document and the pages that describe them. They must equal the
 * [[ratelimits]] entries in wrangler.toml.
 */
export const RATE_LIMITS = {
  api: { binding: "API_RATE_LIMIT", limit: 600, period: 60 },
  downloads: { binding: "DOWNLOAD_RATE_LIMIT", limit: 120, period: 60 },
} as const;

/**
 * The most rows one CSV request streams, unless EXPORT_MAX_ROWS in wrangler.toml says
 * otherwise (functions/datasets.ts exportMaxRows): larger cuts are bulk files.
 */
export const EXPORT_MAX_ROWS = 500_000;
