/**
 * What a page says when its address names no region: the same words on the region page
 * and on its list pages, in the reader's language.
 */
import type { NotFoundError } from "../lib/errors.ts";
import type { Lang } from "../lib/i18n.ts";

/** The address's code is not a statistical division code (a 400). */
export function badRegionCodeMessage(code: string, lang: Lang): string {
  return lang === "en"
    ? `“${code}” is not a statistical division code: codes have 2, 4, 6, 9 or 12 digits, e.g. 450422.`
    : `“${code}”不是有效的统计用区划代码：区划代码是2、4、6、9或12位数字，例如 450422。`;
}

/** A NotFoundError's message in the reader's language (a 404). */
export function notFoundMessage(error: NotFoundError, lang: Lang): string {
  return lang === "en" ? error.message : error.detailZh;
}
