import { describe, expect, it } from "vitest";
import { revisedValues } from "../../../src/lib/revisions.ts";

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
