/** English citation of a dataset and which open-data pages have English versions. */
import { describe, expect, it } from "vitest";
import { citation, citationEn, findDataset } from "../../src/lib/datasets.ts";
import { hasEnglish } from "../../src/lib/i18n.ts";

describe("citationEn", () => {
  const def = findDataset("village-income");
  it("names the dataset, the release and the address, like the Chinese citation", () => {
    expect(def).toBeDefined();
    const d = def as NonNullable<typeof def>;
    const url = `https://example.org/api/v1/datasets/${d.name}.csv`;
    expect(citationEn(d, "2026-10", url)).toBe(
      `Village Ledger (村务公开台账): ${d.titleEn} (${d.name}), monthly release 2026-10. ${url}, CC BY 4.0.`,
    );
    expect(citationEn(d, null, url)).toContain("latest data");
    expect(citation(d, "2026-10", url)).toContain("2026-10 月度发布版");
  });
});

describe("hasEnglish", () => {
  it("covers /data and release pages but not other data paths or the back office", () => {
    expect(hasEnglish("/data")).toBe(true);
    expect(hasEnglish("/releases/2026-10")).toBe(true);
    expect(hasEnglish("/releases/2026-1")).toBe(false);
    expect(hasEnglish("/data/datapackage.json")).toBe(false);
    expect(hasEnglish("/admin")).toBe(false);
  });
});
