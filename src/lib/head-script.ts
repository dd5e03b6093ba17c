/**
 * The one script that runs inline, in every page's head before the first paint: it marks
 * the page as having JavaScript and applies the large-text choice from its cookie, so the
 * page never flashes at the wrong size. Inline because a file would cost a blocking
 * request; allowed by the Content-Security-Policy through its hash (HEAD_SCRIPT_HASH in
 * security-headers.ts), computed from this very text.
 */
function headScript(): void {
  const d = document;
  const c = d.documentElement.classList;
  const on = () => c.contains("large-text");
  c.replace("no-js", "js");
  // A copy from the browser's cache may predate the reader's choice: the cookie decides.
  c.toggle("large-text", /(?:^|; )large_text=1(?:;|$)/.test(d.cookie));
  const sync = (f: HTMLFormElement) => {
    f.querySelector("button")?.setAttribute("aria-pressed", String(on()));
    (f.elements.namedItem("on") as HTMLInputElement).value = on() ? "0" : "1";
  };
  d.addEventListener("DOMContentLoaded", () =>
    d.querySelectorAll<HTMLFormElement>("[data-large-text]").forEach(sync),
  );
  // Switch at once instead of posting the form and reloading the page.
  d.addEventListener("submit", (e) => {
    const f = e.target as HTMLFormElement;
    if (!f.hasAttribute("data-large-text")) return;
    e.preventDefault();
    c.toggle("large-text", !on());
    const secure = location.protocol === "https:" ? "; Secure" : "";
    d.cookie = `large_text=${on() ? 1 : 0}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
    sync(f);
  });
}

/** The script's text as it is put in the page (the CSP hash is of exactly this). */
export const HEAD_SCRIPT = `(${String(headScript)})();`;
