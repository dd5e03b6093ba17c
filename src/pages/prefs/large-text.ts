/**
 * Switches large-text mode (大字模式) on or off and sends the reader back to the page they
 * came from. The header's form posts here, so the switch works without JavaScript; GET
 * is accepted too so that the switch can be a plain link.
 */
import type { APIRoute } from "astro";
import { langOfPath, translator } from "../../i18n/index.ts";
import { largeTextSetCookie, parseOnFlag, safeBackPath } from "../../lib/prefs.ts";

function refuse(message: string): Response {
  return new Response(message, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** A refusal before the reader's language is known: in Chinese, then in English. */
function bothLanguages(key: "prefs.badBack" | "prefs.notAForm"): string {
  return `${translator("zh")(key)}\n${translator("en")(key)}`;
}

function handle(url: URL, on: string | null, back: string | null): Response {
  const target = back === null || back === "" ? "/" : safeBackPath(back);
  if (target === null) {
    return refuse(bothLanguages("prefs.badBack"));
  }
  const flag = parseOnFlag(on);
  if (flag === null) {
    return refuse(translator(langOfPath(target))("prefs.badOn"));
  }
  return new Response(null, {
    status: 303,
    headers: {
      Location: target,
      "Set-Cookie": largeTextSetCookie(flag, url.protocol === "https:"),
      "Cache-Control": "no-store",
    },
  });
}

export const GET: APIRoute = ({ url }) =>
  handle(url, url.searchParams.get("on"), url.searchParams.get("back"));

export const POST: APIRoute = async ({ request, url }) => {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return refuse(bothLanguages("prefs.notAForm"));
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : null;
  };
  return handle(url, field("on"), field("back"));
};
