import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatCountOf,
  formatDate,
  formatFileSize,
  formatGrowth,
  formatMoney,
  formatPercent,
  formatPeriod,
  formatMoneyCell,
  moneyCellUnit,
  formatYearToDate,
  formatYuan,
  formatYearOnYearChange,
  moneyRoundingNote,
  NO_DATA,
  ROUNDING_NOTE,
} from "../../src/lib/format.ts";

describe("money", () => {
  it("shows 万元 below 1亿 and 亿元 from 1亿 up", () => {
    expect(formatMoney(1_234_567)).toBe("123.46万元");
    expect(formatMoney(100_000)).toBe("10.00万元");
    expect(formatMoney(7_800)).toBe("0.78万元");
    expect(formatMoney(0)).toBe("0.00万元");
    expect(formatMoney(99_999_999)).toBe("10,000.00万元");
    expect(formatMoney(100_000_000)).toBe("1.00亿元");
    expect(formatMoney(1_234_500_000)).toBe("12.35亿元");
    expect(formatMoney(null)).toBe(NO_DATA);
  });
  it("shows plain 万 in tables and whole yuan where exact", () => {
    expect(formatMoneyCell(12_345_678)).toBe("1,234.57");
    expect(moneyCellUnit()).toBe("万元");
    expect(formatYuan(7_800)).toBe("7,800元");
  });
});

describe("counts and ratios", () => {
  it("groups thousands and rounds percentages to one decimal", () => {
    expect(formatCount(2436)).toBe("2,436");
    expect(formatPercent(1418 / 2436)).toBe("58.2%");
    expect(formatPercent(316 / 379)).toBe("83.4%");
    expect(formatPercent(null)).toBe(NO_DATA);
  });
  it("signs growth", () => {
    expect(formatGrowth(0.083)).toBe("+8.3%");
    expect(formatGrowth(-0.021)).toBe("−2.1%");
    expect(formatGrowth(0)).toBe("0.0%");
    expect(formatGrowth(null)).toBe(NO_DATA);
  });
});

describe("formatCountOf", () => {
  it("puts an English noun in the singular for one and the plural otherwise", () => {
    expect(formatCountOf(1, "return")).toBe("1 return");
    expect(formatCountOf(0, "return")).toBe("0 returns");
    expect(formatCountOf(2, "figure")).toBe("2 figures");
    expect(formatCountOf(1_234, "village")).toBe("1,234 villages");
    expect(formatCountOf(1, "county", "counties")).toBe("1 county");
    expect(formatCountOf(3, "county", "counties")).toBe("3 counties");
    expect(formatCountOf(null, "return")).toBe(NO_DATA);
  });
});

describe("periods and dates", () => {
  it("writes months and year-to-date spans in Chinese", () => {
    expect(formatPeriod("2026-10")).toBe("2026年10月");
    expect(formatYearToDate("2026-10")).toBe("2026年1—10月累计");
    expect(formatYearToDate("2025-12")).toBe("2025年全年");
    expect(formatYearToDate("2026-01")).toBe("2026年1月");
  });
  it("writes dates in China Standard Time", () => {
    expect(formatDate("2026-11-09T17:00:00Z")).toBe("2026年11月10日");
    expect(formatDate("nonsense")).toBe(NO_DATA);
  });
});

describe("English", () => {
  it("shows money in thousands and millions of yuan", () => {
    expect(formatMoney(1_234_567, "en")).toBe("¥1.23 million");
    expect(formatMoney(456_700, "en")).toBe("¥456.7 thousand");
    expect(formatMoney(7_800, "en")).toBe("¥7.8 thousand");
    expect(formatMoneyCell(12_345_678, "en")).toBe("12,345.7");
    expect(moneyCellUnit("en")).toBe("¥ thousand");
    expect(formatYuan(7_800, "en")).toBe("¥7,800");
  });
  it("writes months, spans and dates in English", () => {
    expect(formatPeriod("2026-10", "en")).toBe("Oct 2026");
    expect(formatYearToDate("2026-10", "en")).toBe("Jan–Oct 2026");
    expect(formatYearToDate("2025-12", "en")).toBe("2025 (full year)");
    expect(formatDate("2026-11-09T17:00:00Z", "en")).toBe("10 Nov 2026");
    expect(formatPercent(0.5821, "en")).toBe("58.2%");
    expect(formatCount(2436, "en")).toBe("2,436");
  });
});

describe("formatFileSize", () => {
  it("gives MB with one decimal, KB below 0.1 MB, never 0", () => {
    expect(formatFileSize(7_273_166)).toBe("7.3 MB");
    expect(formatFileSize(1_885_889, "en")).toBe("1.9 MB");
    expect(formatFileSize(12_345_678_901, "en")).toBe("12,345.7 MB");
    expect(formatFileSize(60_791)).toBe("61 KB");
    expect(formatFileSize(120)).toBe("1 KB");
  });
});

describe("words about numbers follow the figure as shown", () => {
  it("chooses 增长/下降/持平 from the rounded percentage, never the raw value", () => {
    expect(formatYearOnYearChange(0.071)).toBe("比上年同期增长7.1%");
    expect(formatYearOnYearChange(-0.021)).toBe("比上年同期下降2.1%");
    expect(formatYearOnYearChange(-0.00005)).toBe("与上年同期持平");
    expect(formatYearOnYearChange(0.00049)).toBe("与上年同期持平");
    expect(formatYearOnYearChange(0.0005)).toBe("比上年同期增长0.1%");
    expect(formatYearOnYearChange(0)).toBe("与上年同期持平");
    expect(formatYearOnYearChange(0.071, "en")).toBe("up 7.1% on a year earlier");
    expect(formatYearOnYearChange(-0.00005, "en")).toBe("unchanged on a year earlier");
    expect(formatYearOnYearChange(-0.25, "en")).toBe("down 25.0% on a year earlier");
  });

  it("notes a table whose rounded parts do not add up to its rounded total", () => {
    // 1.23 + 1.23 万元 shown, 2.47 万元 total shown.
    expect(moneyRoundingNote([12_345, 12_345], 24_690)).toBe(ROUNDING_NOTE.zh);
    expect(moneyRoundingNote([12_300, 12_400], 24_700)).toBeNull();
    // In thousands of yuan to one decimal: 12.3 + 12.3 shown, 24.7 total shown.
    expect(moneyRoundingNote([12_345, 12_345], 24_690, "en")).toBe(ROUNDING_NOTE.en);
    expect(moneyRoundingNote([1_000, null], 1_000)).toBeNull();
    expect(moneyRoundingNote([1_000], null)).toBeNull();
  });

  it("never notes parts that are whole multiples of the last place shown", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000_000 }), { maxLength: 6 }), (units) => {
        const parts = units.map((u) => u * 100);
        const total = parts.reduce((a, b) => a + b, 0);
        return (
          moneyRoundingNote(parts, total) === null && moneyRoundingNote(parts, total, "en") === null
        );
      }),
    );
  });
});
