/** The comparison's list (src/lib/compare.ts) and its default period (compare-report.ts). */
import { describe, expect, it } from "vitest";
import {
  compareHref,
  comparisonFromRegion,
  incomeSamePeriod,
  latestCommonPeriod,
  parseCompareCodes,
  withCode,
  withoutCode,
  type Rollups,
} from "../../src/lib/compare.ts";

describe("parseCompareCodes", () => {
  it("reads commas, Chinese commas, spaces and full-width digits; keeps order; drops repeats", () => {
    expect(parseCompareCodes(["450422，１４０４２３、 45,450422", "4504"])).toEqual({
      codes: ["450422", "140423", "45", "4504"],
      invalid: [],
      duplicates: ["450422"],
    });
  });

  it("names what is not a code", () => {
    expect(parseCompareCodes(["450422,abc,12345,,abc"])).toEqual({
      codes: ["450422"],
      invalid: ["abc", "12345"],
      duplicates: [],
    });
    expect(parseCompareCodes([])).toEqual({ codes: [], invalid: [], duplicates: [] });
  });
});

describe("links", () => {
  it("writes the list readably, in either language", () => {
    expect(compareHref("zh", [])).toBe("/compare");
    expect(compareHref("en", ["450422", "45"], "2026-10")).toBe(
      "/en/compare?codes=450422,45&period=2026-10",
    );
    expect(withCode(["45"], "4504")).toEqual(["45", "4504"]);
    expect(withCode(["45"], "45")).toEqual(["45"]);
    expect(withoutCode(["45", "4504"], "45")).toEqual(["4504"]);
  });

  it("adds a region page's region to the list it was reached with", () => {
    expect(comparisonFromRegion("zh", null, "450422")).toEqual({
      href: "/compare?codes=450422",
      included: false,
      count: 1,
    });
    expect(comparisonFromRegion("en", "45,bad", "450422").href).toBe("/en/compare?codes=45,450422");
    expect(comparisonFromRegion("zh", "45,450422", "450422")).toEqual({
      href: "/compare?codes=45,450422",
      included: true,
      count: 2,
    });
  });
});

/** A region's rollups: who reported (reporting) and their income, by period. */
function region(reported: Record<string, [number, number]>): Rollups {
  return {
    rollups: new Map(
      Object.entries(reported).map(([p, [reporting, income]]) => [
        p,
        { reporting, income_total: income },
      ]),
    ),
  };
}

describe("the period compared", () => {
  const a = region({ "2025-10": [3, 100], "2026-09": [3, 200], "2026-10": [3, 300] });
  const b = region({ "2025-10": [1, 10], "2026-09": [2, 20], "2026-10": [0, 0] });

  it("is the latest in which every region reported, else the latest any did", () => {
    expect(latestCommonPeriod([a, b])).toBe("2026-09");
    expect(latestCommonPeriod([a])).toBe("2026-10");
    const silent = region({ "2026-10": [0, 0] });
    expect(latestCommonPeriod([a, silent])).toBe("2026-10");
    expect(latestCommonPeriod([silent])).toBe("2026-10");
    expect(latestCommonPeriod([])).toBeNull();
  });

  it("gives the income at the same month of each year, none where no village reported", () => {
    expect(incomeSamePeriod([a, b], "2026-10")).toEqual({
      periods: ["2025-10", "2026-10"],
      values: [
        [100, 10],
        [300, null],
      ],
    });
  });
});
