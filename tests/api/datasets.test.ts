/**
 * The dataset endpoints through the Worker on a real local D1: CSV parsed back equals the
 * JSON, BOM and formula injection, filters, releases as published, caching and CORS.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/lib/csv.ts";
import { DATASETS } from "../../src/lib/datasets.ts";
import { loadDatasetFixture, VILLAGE_A } from "./dataset-fixture.ts";

beforeAll(async () => {
  await loadDatasetFixture(env.DB);
});

type Json = ReturnType<typeof JSON.parse>;

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await exports.default.fetch(
    new Request(`http://ledger.test${path}`, { headers }),
  );
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  const type = response.headers.get("content-type") ?? "";
  return {
    status: response.status,
    headers: response.headers,
    type,
    bytes,
    text,
    body: type.includes("json") && text ? (JSON.parse(text) as Json) : null,
  };
}

/** Every row of a dataset through the JSON pages, following next_cursor. */
async function allJsonRows(
  path: string,
  limit: number,
  headers: Record<string, string> = {},
): Promise<Json[]> {
  const rows: Json[] = [];
  let url: string | null = `${path}${path.includes("?") ? "&" : "?"}limit=${limit}`;
  for (let pages = 0; url && pages < 100; pages++) {
    const { status, body } = await get(url, headers);
    expect(status, url).toBe(200);
    expect(body.rows.length).toBeLessThanOrEqual(limit);
    rows.push(...body.rows);
    url = body.next;
  }
  return rows;
}

/** CSV text as objects keyed by the header row. */
function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries((header ?? []).map((h, i) => [h, row[i] ?? ""])));
}

describe("GET /api/v1/datasets", () => {
  it("lists every dataset with its fields and download URLs", async () => {
    const { status, body } = await get("/api/v1/datasets");
    expect(status).toBe(200);
    expect(body.datasets.map((d: { name: string }) => d.name)).toEqual([
      "regions",
      "village-income",
      "region-indicators",
      "reporting-punctuality",
      "projects",
      "problems",
      "problem-events",
      "targets",
      "work-teams",
      "releases",
    ]);
    const income = body.datasets.find((d: { name: string }) => d.name === "village-income");
    expect(income.csv).toBe("/api/v1/datasets/village-income.csv");
    expect(income.fields.find((f: { name: string }) => f.name === "total")).toMatchObject({
      type: "integer",
      unit: "元",
      unit_en: "yuan",
    });
    expect(body).toMatchObject({ licence: "CC-BY-4.0", release: "live", sample_data: true });
  });

  it("describes every dataset and field in English too", async () => {
    const { body } = await get("/api/v1/datasets");
    const cjk = /[\u3400-\u9fff]/;
    for (const d of body.datasets) {
      const english = [d.title_en, d.description_en, d.update_schedule_en];
      if (d.period_filter !== null) english.push(d.period_filter_en);
      else expect(d.period_filter_en, d.name).toBeNull();
      for (const f of d.fields) english.push(f.title_en, f.description_en);
      for (const text of english) {
        expect(typeof text, d.name).toBe("string");
        expect(text.length, d.name).toBeGreaterThan(0);
        expect(text, d.name).not.toMatch(cjk);
      }
    }
  });
});

describe("CSV parsed back equals the JSON", () => {
  for (const [index, def] of DATASETS.entries()) {
    it(`${def.name}`, async () => {
      // Pages of 2 rows are many downloads: each dataset from an address of its own, so
      // that together they stay under the per-address download limit.
      const client = { "CF-Connecting-IP": `198.51.100.${index + 1}` };
      const csv = await get(`/api/v1/datasets/${def.name}.csv`, client);
      expect(csv.status).toBe(200);
      expect(csv.type).toBe("text/csv; charset=utf-8");
      const [header] = parseCsv(csv.text);
      expect(header).toEqual(def.fields.map((f) => f.name));
      const json = await allJsonRows(`/api/v1/datasets/${def.name}.json`, 2, client);
      const fromCsv = csvObjects(csv.text);
      expect(fromCsv.length).toBe(json.length);
      json.forEach((row, i) => {
        for (const field of def.fields) {
          const value = row[field.name];
          const cell = fromCsv[i]?.[field.name];
          if (value === null) expect(cell, field.name).toBe("");
          else if (typeof value === "number") expect(Number(cell), field.name).toBe(value);
          else expect(cell?.replace(/^'(?=[=+\-@\t\r])/, ""), field.name).toBe(value);
        }
      });
    });
  }

  it("pages the JSON with a cursor: no row twice, none missed, in key order", async () => {
    const rows = await allJsonRows("/api/v1/datasets/village-income.json", 3);
    const keys = rows.map((r) => `${r.village_code}|${r.period}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual([...keys].sort());
    // The fixture's 9 returns (a community's too), one row each: A's revision replaces its original.
    expect(rows.length).toBe(9);
  });
});

describe("CSV encoding", () => {
  it("adds a byte-order mark only with bom=1", async () => {
    const plain = await get("/api/v1/datasets/regions.csv");
    const bom = await get("/api/v1/datasets/regions.csv?bom=1");
    expect([...plain.bytes.slice(0, 4)]).toEqual([...new TextEncoder().encode("code")]);
    expect([...bom.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bom.text.slice(1)).toBe(plain.text);
  });

  it("neutralises formulas in text but leaves numbers alone", async () => {
    const projects = csvObjects((await get("/api/v1/datasets/projects.csv")).text);
    expect(projects[0]?.title).toBe(`'=HYPERLINK("http://x","点我")`);
    expect(projects[0]?.supporting_unit).toBe("'@后盾单位");
    // A comma and quotes survive the round trip through RFC 4180 quoting.
    expect(projects[1]?.title).toBe('黑山羊养殖, "二期"');
    expect(projects[0]?.budget).toBe("1200000");
    const raw = (await get("/api/v1/datasets/targets.csv")).text.split("\r\n")[1] ?? "";
    expect(raw).toContain(",'+86 热线覆盖,");
    expect(raw).toContain(",-12.5,10,4,"); // a negative number stays a number
    const teams = csvObjects((await get("/api/v1/datasets/work-teams.csv")).text);
    expect(teams[0]?.dispatching_unit).toBe("'-县农业农村局");
    expect(teams[0]?.village_code).toBe("450422104211"); // a code, written as text
  });

  it("names the file after the dataset, region and release", async () => {
    const live = await get("/api/v1/datasets/village-income.csv?region=450422104");
    expect(live.headers.get("content-disposition")).toBe(
      'attachment; filename="village-income_450422104_latest.csv"',
    );
    const frozen = await get(
      "/api/v1/datasets/region-indicators.csv?release=2025-12&from=2025-01&to=2025-12",
    );
    expect(frozen.headers.get("content-disposition")).toBe(
      'attachment; filename="region-indicators_all-regions_2025-01-to-2025-12_release-2025-12.csv"',
    );
  });
});

describe("filters", () => {
  it("region gives the whole subtree and nothing else", async () => {
    const rows = csvObjects(
      (await get("/api/v1/datasets/village-income.csv?region=450422104")).text,
    );
    expect(rows.length).toBe(7);
    expect(rows.every((r) => r.village_code?.startsWith("450422104"))).toBe(true);
    const one = csvObjects(
      (await get(`/api/v1/datasets/village-income.csv?region=${VILLAGE_A}`)).text,
    );
    expect(one.map((r) => r.period)).toEqual(["2024-12", "2025-06", "2025-12"]);
  });

  it("from and to bound the period, inclusive", async () => {
    const rows = csvObjects(
      (await get("/api/v1/datasets/region-indicators.csv?region=450422&from=2025-06&to=2025-08"))
        .text,
    );
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(["2025-06", "2025-07", "2025-08"]));
    // The county and its three townships, three months each.
    expect(rows.length).toBe(12);
  });

  it("release gives a revised value as that release published it", async () => {
    const pick = (text: string) =>
      csvObjects(text).find((r) => r.village_code === VILLAGE_A && r.period === "2025-12");
    const live = pick((await get("/api/v1/datasets/village-income.csv")).text);
    const first = pick((await get("/api/v1/datasets/village-income.csv?release=2025-12")).text);
    const second = pick((await get("/api/v1/datasets/village-income.csv?release=2026-01")).text);
    expect(first).toMatchObject({ total: "100000", operating: "40000", reason: "" });
    expect(second).toMatchObject({ total: "150000", reason: "补报漏报的经营收入" });
    expect(live?.total).toBe("150000");

    const county = async (query: string) =>
      csvObjects(
        (
          await get(
            `/api/v1/datasets/region-indicators.csv?region=450422&from=2025-12&to=2025-12${query}`,
          )
        ).text,
      ).find((r) => r.region_code === "450422");
    expect((await county("&release=2025-12"))?.income_total).toBe("1620000");
    expect((await county(""))?.income_total).toBe("1670000");
    // The region summary reads the same release.
    const summary = await get("/api/v1/regions/450422/summary?period=2025-12&release=2025-12");
    expect(summary.body.indicators.income_total.value).toBe(1_620_000);
    expect(summary.body.release).toBe("2025-12");
  });

  it("says which release and when the data was updated", async () => {
    const frozen = await get("/api/v1/datasets/village-income.json?release=2025-12&limit=1");
    expect(frozen.body).toMatchObject({
      release: "2025-12",
      release_published_at: "2026-01-20T02:00:00Z",
      data_updated_at: "2026-01-20T02:00:00Z",
    });
    const live = await get("/api/v1/datasets/village-income.json?limit=1");
    expect(live.body).toMatchObject({ release: "live", data_updated_at: "2026-02-01T00:00:00Z" });
  });
});

describe("bad requests get a specific problem, never a 500", () => {
  const cases: [string, number, RegExp][] = [
    ["/api/v1/datasets/nothing.csv", 404, /No dataset named nothing/],
    ["/api/v1/datasets/village-income.csv?region=45x", 400, /region: must be a statistical/],
    ["/api/v1/datasets/village-income.csv?region=999999", 404, /No region has the code 999999/],
    ["/api/v1/datasets/village-income.csv?from=2025-13", 400, /from: must be a month/],
    [
      "/api/v1/datasets/village-income.csv?from=2025-12&to=2025-01",
      400,
      /from \(2025-12\) is after to/,
    ],
    [
      "/api/v1/datasets/village-income.csv?release=2026-02",
      404,
      /No published release for 2026-02/,
    ],
    ["/api/v1/datasets/village-income.csv?bom=yes", 400, /bom: must be 0 or 1/],
    ["/api/v1/datasets/regions.csv?from=2025-01", 400, /regions has no period/],
    ["/api/v1/datasets/releases.json?region=45", 400, /releases has no region/],
    ["/api/v1/datasets/village-income.json?limit=0", 400, /limit: must be at least 1/],
    ["/api/v1/datasets/village-income.json?limit=5001", 400, /limit: must be at most 5000/],
    ["/api/v1/datasets/village-income.json?limit=ten", 400, /limit: must be a whole number/],
    ["/api/v1/datasets/village-income.json?cursor=bm9wZQ", 400, /cursor: is not a cursor/],
    ["/api/v1/datasets/village-income.json?cursor=%%%", 400, /cursor/],
    ["/api/v1/releases/2026-02/changes.csv", 404, /No published release/],
    ["/api/v1/regions/45/children?level=province", 400, /level: province is not below/],
  ];
  for (const [path, status, detail] of cases) {
    it(`${path} → ${status}`, async () => {
      const response = await get(path);
      expect(response.status).toBe(status);
      expect(response.type).toContain("application/problem+json");
      expect(response.body.detail).toMatch(detail);
      expect(response.body.detail_zh.length).toBeGreaterThan(0);
    });
  }
});

describe("caching", () => {
  it("serves a release as immutable and answers 304 to its ETag", async () => {
    const path = "/api/v1/datasets/village-income.csv?release=2025-12";
    const first = await get(path);
    expect(first.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const etag = first.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await get(path, { "If-None-Match": etag });
    expect(again.status).toBe(304);
    expect(again.bytes.length).toBe(0);
    // A different release or query is a different representation.
    const other = await get("/api/v1/datasets/village-income.csv?release=2026-01");
    expect(other.headers.get("etag")).not.toBe(etag);
    expect((await get(path, { "If-None-Match": `W/${etag}` })).status).toBe(304);
  });

  it("serves live data briefly and changes the ETag when the data changes", async () => {
    const path = "/api/v1/regions/450422/summary";
    const first = await get(path);
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    const etag = first.headers.get("etag") ?? "";
    expect((await get(path, { "If-None-Match": etag })).status).toBe(304);
    await env.DB.prepare("UPDATE dataset_meta SET value = ?1 WHERE key = 'last_updated'")
      .bind("2026-03-01T00:00:00Z")
      .run();
    const changed = await get(path, { "If-None-Match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});

describe("CORS", () => {
  it("lets any origin read", async () => {
    const response = await get("/api/v1/datasets", { Origin: "https://newsroom.example" });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toContain("ETag");
  });

  it("allows no other method cross-origin", async () => {
    const preflight = (method: string) =>
      exports.default.fetch(
        new Request("http://ledger.test/api/v1/datasets", {
          method: "OPTIONS",
          headers: { Origin: "https://x.example", "Access-Control-Request-Method": method },
        }),
      );
    const get = await preflight("GET");
    expect(get.headers.get("access-control-allow-methods")).toBe("GET, HEAD");
    const post = await preflight("POST");
    expect(post.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("region hierarchy", () => {
  it("lists every region at a level under a region", async () => {
    const { status, body } = await get("/api/v1/regions/45/children?level=township");
    expect(status).toBe(200);
    expect(body.children.map((c: { code: string }) => c.code)).toEqual([
      "450422104",
      "450422105",
      "450422106",
    ]);
    const villages = await get("/api/v1/regions/450422/children?level=village");
    expect(villages.body.children).toHaveLength(6);
    const direct = await get("/api/v1/regions/4504/children");
    expect(direct.body.children.map((c: { code: string }) => c.code)).toEqual(["450422"]);
  });

  it("gives a series as of a release", async () => {
    const live = await get("/api/v1/regions/450422/series?indicator=income_total&from=2025-12");
    const frozen = await get(
      "/api/v1/regions/450422/series?indicator=income_total&from=2025-12&release=2025-12",
    );
    expect(live.body.points[0].value).toBe(1_670_000);
    expect(frozen.body.points[0].value).toBe(1_620_000);
  });
});

describe("a release's changes.csv", () => {
  it("lists every value revised since the previous release, old, new and reason", async () => {
    const { status, text, headers } = await get("/api/v1/releases/2026-01/changes.csv");
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const rows = csvObjects(text);
    expect(rows).toEqual([
      expect.objectContaining({
        village_code: VILLAGE_A,
        period: "2025-12",
        field: "total",
        old_value: "100000",
        new_value: "150000",
        difference: "50000",
        reason: "补报漏报的经营收入",
      }),
      expect.objectContaining({ field: "operating", old_value: "40000", new_value: "90000" }),
    ]);
    // The first release had nothing revised before it.
    expect(parseCsv((await get("/api/v1/releases/2025-12/changes.csv")).text)).toHaveLength(1);
  });
});
