/** Indicator math against hand-worked cases. */
import { describe, expect, it } from "vitest";
import {
  bandOf,
  indicatorsFromRollup,
  median,
  rollupReturns,
  satisfiesIdentity,
  type TimedReturn,
} from "../../../src/lib/indicators.ts";

function village(
  code: string,
  total: number,
  subsidy = 0,
  firstRecordedAt = "2026-11-10T02:00:00Z",
): TimedReturn {
  return {
    village_code: code,
    total,
    operating: total - subsidy,
    contracting: 0,
    investment: 0,
    subsidy,
    other: 0,
    first_recorded_at: firstRecordedAt,
  };
}

describe("median", () => {
  it("takes the middle value of an odd count, whatever the order", () => {
    expect(median([300, 100, 200])).toBe(200);
    expect(median([7])).toBe(7);
  });
  it("takes the mean of the two middle values of an even count", () => {
    expect(median([400, 100, 300, 200])).toBe(250);
    expect(median([0, 1])).toBe(0.5);
  });
  it("is null for no values", () => {
    expect(median([])).toBeNull();
  });
  it("does not reorder its input", () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe("income bands", () => {
  it("puts each edge in the higher band", () => {
    expect(bandOf(0)).toBe("zero");
    expect(bandOf(1)).toBe("lt_5w");
    expect(bandOf(49_999)).toBe("lt_5w");
    expect(bandOf(50_000)).toBe("5w_10w");
    expect(bandOf(99_999)).toBe("5w_10w");
    expect(bandOf(100_000)).toBe("10w_30w");
    expect(bandOf(299_999)).toBe("10w_30w");
    expect(bandOf(300_000)).toBe("30w_50w");
    expect(bandOf(500_000)).toBe("50w_100w");
    expect(bandOf(999_999)).toBe("50w_100w");
    expect(bandOf(1_000_000)).toBe("ge_100w");
  });
});

describe("the income identity", () => {
  it("holds when the total is the sum of the five sources", () => {
    expect(satisfiesIdentity(village("1", 500, 200))).toBe(true);
    expect(satisfiesIdentity({ ...village("1", 500, 200), total: 501 })).toBe(false);
  });
});

describe("rollup and indicators", () => {
  const returns = [
    village("a", 0),
    village("b", 40_000, 30_000),
    village("c", 100_000, 10_000),
    village("d", 350_000),
    village("e", 1_200_000, 200_000),
  ];

  it("counts shares over reporting villages, with numerator and denominator", () => {
    const i = indicatorsFromRollup(rollupReturns("2026-10", 8, returns, new Map()));
    expect(i.villages.value).toBe(8);
    expect(i.coverage).toEqual({ value: 5 / 8, numerator: 5, denominator: 8 });
    expect(i.income_total.value).toBe(1_690_000);
    expect(i.income_median.value).toBe(100_000);
    expect(i.income_mean).toEqual({ value: 338_000, numerator: 1_690_000, denominator: 5 });
    expect(i.share_ge_10w).toEqual({ value: 3 / 5, numerator: 3, denominator: 5 });
    expect(i.share_ge_30w).toEqual({ value: 2 / 5, numerator: 2, denominator: 5 });
    expect(i.share_ge_50w).toEqual({ value: 1 / 5, numerator: 1, denominator: 5 });
    expect(i.share_ge_100w).toEqual({ value: 1 / 5, numerator: 1, denominator: 5 });
    // The shell village (0) is weak too.
    expect(i.weak_villages).toEqual({ value: 2, numerator: 2, denominator: 5 });
    expect(i.subsidy_share).toEqual({
      value: 240_000 / 1_690_000,
      numerator: 240_000,
      denominator: 1_690_000,
    });
    expect(i.earned_income.value).toBe(1_450_000);
  });

  it("measures year-on-year growth over the matched sample only", () => {
    // b and e reported a year ago; x reported then but not now; a, c, d are new.
    const previous = new Map([
      ["b", 20_000],
      ["e", 1_000_000],
      ["x", 9_999_999],
    ]);
    const i = indicatorsFromRollup(rollupReturns("2026-10", 8, returns, previous));
    expect(i.yoy_growth.numerator).toBe(1_240_000);
    expect(i.yoy_growth.denominator).toBe(1_020_000);
    expect(i.yoy_growth.sample).toBe(2);
    expect(i.yoy_growth.value).toBeCloseTo(1_240_000 / 1_020_000 - 1, 12);
  });

  it("gives an empty region zero counts and no ratios", () => {
    const i = indicatorsFromRollup(rollupReturns("2026-10", 0, [], new Map()));
    expect(i.villages.value).toBe(0);
    expect(i.reporting.value).toBe(0);
    expect(i.coverage.value).toBeNull();
    expect(i.income_total.value).toBe(0);
    expect(i.income_median.value).toBeNull();
    expect(i.income_mean.value).toBeNull();
    expect(i.share_ge_10w.value).toBeNull();
    expect(i.subsidy_share.value).toBeNull();
    expect(i.yoy_growth.value).toBeNull();
  });

  it("counts returns first recorded by the deadline, late ones and their days late", () => {
    // Deadline for 2026-10: 2026-11-10, China time (UTC+8).
    const timed = [
      village("a", 1, 0, "2026-11-10T15:59:59Z"), // 23:59:59 on the 10th in China: on time
      village("b", 1, 0, "2026-11-10T16:00:00Z"), // 00:00 on the 11th: 1 day late
      village("c", 1, 0, "2026-11-17T02:00:00Z"), // 7 days late
      village("d", 1, 0, "2026-10-31T02:00:00Z"), // early
    ];
    const rollup = rollupReturns("2026-10", 6, timed, new Map());
    expect(rollup).toMatchObject({ on_time: 2, late: 2, days_late: 8 });
    expect(indicatorsFromRollup(rollup).reported_on_time).toEqual({
      value: 2 / 6,
      numerator: 2,
      denominator: 6,
    });
    // A configured deadline day moves the line: by the 17th, all four are on time.
    expect(rollupReturns("2026-10", 6, timed, new Map(), 17)).toMatchObject({
      on_time: 4,
      late: 0,
      days_late: 0,
    });
  });

  it("gives no punctuality for rollups stored before it was counted", () => {
    const stored = { ...rollupReturns("2026-10", 1, [village("a", 5)], new Map()) };
    expect(indicatorsFromRollup({ ...stored, on_time: null }).reported_on_time.value).toBeNull();
  });

  it("gives no growth when the matched sample earned nothing a year ago", () => {
    const i = indicatorsFromRollup(
      rollupReturns("2026-10", 1, [village("a", 5)], new Map([["a", 0]])),
    );
    expect(i.yoy_growth.value).toBeNull();
    expect(i.yoy_growth.sample).toBe(1);
  });
});
