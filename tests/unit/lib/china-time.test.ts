import { describe, expect, it } from "vitest";
import { chinaDate, chinaMonth, chinaWallClock } from "../../../src/lib/china-time.ts";

describe("China Standard Time (UTC+8)", () => {
  it("starts the China day at 16:00 UTC the day before", () => {
    expect(chinaDate("2026-11-09T15:59:59Z")).toBe("2026-11-09");
    expect(chinaDate("2026-11-09T16:00:00Z")).toBe("2026-11-10");
    expect(chinaDate("2026-11-10T10:00:00+08:00")).toBe("2026-11-10");
  });

  it("gives the China month, which can be the next one in UTC's last hours", () => {
    expect(chinaMonth("2026-11-30T15:59:59Z")).toBe("2026-11");
    expect(chinaMonth("2026-11-30T16:00:00Z")).toBe("2026-12");
    expect(chinaMonth("2026-12-31T16:30:00Z")).toBe("2027-01");
  });

  it("reads China's wall clock through the UTC fields, and refuses what is not a date", () => {
    const d = chinaWallClock("2026-12-20T02:05:00Z");
    expect([d?.getUTCDate(), d?.getUTCHours(), d?.getUTCMinutes()]).toEqual([20, 10, 5]);
    expect(chinaWallClock("nonsense")).toBeNull();
  });
});
