/**
 * The English words are English: no full-width punctuation and no Chinese characters in the
 * English dictionary (src/i18n/en.ts and its modules under en/) nor in the English words of
 * the domain (vocabulary labels, the open datasets' descriptions), except the Chinese shown
 * on purpose listed below. And the dictionaries have the same keys, module by module.
 */
import { describe, expect, it } from "vitest";
import { DICTIONARIES } from "../../../src/i18n/index.ts";
import { enDefinitions } from "../../../src/i18n/en/definitions.ts";
import { enMethodology } from "../../../src/i18n/en/methodology.ts";
import { zhDefinitions } from "../../../src/i18n/zh/definitions.ts";
import { zhMethodology } from "../../../src/i18n/zh/methodology.ts";
import { DATASETS, UNITS_EN } from "../../../src/lib/datasets.ts";
import { VOCABULARIES } from "../../../src/lib/vocabulary.ts";

/**
 * Full-width and CJK punctuation (U+3000–303F: 、。「」【】 and the ideographic space;
 * U+FF00–FFEF: （），：；！？ and full-width letters), and Chinese characters (CJK ideographs,
 * extension A, compatibility ideographs). Curly quotes “ ” and ’ are not here: they are
 * English typography too, and the English pages use them.
 */
const NOT_ENGLISH = /[\u3000-\u303f\uff00-\uffef\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/**
 * Chinese shown on purpose in English strings, by key: the words as they are written.
 * Each must still be in its string (so this list cannot outlive its reason).
 */
const CHINESE_ON_PURPOSE: Record<string, string[]> = {
  // The language switch names the other language in it.
  "lang.switchTo": ["中文"],
  "nav.inChinese": ["中文"],
  // Search examples: people type Chinese names; these are what to type.
  "searchBox.hint": ["黎寨"],
  "search.tips": ["黎寨", "寨", "村委会", "镇", "县"],
  // The Chinese pages' money units, named to say how they differ from the English ones.
  "methodology.units.p1": ["万元", "亿元"],
};

/** Chinese allowed in any English string: the site's Chinese name, as it is to be credited. */
const CHINESE_ANYWHERE = [DICTIONARIES.zh["site.name"]];

/** What is left of an English string once the Chinese shown on purpose is taken out. */
function withoutAllowed(key: string, text: string): string {
  return [...(CHINESE_ON_PURPOSE[key] ?? []), ...CHINESE_ANYWHERE].reduce(
    (rest, words) => rest.replaceAll(words, ""),
    text,
  );
}

describe("the English dictionary", () => {
  it("has no full-width punctuation and no Chinese, except the Chinese shown on purpose", () => {
    const offending = Object.entries(DICTIONARIES.en)
      .filter(([key, text]) => NOT_ENGLISH.test(withoutAllowed(key, text)))
      .map(([key, text]) => `${key}: ${text}`);
    expect(offending).toEqual([]);
  });

  it("still has every piece of Chinese the allow-list lets through", () => {
    for (const [key, words] of Object.entries(CHINESE_ON_PURPOSE)) {
      const text = (DICTIONARIES.en as Record<string, string>)[key];
      expect(text, key).toBeDefined();
      for (const w of words) expect(text, key).toContain(w);
    }
    expect(CHINESE_ANYWHERE).toEqual(["村务公开台账"]);
    const english = Object.values(DICTIONARIES.en);
    for (const w of CHINESE_ANYWHERE)
      expect(
        english.some((text) => text.includes(w)),
        w,
      ).toBe(true);
  });

  it("is seen by the check: a string with full-width punctuation or Chinese fails it", () => {
    expect(NOT_ENGLISH.test("Planned（¥ thousand）")).toBe(true);
    expect(NOT_ENGLISH.test("Phase：Implement")).toBe(true);
    expect(NOT_ENGLISH.test("done。")).toBe(true);
    expect(NOT_ENGLISH.test("Villages 村")).toBe(true);
    expect(NOT_ENGLISH.test("Results for “lz” – ¥100k, 12.5% · 1–10 Oct")).toBe(false);
    expect(withoutAllowed("search.tips", "e.g. 黎寨 or 寨")).toBe("e.g.  or ");
    expect(withoutAllowed("home.lede", "黎寨")).toBe("黎寨");
    expect(withoutAllowed("home.lede", "Village Ledger (村务公开台账)")).toBe("Village Ledger ()");
  });
});

describe("the English words of the domain", () => {
  it("label every vocabulary term in English", () => {
    const offending = Object.entries(VOCABULARIES).flatMap(([name, terms]) =>
      terms.filter((term) => NOT_ENGLISH.test(term.en)).map((term) => `${name}.${term.key}`),
    );
    expect(offending).toEqual([]);
  });

  it("describe every open dataset and field in English", () => {
    const offending: string[] = [];
    for (const d of DATASETS) {
      const words = [d.titleEn, d.descriptionEn, d.updateScheduleEn, d.periodFilterEn ?? ""];
      if (words.some((w) => NOT_ENGLISH.test(w))) offending.push(d.name);
      for (const f of d.fields)
        if (NOT_ENGLISH.test(f.titleEn) || NOT_ENGLISH.test(f.descriptionEn))
          offending.push(`${d.name}.${f.name}`);
    }
    for (const [unit, en] of Object.entries(UNITS_EN))
      if (NOT_ENGLISH.test(en)) offending.push(`unit ${unit}`);
    expect(offending).toEqual([]);
  });
});

describe("the dictionaries' keys", () => {
  it("are the same in both languages, module by module", () => {
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(enDefinitions)).toEqual(keys(zhDefinitions));
    expect(keys(enMethodology)).toEqual(keys(zhMethodology));
    // The whole dictionaries (zh.ts with its modules, en.ts with its): every zh key in en.
    const missing = keys(DICTIONARIES.zh).filter((k) => !(k in DICTIONARIES.en));
    const extra = keys(DICTIONARIES.en).filter((k) => !(k in DICTIONARIES.zh));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it("give English words wherever the Chinese has words", () => {
    const empty = Object.entries(DICTIONARIES.zh)
      .filter(([key, zh]) => zh.trim() !== "" && DICTIONARIES.en[key as never] === "")
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });
});
