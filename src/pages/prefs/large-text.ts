/**
 * Switches large-text mode (大字模式) on or off and sends the reader back to the page they
 * came from. The header's form posts here, so the switch works without JavaScript; GET
 * is accepted too so that the switch can be a plain link.
 */
import type { APIRoute } from "astro";
import { langOfPath } from "../../lib/i18n.ts";
import { largeTextSetCookie, parseOnFlag, safeBackPath } from "../../lib/prefs.ts";

function refuse(message: string): Response {
  return new Response(message, {
    status: 400,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function handle(url: URL, on: string | null, back: string | null): Response {
  const target = back === null || back === "" ? "/" : safeBackPath(back);
  if (target === null) {
    return refuse(
      "返回地址必须是本站的页面路径（以“/”开头），例如 /r/450422。\n" +
        "The return address must be a path on this site (starting with “/”), e.g. /r/450422.",
    );
  }
  const flag = parseOnFlag(on);
  if (flag === null) {
    const en = langOfPath(target) === "en";
    return refuse(
      en
        ? "The field “on” must be 1 (large text) or 0 (standard text)."
        : "参数 on 只能是 1（大字模式）或 0（标准字号）。",
    );
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
    return refuse("请用表单提交（on=1 或 on=0）。\nSend a form with on=1 or on=0.");
  }
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : null;
  };
  return handle(url, field("on"), field("back"));
};
