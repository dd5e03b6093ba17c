import { describe, expect, it } from "vitest";
import {
  largeTextFromCookie,
  largeTextSetCookie,
  parseOnFlag,
  safeBackPath,
} from "../../../src/lib/prefs.ts";

describe("large-text preference", () => {
  it("reads the cookie among others, and only the value 1 turns it on", () => {
    expect(largeTextFromCookie("a=b; large_text=1; c=d")).toBe(true);
    expect(largeTextFromCookie("large_text=1")).toBe(true);
    expect(largeTextFromCookie("large_text=0")).toBe(false);
    expect(largeTextFromCookie("not_large_text=1")).toBe(false);
    expect(largeTextFromCookie("large_text=10")).toBe(false);
    expect(largeTextFromCookie(null)).toBe(false);
  });

  it("sets a site-wide cookie for a year, Secure only over HTTPS", () => {
    expect(largeTextSetCookie(true, false)).toBe(
      "large_text=1; Path=/; Max-Age=31536000; SameSite=Lax",
    );
    expect(largeTextSetCookie(false, true)).toBe(
      "large_text=0; Path=/; Max-Age=31536000; SameSite=Lax; Secure",
    );
  });

  it("accepts only 1 or 0 as the switch", () => {
    expect(parseOnFlag("1")).toBe(true);
    expect(parseOnFlag("0")).toBe(false);
    expect(parseOnFlag("yes")).toBeNull();
    expect(parseOnFlag(null)).toBeNull();
  });

  it("sends readers back only to paths on this site", () => {
    expect(safeBackPath("/r/450422?period=2026-10&sort=name")).toBe(
      "/r/450422?period=2026-10&sort=name",
    );
    expect(safeBackPath("/en/methodology#bands")).toBe("/en/methodology#bands");
    expect(safeBackPath("/")).toBe("/");
    for (const bad of [
      "//evil.example/",
      "/\\evil.example/",
      "https://evil.example/",
      "javascript:alert(1)",
      "r/45",
      "/r/45\r\nSet-Cookie: x=1",
      "/r\\45",
      "",
      "/" + "a".repeat(600),
    ]) {
      expect(safeBackPath(bad), bad).toBeNull();
    }
  });
});
