import { describe, expect, it } from "vitest";
import { BOM, csvField, csvLine, parseCsv, toCsv } from "../../../src/lib/csv.ts";

describe("CSV", () => {
  it("quotes commas, quotes and line breaks (RFC 4180)", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("黎寨村委会")).toBe("黎寨村委会");
  });
  it("keeps numbers plain and neutralises formula-like text", () => {
    expect(csvField(-1200)).toBe("-1200");
    expect(csvField(0.5)).toBe("0.5");
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("+86")).toBe("'+86");
    expect(csvField("-5")).toBe("'-5");
    expect(csvField("@sum")).toBe("'@sum");
    expect(csvField("\tx")).toBe("'\tx");
    expect(csvField(null)).toBe("");
  });
  it("writes a header, CRLF rows and an optional BOM", () => {
    expect(toCsv(["code", "name"], [["45", "广西"]])).toBe("code,name\r\n45,广西\r\n");
    expect(toCsv(["a"], [], true)).toBe(`${BOM}a\r\n`);
  });
});

describe("CSV round trip", () => {
  it("parses back what csvLine wrote, quotes, commas and line breaks included", () => {
    const rows = [
      ["a,b", 'say "hi"', "two\nlines", 12, null],
      ["=1+2", "-5", -5, "黎寨", ""],
    ];
    const text = rows.map((r) => csvLine(r, [true, true, true, false, true])).join("");
    expect(parseCsv(`\uFEFF${text}`)).toEqual([
      ["a,b", 'say "hi"', "two\nlines", "12", ""],
      ["'=1+2", "'-5", "-5", "黎寨", ""],
    ]);
  });
});
