/**
 * The answer when a request failed before any page or API handler could answer it (the
 * data version read at the door, for one), as a page: 503 with Retry-After when the database
 * failed (isDataUnavailable), else 500; a small page in the reader's language, never a stack
 * trace. Pages have their own (src/pages/500.astro); the API's is serverProblem
 * (functions/problem.ts). This is the last resort, in src/worker.ts.
 */
import { isDataUnavailable, RETRY_AFTER_SECONDS } from "./errors.ts";
import { langOfPath } from "./i18n.ts";

export function failurePage(request: Request, error: unknown): Response {
  const unavailable = isDataUnavailable(error);
  const status = unavailable ? 503 : 500;
  const path = new URL(request.url).pathname;
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (unavailable) headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  headers.set("Content-Type", "text/html; charset=utf-8");
  const en = langOfPath(path) === "en";
  const [title, text, home] = en
    ? unavailable
      ? [
          "Data briefly unavailable",
          `The data cannot be read just now. Please try again in ${RETRY_AFTER_SECONDS} seconds.`,
          "Back to the home page",
        ]
      : [
          "Something went wrong",
          "This page could not be shown because of an error on our side.",
          "Back to the home page",
        ]
    : unavailable
      ? [
          "数据暂时无法读取",
          `数据暂时无法读取，请 ${RETRY_AFTER_SECONDS} 秒后刷新重试。`,
          "返回首页",
        ]
      : ["页面出错了", "由于本站的错误，此页面暂时无法显示。", "返回首页"];
  const html = `<!doctype html>
<html lang="${en ? "en" : "zh-CN"}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${en ? "Village Ledger" : "村务公开台账"}</title></head>
<body><main><h1>${title}</h1><p>${text}</p><p><a href="${en ? "/en" : "/"}">${home}</a></p></main></body>
</html>
`;
  return new Response(html, { status, headers });
}
