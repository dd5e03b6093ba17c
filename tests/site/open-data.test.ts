/**
 * Open data on the built site with the sample data: a county page's figures recomputed
 * from the downloaded CSV, a value revised after its release still read as published,
 * the catalogue, data package and DCAT descriptions, and the release page's changes
 * against plain SQL. (Streaming: tests/api/dataset-export.test.ts and
 * scripts/bench-export.ts.)
 */
import type { DatabaseSync } from "node:sqlite";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { parseCsv } from "../../src/lib/csv.ts";
import { DATASETS } from "../../src/lib/datasets.ts";
import { openSampleDatabase } from "../support/sample-db.ts";

const base = inject("baseUrl");
let db: DatabaseSync;
beforeAll(() => {
  db = openSampleDatabase();
});

async function csv(path: string): Promise<Record<string, string>[]> {
  const response = await fetch(`${base}${path}`);
  expect(response.status, path).toBe(200);
  const [header, ...rows] = parseCsv(await response.text());
  return rows.map((row) => Object.fromEntries((header ?? []).map((h, i) => [h, row[i] ?? ""])));
}

/** The raw values of the headline cards of a region page, by indicator. */
async function headline(path: string): Promise<Map<string, number>> {
  const html = await (await fetch(`${base}${path}`)).text();
  const out = new Map<string, number>();
  for (const m of html.matchAll(/data-indicator="([a-z0-9_]+)" data-value="([^"]*)"/g)) {
    out.set(m[1] as string, Number(m[2]));
  }
  return out;
}

describe("a county page recomputed from the downloaded CSV", () => {
  for (const period of ["2026-10", "2025-12"]) {
    it(`/r/450422 藤县, ${period}`, async () => {
      const shown = await headline(`/r/450422?period=${period}`);
      const rows = await csv(
        `/api/v1/datasets/village-income.csv?region=450422&from=${period}&to=${period}&bom=1`,
      );
      // Only village committees (suffix 200-399) count.
      const committees = rows.filter((r) => {
        const suffix = Number(r.village_code?.slice(9));
        return suffix >= 200 && suffix <= 399;
      });
      const totals = committees.map((r) => Number(r.total));
      const sum = totals.reduce((a, b) => a + b, 0);
      expect(shown.get("income_total")).toBe(sum);
      expect(shown.get("reporting")).toBe(committees.length);
      const subsidy = committees.reduce((a, r) => a + Number(r.subsidy), 0);
      expect(shown.get("earned_income")).toBe(sum - subsidy);
      const share10 = totals.filter((t) => t >= 100_000).length / totals.length;
      expect(shown.get("share_ge_10w")).toBeCloseTo(share10, 12);
    });
  }
});

interface Revision {
  village_code: string;
  period: string;
  old_total: number;
  new_total: number;
  revised_at: string;
}

describe("releases read as published", () => {
  it("a value revised after its release still reads as that release published it", async () => {
    // Straight SQL: a revision made after the release of its own period.
    const revision = db
      .prepare(
        `SELECT n.village_code, n.period, o.total AS old_total, n.total AS new_total,
           n.recorded_at AS revised_at
         FROM income_returns o JOIN income_returns n ON n.village_code = o.village_code
           AND n.period = o.period AND n.recorded_at = o.superseded_at
         JOIN releases r ON r.period = n.period AND r.status = 'published'
         WHERE n.recorded_at > r.published_at ORDER BY n.recorded_at LIMIT 1`,
      )
      .get() as unknown as Revision | undefined;
    expect(revision).toBeDefined();
    const r = revision as Revision;
    expect(r.old_total).not.toBe(r.new_total);
    const pick = (rows: Record<string, string>[]) => rows.find((x) => x.period === r.period);
    const q = `region=${r.village_code}&from=${r.period}&to=${r.period}`;
    const frozen = pick(await csv(`/api/v1/datasets/village-income.csv?${q}&release=${r.period}`));
    const live = pick(await csv(`/api/v1/datasets/village-income.csv?${q}`));
    expect(Number(frozen?.total)).toBe(r.old_total);
    expect(Number(live?.total)).toBe(r.new_total);

    // The township's rollup, as published and live, differ by exactly the revision.
    const township = r.village_code.slice(0, 9);
    const stats = async (release: string) =>
      (
        await csv(
          `/api/v1/datasets/region-indicators.csv?region=${township}&from=${r.period}&to=${r.period}${release}`,
        )
      ).find((x) => x.region_code === township);
    const asPublished = Number((await stats(`&release=${r.period}`))?.income_total);
    const now = Number((await stats(""))?.income_total);
    expect(now - asPublished).toBe(r.new_total - r.old_total);
    // The summary API and the page read the same release.
    const summary = (await (
      await fetch(
        `${base}/api/v1/regions/${township}/summary?period=${r.period}&release=${r.period}`,
      )
    ).json()) as { indicators: { income_total: { value: number } } };
    expect(summary.indicators.income_total.value).toBe(asPublished);
  });

  it("the release page lists what changed since the previous release, as SQL finds it", async () => {
    const [previous, current] = db
      .prepare(
        `SELECT period, published_at FROM releases WHERE status = 'published'
         ORDER BY published_at DESC LIMIT 2`,
      )
      .all()
      .reverse() as { period: string; published_at: string }[];
    expect(current).toBeDefined();
    const c = current as { period: string; published_at: string };
    // Revisions whose old row was superseded between the two freeze moments.
    const revised = db
      .prepare(
        `SELECT count(*) AS n FROM income_returns
         WHERE superseded_at > ? AND superseded_at <= ?`,
      )
      .get(previous?.published_at ?? "", c.published_at) as { n: number };
    const html = await (await fetch(`${base}/releases/${c.period}`)).text();
    expect(html).toContain(`共更正 ${revised.n} 份月报`);
    const filed = db
      .prepare(
        `SELECT count(*) AS n FROM income_returns WHERE recorded_at > ? AND recorded_at <= ?
           AND reason IS NULL`,
      )
      .get(previous?.published_at ?? "", c.published_at) as { n: number };
    const listed = [...html.matchAll(/data-count="(\d+)"/g)].reduce((a, m) => a + Number(m[1]), 0);
    expect(listed).toBe(filed.n);
    const changes = await csv(`/api/v1/releases/${c.period}/changes.csv`);
    expect(new Set(changes.map((x) => `${x.village_code}|${x.period}`)).size).toBe(revised.n);
    expect(changes.every((x) => x.reason !== "" && x.old_value !== x.new_value)).toBe(true);
  });
});

describe("describing the data", () => {
  it("/data lists every dataset with fields and working download buttons", async () => {
    const response = await fetch(`${base}/data`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const def of DATASETS) {
      expect(html).toContain(`id="${def.name}"`);
      expect(html).toContain(`data-fields="${def.name}"`);
    }
    expect(html).toContain("CC BY 4.0");
    const links = [...html.matchAll(/href="(\/api\/v1\/datasets\/[^"]+)" data-download/g)].map(
      (m) => (m[1] as string).replaceAll("&amp;", "&"),
    );
    expect(links.length).toBeGreaterThan(DATASETS.length * 2);
    // Every button's file opens with a BOM; try the small ones (not the national exports).
    const small = links.filter((l) => l.includes(".csv") && /region|releases|work-teams/.test(l));
    expect(small.length).toBeGreaterThan(2);
    for (const link of small) {
      const bytes = new Uint8Array(await (await fetch(`${base}${link}`)).arrayBuffer());
      expect([...bytes.slice(0, 3)], link).toEqual([0xef, 0xbb, 0xbf]);
    }
  });

  it("the data package's table schemas match the CSV headers and keys", async () => {
    const pkg = (await (await fetch(`${base}/data/datapackage.json`)).json()) as {
      $schema: string;
      resources: {
        name: string;
        path: string;
        schema: {
          fields: { name: string }[];
          primaryKey: string[];
          /** Left out when a table has none (the Frictionless v2 profile refuses an empty list). */
          foreignKeys?: { fields: string[]; reference: { resource?: string } }[];
        };
      }[];
    };
    expect(pkg.$schema).toContain("datapackage.org/profiles/2.0");
    const names = pkg.resources.map((r) => r.name);
    expect(names).toEqual(DATASETS.map((d) => d.name));
    for (const resource of pkg.resources) {
      const fields = resource.schema.fields.map((f) => f.name);
      const path = new URL(resource.path).pathname;
      const small = resource.name === "releases" ? "" : "?region=450422104211";
      const text = await (await fetch(`${base}${path}${small}`)).text();
      expect(parseCsv(text.split("\r\n")[0] ?? "")[0], resource.name).toEqual(fields);
      expect(resource.schema.primaryKey.every((k) => fields.includes(k))).toBe(true);
      for (const fk of resource.schema.foreignKeys ?? []) {
        expect(fk.fields.every((f) => fields.includes(f))).toBe(true);
        if (fk.reference.resource) expect(names).toContain(fk.reference.resource);
      }
    }
  });

  it("the DCAT-AP catalogue lists every dataset with its distributions", async () => {
    const response = await fetch(`${base}/data/catalog.jsonld`);
    expect(response.headers.get("content-type")).toContain("application/ld+json");
    const catalog = (await response.json()) as {
      "@type": string;
      "dcat:dataset": { "dct:identifier": string; "dcat:distribution": unknown[] }[];
    };
    expect(catalog["@type"]).toBe("dcat:Catalog");
    expect(catalog["dcat:dataset"].map((d) => d["dct:identifier"])).toEqual(
      DATASETS.map((d) => d.name),
    );
    // CSV, JSON and XLSX, each the dataset's API download.
    for (const d of catalog["dcat:dataset"]) {
      const urls = (d["dcat:distribution"] as { "dcat:downloadURL": { "@id": string } }[]).map(
        (x) => x["dcat:downloadURL"]["@id"].replace(/^.*\/api\/v1\/datasets\//, ""),
      );
      const name = d["dct:identifier"];
      expect(urls).toEqual([`${name}.csv`, `${name}.json`, `${name}.xlsx`]);
    }
  });

  it("/api/docs documents every path of the OpenAPI document", async () => {
    const doc = (await (await fetch(`${base}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    const html = await (await fetch(`${base}/api/docs`)).text();
    const documented = [...html.matchAll(/data-path="([^"]+)"/g)].map((m) => m[1]);
    expect(documented.sort()).toEqual(
      Object.keys(doc.paths)
        .filter((p) => p.startsWith("/api/v1/"))
        .sort(),
    );
    expect(html).toContain('id="problem-too-many-requests"');
  });
});

describe("the /data page's county cut as a workbook", () => {
  it("submits to the XLSX route and gets the county's rows, read back with exceljs", async () => {
    const html = await (await fetch(`${base}/data`)).text();
    const form =
      /<form class="cut" action="\/api\/v1\/datasets\/village-income\.csv"[\s\S]*?<\/form>/.exec(
        html,
      )?.[0];
    expect(form, "village-income's county form").toBeTruthy();
    const action = /formaction="([^"]+)"/.exec(form ?? "")?.[1];
    expect(action).toBe("/api/v1/datasets/village-income.xlsx");
    const county = /<option value="(\d{6})"/.exec(form ?? "")?.[1] as string;
    // As the browser submits the form: every field, the hidden bom=1 too.
    const response = await fetch(`${base}${action}?bom=1&region=${county}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    const { default: ExcelJS } = await import("exceljs");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    const sheet = book.worksheets[0];
    const { n } = db
      .prepare(
        `SELECT count(*) AS n FROM income_returns
          WHERE village_code LIKE ?1 || '%' AND superseded_at IS NULL`,
      )
      .get(county) as { n: number };
    expect((sheet?.rowCount ?? 0) - 1).toBe(n);
  });
});
