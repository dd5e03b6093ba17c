/** QR codes (src/lib/qr.ts) for printed pages and for enrolling an authenticator. */
import qrcode from "qrcode-generator";
import { describe, expect, it } from "vitest";
import { QR_QUIET_ZONE, qrPath, qrSvg, qrTerminal } from "../../../src/lib/qr.ts";
import { totpUri } from "../../../src/lib/totp.ts";
import { qrReference } from "../support/qr.ts";

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

describe("the enrolment QR code", () => {
  it("escapes the label", () => {
    expect(qrSvg("x", '"><script>')).toContain('aria-label="&quot;&gt;&lt;script&gt;"');
    expect(qrSvg("x", '"><script>')).not.toContain("<script>");
  });

  it("prints in a terminal as the same modules, light ones as blocks", () => {
    const uri = totpUri("JBSWY3DPEHPK3PXPADMINAAA", "admin@ledger.test");
    const matrix = qrReference(uri);
    const side = matrix.length + 2 * QR_QUIET_ZONE;
    const lines = qrTerminal(uri, false).split("\n");
    expect(lines).toHaveLength(Math.ceil(side / 2));
    const dark = (y: number, x: number) => matrix[y - QR_QUIET_ZONE]?.[x - QR_QUIET_ZONE] ?? false;
    lines.forEach((line, row) => {
      const cells = [...line];
      expect(cells).toHaveLength(side);
      cells.forEach((cell, x) => {
        const top = !dark(2 * row, x);
        const bottom = !dark(2 * row + 1, x);
        expect(cell, `${x},${row}`).toBe(top && bottom ? "█" : top ? "▀" : bottom ? "▄" : " ");
      });
    });
    // For a terminal: white on black whatever its theme, reset at each line's end.
    const ansi = qrTerminal(uri, true).split("\n");
    expect(ansi[0]).toBe(`\x1b[97;40m${lines[0]}\x1b[0m`);
  });
});
