import { describe, expect, it } from "vitest";
import { csvLine, parseCsv } from "../../src/lib/csv.ts";
import { dataPackage } from "../../src/lib/datapackage.ts";
import { DATASETS } from "../../src/lib/datasets.ts";
import { revisedValues } from "../../src/lib/revisions.ts";

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

describe("revisedValues", () => {
  it("gives one line per changed figure with the difference", () => {
    const figures = {
      total: 100,
      operating: 60,
      contracting: 40,
      investment: 0,
      subsidy: 0,
      other: 0,
    };
    const lines = revisedValues({
      village_code: "450422104211",
      village_name: "黎寨村委会",
      period: "2025-12",
      revised_at: "2026-02-01T00:00:00Z",
      reason: "更正",
      old: figures,
      new: { ...figures, total: 130, operating: 90 },
    });
    expect(lines.map((l) => [l.field, l.old_value, l.new_value, l.difference])).toEqual([
      ["total", 100, 130, 30],
      ["operating", 60, 90, 30],
    ]);
  });
});

describe("dataPackage", () => {
  it("describes every dataset with absolute paths and keys among its fields", () => {
    const pkg = dataPackage("https://ledger.example", "2026-11-10T02:00:00Z") as {
      resources: { path: string; schema: { fields: { name: string }[]; primaryKey: string[] } }[];
    };
    expect(pkg.resources).toHaveLength(DATASETS.length);
    for (const r of pkg.resources) {
      expect(r.path).toMatch(/^https:\/\/ledger\.example\/api\/v1\/datasets\/[a-z-]+\.csv$/);
      const names = r.schema.fields.map((f) => f.name);
      expect(r.schema.primaryKey.every((k) => names.includes(k))).toBe(true);
    }
  });
});
