import { describe, expect, it } from "vitest";
import { hasChinese, markChinese, markChineseInPage } from "../../../src/lib/language-of-parts.ts";

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

describe("markChineseInPage", () => {
  it("marks body text only, not the head, attributes or text that cannot hold a span", () => {
    const page =
      '<!DOCTYPE html><html lang="en"><head><title>藤县 · Village Ledger</title></head>' +
      '<body><h1 title="藤县">藤县</h1><a href="/r/45" aria-label="广西 > 藤县">广西</a>' +
      "<select><option>藤县</option></select><textarea>藤县</textarea>" +
      '<script type="application/json">{"name":"藤县"}</script>' +
      "<svg><text>藤县</text></svg><!-- 藤县 --><p>Village 黎寨村委会 (2025年)</p></body></html>";
    expect(markChineseInPage(page)).toBe(
      '<!DOCTYPE html><html lang="en"><head><title>藤县 · Village Ledger</title></head>' +
        '<body><h1 title="藤县"><span lang="zh-CN">藤县</span></h1>' +
        '<a href="/r/45" aria-label="广西 > 藤县"><span lang="zh-CN">广西</span></a>' +
        "<select><option>藤县</option></select><textarea>藤县</textarea>" +
        '<script type="application/json">{"name":"藤县"}</script>' +
        '<svg><text>藤县</text></svg><!-- 藤县 --><p>Village <span lang="zh-CN">黎寨村委会</span> (2025<span lang="zh-CN">年</span>)</p></body></html>',
    );
  });
});
