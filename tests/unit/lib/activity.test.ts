/** The activity helpers (src/lib/activity.ts), on hand-worked cases. */
import { describe, expect, it } from "vitest";
import {
  dataDate,
  lastDayOfPeriod,
  pageHref,
  pageWindow,
  parsePageParam,
  targetProgress,
} from "../../../src/lib/activity.ts";

describe("activity helpers", () => {
  it("finds the last day of a month, February included", () => {
    expect(lastDayOfPeriod("2026-10")).toBe("2026-10-31");
    expect(lastDayOfPeriod("2024-02")).toBe("2024-02-29");
    expect(lastDayOfPeriod("2025-02")).toBe("2025-02-28");
    expect(lastDayOfPeriod("2025-12")).toBe("2025-12-31");
  });
  it("reckons the data date from the latest period, else the last update", () => {
    expect(dataDate("2026-10", "2026-11-10T02:00:00Z")).toBe("2026-10-31");
    expect(dataDate(null, "2026-11-10T02:00:00Z")).toBe("2026-11-10");
    expect(dataDate(null, null)).toBeNull();
  });
  it("pages: offsets, clamping past the end, and an empty list's single page", () => {
    expect(pageWindow(45, 2, 20)).toEqual({
      page: 2,
      per_page: 20,
      total: 45,
      pages: 3,
      offset: 20,
    });
    expect(pageWindow(45, 9, 20)).toMatchObject({ page: 3, offset: 40 });
    expect(pageWindow(45, 9, 20, false)).toMatchObject({ page: 9, offset: 160 });
    expect(pageWindow(0, 1, 20)).toMatchObject({ page: 1, pages: 1, offset: 0 });
    expect(pageWindow(45, -3, 20)).toMatchObject({ page: 1, offset: 0 });
  });
  it("measures a target's way from baseline to target", () => {
    expect(targetProgress(120, 500, 712)).toBeCloseTo(592 / 380, 12);
    expect(targetProgress(10, 40, 16)).toBeCloseTo(0.2, 12);
    expect(targetProgress(0, 1, 1)).toBe(1);
    expect(targetProgress(0, 2, null)).toBeNull();
    expect(targetProgress(5, 5, 5)).toBeNull();
    // A target to bring something down: 30 → 10, now 20, is half way.
    expect(targetProgress(30, 10, 20)).toBe(0.5);
  });
});

describe("page parameters of the region page", () => {
  it("reads whole page numbers and reports anything else", () => {
    expect(parsePageParam(null)).toEqual({ page: 1, invalid: null });
    expect(parsePageParam("3")).toEqual({ page: 3, invalid: null });
    expect(parsePageParam("0")).toEqual({ page: 1, invalid: "0" });
    expect(parsePageParam("-2")).toEqual({ page: 1, invalid: "-2" });
    expect(parsePageParam("2.5")).toEqual({ page: 1, invalid: "2.5" });
    expect(parsePageParam("abc")).toEqual({ page: 1, invalid: "abc" });
    expect(parsePageParam("99999999")).toEqual({ page: 1, invalid: "99999999" });
  });
  it("links to another page keeping the other parameters", () => {
    const url = new URL("http://x/r/450422?period=2026-09&problems_page=2&sort=name");
    expect(pageHref(url, "projects_page", 3, "projects")).toBe(
      "/r/450422?period=2026-09&problems_page=2&sort=name&projects_page=3#projects",
    );
    expect(pageHref(url, "problems_page", 1, "problems")).toBe(
      "/r/450422?period=2026-09&sort=name#problems",
    );
  });
});
