import qrcode from "qrcode-generator";
import { describe, expect, it } from "vitest";
import {
  largeTextFromCookie,
  largeTextSetCookie,
  parseOnFlag,
  safeBackPath,
} from "../../src/lib/prefs.ts";
import { qrPath } from "../../src/lib/qr.ts";

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

describe("QR codes for printed pages", () => {
  /** Paints the path's rectangles back onto a grid. */
  function paint(d: string, size: number): boolean[][] {
    const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
    for (const m of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
      const [x, y, w, back] = [m[1], m[2], m[3], m[4]].map(Number) as number[];
      expect(back).toBe(w);
      for (let i = 0; i < (w as number); i++) {
        const row = grid[y as number] as boolean[];
        expect(row[(x as number) + i]).toBe(false); // runs never overlap
        row[(x as number) + i] = true;
      }
    }
    return grid;
  }

  it("draws exactly the library's dark modules", () => {
    const url = "https://village-ledger.example/r/450422?period=2026-10";
    const { size, d } = qrPath(url);
    const reference = qrcode(0, "M");
    reference.addData(url, "Byte");
    reference.make();
    expect(size).toBe(reference.getModuleCount());
    const grid = paint(d, size);
    for (let y = 0; y < size; y++)
      for (let x = 0; x < size; x++) expect(grid[y]?.[x], `${x},${y}`).toBe(reference.isDark(y, x));
  });

  it("has the three finder patterns a scanner looks for", () => {
    const { size, d } = qrPath("http://127.0.0.1:8787/r/450422");
    const grid = paint(d, size);
    for (const [ox, oy] of [
      [0, 0],
      [size - 7, 0],
      [0, size - 7],
    ] as const) {
      for (let i = 0; i < 7; i++) {
        // The outer ring of each 7×7 finder is dark, the ring inside it light.
        expect(grid[oy]?.[ox + i]).toBe(true);
        expect(grid[oy + 6]?.[ox + i]).toBe(true);
        expect(grid[oy + i]?.[ox]).toBe(true);
        expect(grid[oy + i]?.[ox + 6]).toBe(true);
      }
      expect(grid[oy + 1]?.[ox + 1]).toBe(false);
      expect(grid[oy + 3]?.[ox + 3]).toBe(true);
    }
  });

  it("encodes non-ASCII text as UTF-8 and grows with the text", () => {
    const short = qrPath("https://x.example/r/45");
    const long = qrPath(`https://x.example/r/450422104211?q=${"黎寨村委会".repeat(6)}`);
    expect(long.size).toBeGreaterThan(short.size);
    expect((long.size - 17) % 4).toBe(0); // versions are 21, 25, 29, … modules
  });
});
