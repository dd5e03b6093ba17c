import { describe, expect, it } from "vitest";
import { formatDateTimeIn } from "../../src/lib/format.ts";

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
