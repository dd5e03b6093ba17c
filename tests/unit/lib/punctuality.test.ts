import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  deadlineDay,
  punctualityFigures,
  reportingDeadline,
  returnPunctuality,
  tallyPunctuality,
} from "../../../src/lib/punctuality.ts";

describe("reporting punctuality (报送及时率)", () => {
  it("puts the deadline on the 10th of the next month by default, the configured day else", () => {
    expect(reportingDeadline("2026-10")).toBe("2026-11-10");
    expect(reportingDeadline("2026-12")).toBe("2027-01-10");
    expect(reportingDeadline("2026-10", 5)).toBe("2026-11-05");
    expect([
      deadlineDay("15"),
      deadlineDay(undefined),
      deadlineDay("31"),
      deadlineDay("x"),
    ]).toEqual([15, 10, 10, 10]);
  });

  it("counts the deadline day itself, China time, as on time", () => {
    // 23:59 on 10 November in Beijing is 15:59 UTC.
    expect(returnPunctuality("2026-10", "2026-11-10T15:59:00Z", "2026-12-01")).toEqual({
      status: "on_time",
    });
    expect(returnPunctuality("2026-10", "2026-11-10T16:00:00Z", "2026-12-01")).toEqual({
      status: "late",
      daysLate: 1,
    });
    expect(returnPunctuality("2026-10", "2026-11-30T02:00:00Z", "2026-12-01")).toEqual({
      status: "late",
      daysLate: 20,
    });
  });

  it("calls a village without a return missing only once the deadline has passed", () => {
    expect(returnPunctuality("2026-10", null, "2026-11-10")).toEqual({ status: "not_yet_due" });
    expect(returnPunctuality("2026-10", null, "2026-11-11")).toEqual({ status: "missing" });
  });

  it("tallies on time, late with days late, and missing over the villages that should report", () => {
    const tally = tallyPunctuality("2026-10", 5, [
      "2026-11-03T02:00:00Z",
      "2026-11-10T09:00:00Z",
      "2026-11-12T09:00:00Z",
      "2026-11-20T09:00:00Z",
    ]);
    expect(tally).toEqual({ villages: 5, onTime: 2, late: 2, daysLate: 12 });
    expect(punctualityFigures("2026-10", tally, "2026-12-01")).toEqual({
      reported_on_time: { value: 0.4, numerator: 2, denominator: 5 },
      late: 2,
      mean_days_late: 6,
      missing: 1,
      due: true,
      deadline: "2026-11-10",
    });
  });

  it("agrees with classifying each village one by one", () => {
    const moment = fc
      .integer({ min: Date.parse("2026-10-15T00:00:00Z"), max: Date.parse("2027-01-31T00:00:00Z") })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.array(moment, { maxLength: 30 }), fc.nat(10), (moments, extra) => {
        const tally = tallyPunctuality("2026-10", moments.length + extra, moments);
        const each = moments.map((m) => returnPunctuality("2026-10", m, "2027-02-01"));
        const late = each.filter((p) => p.status === "late");
        return (
          tally.onTime === each.filter((p) => p.status === "on_time").length &&
          tally.late === late.length &&
          tally.daysLate === late.reduce((s, p) => s + (p.status === "late" ? p.daysLate : 0), 0) &&
          punctualityFigures("2026-10", tally, "2027-02-01").missing === extra
        );
      }),
    );
  });
});
