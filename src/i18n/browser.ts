/**
 * The words the browser's scripts show, by language: the dictionaries' part of their own
 * (zhInBrowser, enInBrowser), imported alone so that a script does not carry every word
 * of the site (about 20 KB gzipped).
 */
import type { Lang } from "../lib/i18n.ts";
import { enInBrowser } from "./en.ts";
import { zhInBrowser } from "./zh.ts";

export const BROWSER_WORDS: Record<Lang, typeof zhInBrowser | typeof enInBrowser> = {
  zh: zhInBrowser,
  en: enInBrowser,
};
