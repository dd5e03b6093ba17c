/** The formatting functions of league tables: changes in points, money and places, ranks. */
import { describe, expect, it } from "vitest";
import {
  formatMoneyChange,
  formatPointChange,
  formatRank,
  formatRankChange,
} from "../../src/lib/format.ts";
import { countOfLevel } from "../../src/components/rankings/ranking-text.ts";

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

describe("counts of regions in league-table sentences", () => {
  it("uses the singular for one in English and the measure word in Chinese", () => {
    expect(countOfLevel(1, "county", "en")).toBe("1 county");
    expect(countOfLevel(7, "county", "en")).toBe("7 counties");
    expect(countOfLevel(1, "city", "en")).toBe("1 city");
    expect(countOfLevel(2_140, "township", "en")).toBe("2,140 townships");
    expect(countOfLevel(7, "county", "zh")).toBe("7个县（市、区）");
  });
});
