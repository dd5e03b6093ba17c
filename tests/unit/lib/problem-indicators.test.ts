/** Problem-list indicator math (src/lib/problem-indicators.ts), on hand-worked cases. */
import { describe, expect, it } from "vitest";
import { median } from "../../../src/lib/indicators.ts";
import {
  daysBetween,
  medianOfTally,
  ratio,
  summariseProblems,
} from "../../../src/lib/problem-indicators.ts";

/** A tally of values: [value, how many times] in first-seen order. */
const tally = (values: number[]): [number, number][] => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts];
};

describe("medianOfTally", () => {
  it("takes the middle case of an odd count, in any order", () => {
    expect(medianOfTally(tally([9, 1, 5]))).toEqual({ value: 5, sample: 3 });
    expect(medianOfTally([[7, 1]])).toEqual({ value: 7, sample: 1 });
    expect(
      medianOfTally([
        [30, 2],
        [2, 1],
      ]),
    ).toEqual({ value: 30, sample: 3 });
  });
  it("takes the mean of the two middle cases of an even count, across values", () => {
    expect(medianOfTally(tally([10, 2, 7, 4]))).toEqual({ value: 5.5, sample: 4 });
    expect(medianOfTally([[3, 2]])).toEqual({ value: 3, sample: 2 });
    expect(
      medianOfTally([
        [1, 2],
        [9, 2],
      ]),
    ).toEqual({ value: 5, sample: 4 });
  });
  it("is null for no cases, with a sample of 0, and skips empty rows", () => {
    expect(medianOfTally([])).toEqual({ value: null, sample: 0 });
    expect(medianOfTally([[4, 0]])).toEqual({ value: null, sample: 0 });
    expect(
      medianOfTally([
        [4, 0],
        [8, 1],
      ]),
    ).toEqual({ value: 8, sample: 1 });
  });
  it("equals the median of the cases written out, on many random tallies", () => {
    let seed = 20261123;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let trial = 0; trial < 200; trial++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 60) }, () =>
        Math.floor(random() * 25),
      );
      expect(medianOfTally(tally(values))).toEqual({
        value: median(values),
        sample: values.length,
      });
    }
  });
});

describe("daysBetween and ratio", () => {
  it("counts whole days across month and leap-year ends", () => {
    expect(daysBetween("2025-01-01", "2025-02-10")).toBe(40);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-06-03", "2025-06-03")).toBe(0);
  });
  it("keeps numerator and denominator, and has no value over zero", () => {
    expect(ratio(316, 379)).toEqual({ value: 316 / 379, numerator: 316, denominator: 379 });
    expect(ratio(0, 0)).toEqual({ value: null, numerator: 0, denominator: 0 });
  });
});

describe("summariseProblems", () => {
  it("works out 办结率 = (resolved + closed) / collected and the steps reached", () => {
    const s = summariseProblems(
      { open: 2, claimed: 1, resolved: 1, closed: 2 },
      2,
      tally([4, 10, 2, 7]),
      tally([40, 30, 67]),
    );
    expect(s.collected).toBe(6);
    expect(s.reached).toEqual({ claimed: 4, resolved: 3, closed: 2 });
    expect(s.unresolved).toBe(3);
    expect(s.overdue).toBe(2);
    expect(s.resolution_rate).toEqual({ value: 0.5, numerator: 3, denominator: 6 });
    expect(s.median_days_to_claim).toEqual({ value: 5.5, sample: 4 });
    expect(s.median_days_to_resolve).toEqual({ value: 40, sample: 3 });
  });
  it("gives Laibin's 83.4% from 316 of 379", () => {
    const s = summariseProblems({ closed: 250, resolved: 66, claimed: 38, open: 25 }, 0, [], []);
    expect(s.resolution_rate.numerator).toBe(316);
    expect(s.resolution_rate.denominator).toBe(379);
    expect(Math.round((s.resolution_rate.value as number) * 1000) / 10).toBe(83.4);
  });
  it("fills missing statuses with zero and has no rate for an empty list", () => {
    const s = summariseProblems({}, 0, [], []);
    expect(s.by_status).toEqual({ open: 0, claimed: 0, resolved: 0, closed: 0 });
    expect(s.resolution_rate.value).toBeNull();
    expect(s.median_days_to_resolve.value).toBeNull();
  });
});
