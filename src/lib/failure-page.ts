/**
 * The answer when a request failed before any page or API handler could answer it (the
 * data version read at the door, for one), as a page: 503 with Retry-After when the database
 * failed (isDataUnavailable), else 500; a small page in the reader's language, never a stack
 * trace. Pages have their own (src/pages/500.astro); the API's is serverProblem
 * (functions/problem.ts). This is the last resort, in src/worker.ts.
 */
import { translator } from "../i18n/index.ts";
import { isDataUnavailable, RETRY_AFTER_SECONDS } from "./errors.ts";
import { langOfPath, localePath } from "./i18n.ts";

export function failurePage(request: Request, error: unknown): Response {
  const unavailable = isDataUnavailable(error);
  const status = unavailable ? 503 : 500;
  const path = new URL(request.url).pathname;
  const headers = new Headers({ "Cache-Control": "no-store" });
  if (unavailable) headers.set("Retry-After", String(RETRY_AFTER_SECONDS));
  headers.set("Content-Type", "text/html; charset=utf-8");
  const lang = langOfPath(path);
  const t = translator(lang);
  // The dictionary's words need no escaping: they are ours, and hold no markup.
  const title = t(unavailable ? "error.unavailable.title" : "error.failed.title");
  const text = unavailable
    ? t("error.unavailable.text", { seconds: RETRY_AFTER_SECONDS })
    : t("error.failed.short");
  const html = `<!doctype html>
<html lang="${t("lang.html")}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${t("site.name")}</title></head>
<body><main><h1>${title}</h1><p>${text}</p><p><a href="${localePath(lang, "/")}">${t("notFound.backHome")}</a></p></main></body>
</html>
`;
  return new Response(html, { status, headers });
}
