/** The dictionaries and the translator (src/i18n/index.ts): placeholders, counts and phrases. */
import { describe, expect, it } from "vitest";
import { DICTIONARIES, phraseParts, translator } from "../../../src/i18n/index.ts";

describe("the dictionaries", () => {
  it("have the same keys in both languages", () => {
    expect(Object.keys(DICTIONARIES.en).sort()).toEqual(Object.keys(DICTIONARIES.zh).sort());
  });

  it("write placeholders as {name} or {name|one|other}, and nothing else in braces", () => {
    for (const [lang, dictionary] of Object.entries(DICTIONARIES)) {
      for (const [key, text] of Object.entries(dictionary)) {
        const rest = text.replace(/\{\w+(\|[^|{}]*\|[^|{}]*)?\}/g, "");
        expect(rest, `${lang} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });
});

describe("t()", () => {
  const zh = translator("zh");
  const en = translator("en");

  it("puts strings in as they are and writes numbers as counts", () => {
    expect(zh("region.lede.code", { code: "450422" })).toBe("区划代码 450422");
    expect(en("activity.page", { page: 2, pages: 3, total: 1234 })).toBe(
      "Page 2 of 3, 1,234 in all",
    );
    expect(zh("region.card.weakValue", { n: null })).toBe("— 个");
  });

  it("chooses the word for a count in English", () => {
    expect(en("problems.medianDetail", { n: 1 })).toBe("from collection, over 1 problem");
    expect(en("problems.medianDetail", { n: 2_140 })).toBe("from collection, over 2,140 problems");
    expect(zh("problems.medianDetail", { n: 2_140 })).toBe("从收集起算，2,140 个问题");
    expect(en("level.count.township", { n: undefined })).toBe("—");
  });

  it("reaches the vocabulary and errors in its language", () => {
    expect(zh.label("project_status", "completed")).toBe("已完工");
    expect(en.word("project_status", "under_way")).toBe("under way");
    expect(en.detail({ message: "No such region", detailZh: "没有这个地区" })).toBe(
      "No such region",
    );
    expect(zh.chineseLang).toBeUndefined();
    expect(en.chineseLang).toBe("zh-CN");
  });
});

describe("phraseParts", () => {
  it("cuts a string at the placeholders given no value", () => {
    expect(phraseParts("en", "changes.summary", { returns: 1, figures: 2 })).toEqual([
      { value: "1 return" },
      { text: " revised, " },
      { value: "2 figures" },
      { text: " in all. " },
      { slot: "csv" },
    ]);
  });
});
