/**
 * src/lib/datasets.ts: the citation of a dataset in both languages, the data dictionary in
 * English, and its vocabulary fields as src/lib/vocabulary.ts defines them.
 */
import { describe, expect, it } from "vitest";
import {
  citation,
  citationEn,
  DATASETS,
  findDataset,
  UNITS_EN,
} from "../../../src/lib/datasets.ts";
import { keys, terms, type VocabularyName } from "../../../src/lib/vocabulary.ts";

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

describe("the data dictionary in English", () => {
  // Han characters and CJK punctuation (full-width brackets, commas and the like).
  const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
  const english = (text: string | null | undefined) => {
    expect(text?.trim()).toBeTruthy();
    expect(text).not.toMatch(CJK);
  };

  it("every field of every dataset has an English name, definition and unit", () => {
    const fields = DATASETS.flatMap((d) =>
      d.fields.map((f) => [`${d.name}.${f.name}`, f] as const),
    );
    expect(fields.length).toBeGreaterThan(90);
    for (const [where, f] of fields) {
      expect.soft(f.titleEn, where).toBeTruthy();
      expect.soft(f.titleEn, where).not.toMatch(CJK);
      expect.soft(f.descriptionEn, where).toBeTruthy();
      expect.soft(f.descriptionEn, where).not.toMatch(CJK);
      expect.soft(f.descriptionEn, where).toMatch(/[.)]$/);
      if (f.unit) expect.soft(UNITS_EN[f.unit], where).not.toMatch(CJK);
      // The Chinese is still there, for the Chinese page and the data package.
      expect.soft(f.title, where).toMatch(CJK);
      expect.soft(f.description, where).toMatch(CJK);
    }
  });

  it("every dataset has its schedule and period filter in English", () => {
    for (const d of DATASETS) {
      english(d.titleEn);
      english(d.descriptionEn);
      english(d.updateScheduleEn);
      expect(d.periodFilterEn === null, d.name).toBe(d.periodFilter === null);
      if (d.periodFilterEn !== null) english(d.periodFilterEn);
    }
  });

  it("translates the domain terms as DESIGN.md does", () => {
    const field = (dataset: string, name: string) =>
      findDataset(dataset)?.fields.find((f) => f.name === name);
    expect(field("work-teams", "members")?.descriptionEn).toContain("first secretary");
    expect(field("problems", "closed_on")?.titleEn).toBe("Date closed");
    expect(field("village-income", "contracting")?.titleEn).toBe("Contracting and remittances");
    expect(field("region-indicators", "yoy_growth")?.descriptionEn).toContain("matched sample");
  });
});

describe("labels", () => {
  it("define the data dictionary's vocabulary fields: keys as the enum, labels in the text", () => {
    const field = (dataset: string, name: string) =>
      DATASETS.find((d) => d.name === dataset)?.fields.find((f) => f.name === name);
    const cases: [string, string, VocabularyName][] = [
      ["projects", "status", "project_status"],
      ["projects", "category", "project_category"],
      ["problems", "status", "problem_status"],
      ["problems", "category", "problem_category"],
      ["problems", "channel", "problem_channel"],
      ["problem-events", "status", "problem_status"],
      ["targets", "status", "target_status"],
      ["targets", "phase", "target_phase"],
      ["targets", "category", "target_category"],
    ];
    for (const [dataset, name, vocabulary] of cases) {
      const f = field(dataset, name);
      expect(f?.constraints?.enum, `${dataset}.${name}`).toEqual(keys(vocabulary));
      for (const t of terms(vocabulary)) expect(f?.description).toContain(`${t.key} ${t.zh}`);
    }
  });
});
