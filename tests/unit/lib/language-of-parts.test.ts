import { describe, expect, it } from "vitest";
import { hasChinese, markChinese } from "../../../src/lib/language-of-parts.ts";

describe("markChinese", () => {
  it("wraps each run of Chinese, punctuation between Han characters included", () => {
    expect(markChinese("黎寨村委会 (450422104211)")).toBe(
      '<span lang="zh-CN">黎寨村委会</span> (450422104211)',
    );
    expect(markChinese("Correction: 梧州市2026年10月进度表")).toBe(
      'Correction: <span lang="zh-CN">梧州市2026年10月进度表</span>',
    );
    expect(markChinese("“藤县，黎寨”")).toBe('“<span lang="zh-CN">藤县，黎寨</span>”');
    // Digits before the first Chinese character are English's; inside a run, Chinese.
    expect(markChinese("2026年1—10月 total")).toBe('2026<span lang="zh-CN">年1—10月</span> total');
  });

  it("leaves English, numbers and escaped markup alone", () => {
    const text = "Income &amp; subsidies &lt;b&gt; ¥1,234 — 12.5%";
    expect(markChinese(text)).toBe(text);
    expect(hasChinese(text)).toBe(false);
  });

  it("counts characters outside the basic plane as Chinese (rare place names)", () => {
    expect(markChinese("𬌗村")).toBe('<span lang="zh-CN">𬌗村</span>');
    expect(hasChinese("𬌗")).toBe(true);
  });
});
