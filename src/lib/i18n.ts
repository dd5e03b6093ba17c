/**
 * Languages and their paths: Simplified Chinese at the plain paths, English under /en.
 * The words themselves are in the dictionaries (src/i18n/); numbers in format.ts.
 */
export const LANGS = ["zh", "en"] as const;
export type Lang = (typeof LANGS)[number];

/** The path of a page in a language: "/r/45" → "/en/r/45" for English. */
export function localePath(lang: Lang, path: string): string {
  if (lang === "zh") return path;
  return path === "/" ? "/en" : `/en${path}`;
}

/** A path without its language prefix: "/en/r/45" → "/r/45". */
export function basePath(path: string): string {
  if (path === "/en" || path === "/en/") return "/";
  return path.startsWith("/en/") ? path.slice(3) : path;
}

/** Paths that exist in English too (the back office is Chinese only). */
const ENGLISH_PATHS = [
  /^\/$/,
  /^\/r\/\d+$/,
  /^\/rankings$/,
  /^\/compare$/,
  /^\/methodology$/,
  /^\/search$/,
  /^\/bulletins$/,
  /^\/bulletins\/\d+$/,
  /^\/calendar$/,
  /^\/data$/,
  /^\/releases\/\d{4}-\d{2}$/,
];

/** Whether a page (given without its language prefix) has an English version. */
export function hasEnglish(path: string): boolean {
  return ENGLISH_PATHS.some((re) => re.test(path));
}

/** The language a request path is in. */
export function langOfPath(path: string): Lang {
  return path === "/en" || path.startsWith("/en/") ? "en" : "zh";
}

/**
 * The language a page route's `[...lang]` segment names: none is Chinese, "en" English;
 * anything else names no page (null: the route answers as an unknown address does).
 */
export function langOfRoute(segment: string | undefined): Lang | null {
  if (segment === undefined) return "zh";
  return segment === "en" ? "en" : null;
}

/** The language a page offers to switch to. */
export function otherLang(lang: Lang): Lang {
  return lang === "zh" ? "en" : "zh";
}
