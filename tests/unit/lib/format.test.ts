/**
 * src/lib/format.ts: money, counts, ratios, periods and dates in both languages, figures by
 * indicator, activity quantities, and the changes and ranks of league tables.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatCount,
  formatCountOf,
  formatDate,
  formatDateTime,
  formatDateTimeIn,
  formatDays,
  formatFileSize,
  formatGrowth,
  formatIndicator,
  formatIndicatorBasis,
  formatMoney,
  formatMoneyCell,
  formatMoneyChange,
  formatPercent,
  formatPeriod,
  formatPointChange,
  formatQuantity,
  formatRank,
  formatRankChange,
  formatYearOnYearChange,
  formatYearToDate,
  formatYuan,
  moneyCellUnit,
  moneyRoundingNote,
  NO_DATA,
  ROUNDING_NOTE,
  toChinaLocalInput,
} from "../../../src/lib/format.ts";

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

describe("formatIndicator", () => {
  it("formats each kind of indicator", () => {
    expect(formatIndicator("income_total", { value: 1_620_000 })).toBe("162.00万元");
    expect(formatIndicator("income_total", { value: 250_000_000 })).toBe("2.50亿元");
    expect(formatIndicator("reporting", { value: 2436, numerator: 2436, denominator: 2500 })).toBe(
      "2,436",
    );
    expect(
      formatIndicator("share_ge_30w", { value: 0.582, numerator: 1418, denominator: 2436 }),
    ).toBe("58.2%");
    expect(formatIndicator("yoy_growth", { value: 0.0833 })).toBe("+8.3%");
    expect(formatIndicator("yoy_growth", { value: -0.021 })).toBe("−2.1%");
    expect(formatIndicator("coverage", { value: null })).toBe("—");
  });

  it("states the basis of ratios", () => {
    expect(
      formatIndicatorBasis("share_ge_30w", { value: 0.582, numerator: 1418, denominator: 2436 }),
    ).toBe("1,418 / 2,436个村");
    expect(formatIndicatorBasis("income_total", { value: 1 })).toBe("");
  });
});

describe("formatDateTime", () => {
  it("shows China Standard Time", () => {
    expect(formatDateTime("2026-12-20T02:00:00Z")).toBe("2026年12月20日 10:00");
    expect(formatDateTime("2026-12-31T16:30:00Z")).toBe("2027年1月1日 00:30");
    expect(formatDateTime(null)).toBe("—");
    expect(toChinaLocalInput("2026-12-20T02:00:00Z")).toBe("2026-12-20T10:00");
  });
});

describe("formatDays", () => {
  it("writes whole and half days in each language", () => {
    expect(formatDays(40)).toBe("40天");
    expect(formatDays(5.5)).toBe("5.5天");
    expect(formatDays(5.5, "en")).toBe("5.5 days");
    expect(formatDays(1, "en")).toBe("1 day");
    expect(formatDays(1200, "en")).toBe("1,200 days");
  });
  it("shows a dash when there is no median", () => {
    expect(formatDays(null)).toBe("—");
    expect(formatDays(undefined, "en")).toBe("—");
  });
});

describe("formatQuantity", () => {
  it("keeps up to two decimals and the unit as entered", () => {
    expect(formatQuantity(712, "只")).toBe("712只");
    expect(formatQuantity(84.3, "万元")).toBe("84.3万元");
    expect(formatQuantity(1.256, "公里")).toBe("1.26公里");
    expect(formatQuantity(12500, "户", "en")).toBe("12,500 户");
    expect(formatQuantity(null, "只")).toBe("—");
  });
});

describe("league-table formatting", () => {
  it("writes a change in a share in percentage points, with its sign", () => {
    expect(formatPointChange(0.052)).toBe("+5.2个百分点");
    expect(formatPointChange(-0.0149, "en")).toBe("−1.5 pts");
    expect(formatPointChange(0.0001)).toBe("0.0个百分点");
    expect(formatPointChange(null)).toBe("—");
  });

  it("writes a change in money with its sign", () => {
    expect(formatMoneyChange(12_345)).toBe("+1.23万元");
    expect(formatMoneyChange(-2_500_000, "en")).toBe("−¥2.50 million");
    expect(formatMoneyChange(0)).toBe("0.00万元");
  });

  it("writes ranks and moves", () => {
    expect(formatRank(3)).toBe("第3名");
    expect(
      ["1", "2", "3", "4", "11", "12", "13", "21", "112"].map((n) => formatRank(Number(n), "en")),
    ).toEqual(["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "112th"]);
    expect(formatRankChange(2)).toBe("上升2位");
    expect(formatRankChange(-1, "en")).toBe("down 1");
    expect(formatRankChange(0)).toBe("持平");
    expect(formatRank(null)).toBe("—");
  });
});

describe("formatDateTimeIn", () => {
  it("gives the Chinese form unchanged", () => {
    expect(formatDateTimeIn("2026-12-20T02:00:00Z", "zh")).toBe("2026年12月20日 10:00");
  });
  it("gives English in Beijing time, crossing midnight with the date", () => {
    expect(formatDateTimeIn("2026-12-20T02:00:00Z", "en")).toBe("20 Dec 2026, 10:00 Beijing time");
    expect(formatDateTimeIn("2026-12-19T17:30:00Z", "en")).toBe("20 Dec 2026, 01:30 Beijing time");
  });
  it("shows the no-data mark for a missing or bad timestamp", () => {
    expect(formatDateTimeIn(null, "en")).toBe(formatDateTimeIn("nope", "en"));
  });
});
