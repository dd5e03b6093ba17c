/**
 * The words the browser's scripts show, by language: the dictionaries' part of their own,
 * kept here and spread into zh.ts and en.ts, so that a script importing them carries
 * neither dictionary (nothing here imports them: a bundle cannot drag them in).
 */
import type { Lang } from "../lib/i18n.ts";

export const zhInBrowser = {
  "chart.villages": "村数",
} as const;

export const enInBrowser = {
  "chart.villages": "Villages",
} as const satisfies { readonly [K in keyof typeof zhInBrowser]: string };

export const BROWSER_WORDS: Record<Lang, typeof zhInBrowser | typeof enInBrowser> = {
  zh: zhInBrowser,
  en: enInBrowser,
};
