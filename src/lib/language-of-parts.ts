/**
 * Language of parts (WCAG 2.2, 3.1.2): English pages show Chinese proper names (regions,
 * villages, departments, bulletin titles) as they are written. Marking each run of Chinese
 * with lang="zh-CN" lets a screen reader switch voice for it and a browser pick the font;
 * without it an English voice reads them as nothing or as letters.
 */

/** Chinese characters: Han, and the CJK and full-width punctuation. */
const CHINESE =
  "\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff01-\\uff60\\u{20000}-\\u{2ebef}\\u{30000}-\\u{3134f}";
/**
 * A run of Chinese: from a Chinese character to the last one before other words, with
 * the digits and dashes between them (2026年1—10月 is read as one phrase in Chinese).
 */
const CHINESE_RUN = new RegExp(
  `[${CHINESE}](?:[0-9.\\u2013\\u2014${CHINESE}]*[${CHINESE}])?`,
  "gu",
);

/** Whether `text` holds any Chinese. */
export function hasChinese(text: string): boolean {
  CHINESE_RUN.lastIndex = 0;
  return CHINESE_RUN.test(text);
}

/**
 * `html` (the text of an element as written in the page: escaped, no tags) with each run
 * of Chinese wrapped in a span marked as Chinese.
 * @example markChinese("黎寨村委会 (450422104211)") // '<span lang="zh-CN">黎寨村委会</span> (450422104211)'
 */
export function markChinese(html: string): string {
  return html.replace(CHINESE_RUN, (run) => `<span lang="zh-CN">${run}</span>`);
}

/** Elements whose text is left as it is: no spans fit in them, or they are not text. */
const LEFT_ALONE = new Set(["title", "option", "textarea", "script", "style", "svg", "template"]);

/**
 * A tag (quoted attribute values may hold ">"), a comment, or the text up to the next one.
 * Astro writes well-formed HTML, so this tokenizer need not be a full parser.
 */
const TOKEN = /<!--[\s\S]*?-->|<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+|</g;

/**
 * A whole page with every run of Chinese in its body text marked (markChinese), text
 * inside LEFT_ALONE elements and the head left as they are: one pass over the string,
 * cheaper than a streaming rewriter's call per text node on a page of thousands.
 */
export function markChineseInPage(html: string): string {
  let leftAlone = 0;
  let inBody = false;
  return html.replace(TOKEN, (token: string, tag: string | undefined) => {
    if (tag) {
      const name = tag.toLowerCase();
      const closing = token.startsWith("</");
      if (name === "body") inBody = !closing;
      else if (LEFT_ALONE.has(name) && !token.endsWith("/>")) leftAlone += closing ? -1 : 1;
      return token;
    }
    if (!inBody || leftAlone > 0 || token.startsWith("<")) return token;
    return hasChinese(token) ? markChinese(token) : token;
  });
}
