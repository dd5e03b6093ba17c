/**
 * Bulk files on a real D1, R2 and Workflows (workerd): the Cron Trigger publishes a due
 * release and starts the build of its files; each build starts the next until every
 * published release has its files. Each file, gunzipped, is byte for byte the CSV the API
 * streams for the same release, and holds the rows an independent SQL count says it holds.
 * The route serves it with its length, ETag, byte ranges and immutable caching; the API
 * refuses a CSV cut over its bound and points to the file.
 */
import { gunzipSync } from "node:zlib";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { createApi } from "../../functions/app.ts";
import { dataStamp } from "../../src/lib/build.ts";
import { parseCsv } from "../../src/lib/csv.ts";
import { DATASETS } from "../../src/lib/datasets.ts";
import {
  BULK_LIMITS,
  finishBulkFile,
  newBulkFile,
  writeBulkChunk,
} from "../../src/services/bulk-writer.ts";
import { cronTasks } from "../../src/services/cron.ts";
import { loadDatasetFixture, RELEASE_1_AT, RELEASE_2_AT, VILLAGE_A } from "./dataset-fixture.ts";

const DUE_AT = "2026-04-20T02:00:00Z";
const RELEASES = { "2025-12": RELEASE_1_AT, "2026-01": RELEASE_2_AT, "2026-03": DUE_AT };
const PERIODS = Object.keys(RELEASES).sort().reverse();

const get = (path: string, headers: Record<string, string> = {}) =>
  exports.default.fetch(new Request(`http://ledger.test${path}`, { headers }));

const builds = async () =>
  (
    await env.DB.prepare(
      "SELECT release, as_of, instance_id, status FROM bulk_builds ORDER BY started_at",
    ).all<{ release: string; as_of: string; instance_id: string; status: string }>()
  ).results;

/** Waits until every published release's build is marked built (the chain ends). */
async function allBuilt(timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await builds();
    if (rows.length === PERIODS.length && rows.every((b) => b.status === "built")) return;
    for (const b of rows.filter((r) => r.status === "building")) {
      const { status, error } = await (await env.BULK_BUILD.get(b.instance_id)).status();
      if (status === "errored") throw new Error(`build ${b.instance_id} failed: ${error?.message}`);
    }
    if (Date.now() > deadline) throw new Error(`builds not done: ${JSON.stringify(rows)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  await loadDatasetFixture(env.DB);
  await env.DB.prepare(
    `INSERT INTO releases (title, period, status, scheduled_at, confirmed_at, created_at)
     VALUES ('2026年3月', '2026-03', 'confirmed', ?1, '2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z')`,
  )
    .bind(DUE_AT)
    .run();
  await Promise.all(cronTasks(env, new Date("2026-04-20T02:05:00Z")));
  await allBuilt();
});

describe("the builds after a release is published", () => {
  it("publish the due release, build it first, then every earlier release, one at a time", async () => {
    const release = await env.DB.prepare(
      "SELECT status, published_at FROM releases WHERE period = '2026-03'",
    ).first();
    expect(release).toEqual({ status: "published", published_at: DUE_AT });
    const rows = await builds();
    // Newest first: the cron started 2026-03, each build started the next.
    expect(rows.map((b) => b.release)).toEqual(PERIODS);
    expect(rows.map((b) => b.as_of)).toEqual(PERIODS.map((p) => RELEASES[p as "2026-03"]));
    const files = await env.DB.prepare(
      "SELECT release, dataset FROM bulk_files ORDER BY release, dataset",
    ).all<{ release: string; dataset: string }>();
    expect(files.results.length).toBe(PERIODS.length * DATASETS.length);
    // The kept pages' version moved with the last build, so /data links its files at once.
    const finished = await env.DB.prepare("SELECT max(finished_at) AS at FROM bulk_builds").first<{
      at: string;
    }>();
    const meta = await env.DB.prepare(
      "SELECT value FROM dataset_meta WHERE key = 'bulk_built'",
    ).first<{ value: string }>();
    expect(meta?.value).toBe(finished?.at);
    // Nothing is left half-written: the carries between steps are deleted.
    expect((await env.BULK.list({ prefix: "_work/" })).objects).toEqual([]);
  });

  it("start nothing more once every release has its files", async () => {
    const before = await builds();
    await Promise.all(cronTasks(env, new Date("2026-04-20T02:10:00Z")));
    expect(await builds()).toEqual(before);
  });

  it("write each file as the API's CSV of that release, gzipped, with the rows SQL counts", async () => {
    for (const period of PERIODS) {
      for (const def of DATASETS) {
        const path = `/data/bulk/${period}/${def.name}.csv.gz`;
        const file = await get(path);
        expect(file.status, path).toBe(200);
        const gz = new Uint8Array(await file.arrayBuffer());
        expect(file.headers.get("content-length"), path).toBe(String(gz.byteLength));
        const api = await get(`/api/v1/datasets/${def.name}.csv?bom=1&release=${period}`);
        const csv = new Uint8Array(await api.arrayBuffer());
        expect(Buffer.from(gunzipSync(gz)).equals(Buffer.from(csv)), path).toBe(true);
        const recorded = await env.DB.prepare(
          "SELECT bytes, csv_bytes, rows, etag FROM bulk_files WHERE release = ?1 AND dataset = ?2",
        )
          .bind(period, def.name)
          .first<{ bytes: number; csv_bytes: number; rows: number; etag: string }>();
        expect(recorded).toEqual({
          bytes: gz.byteLength,
          csv_bytes: csv.byteLength,
          rows: Number(api.headers.get("x-row-count")),
          etag: file.headers.get("etag"),
        });
      }
    }
    // Independently of the app's SQL: the returns valid at each freeze moment.
    for (const [period, at] of Object.entries(RELEASES)) {
      const sql = await env.DB.prepare(
        `SELECT count(*) AS n FROM income_returns
         WHERE recorded_at <= ?1 AND (superseded_at IS NULL OR superseded_at > ?1)`,
      )
        .bind(at)
        .first<{ n: number }>();
      const file = await get(`/data/bulk/${period}/village-income.csv.gz`);
      const rows = parseCsv(gunzipSync(new Uint8Array(await file.arrayBuffer())).toString());
      expect(rows.length - 1, period).toBe(sql?.n);
    }
  });

  it("freeze each release: a revision made after a release is only in the later files", async () => {
    const total = async (period: string) => {
      const file = await get(`/data/bulk/${period}/village-income.csv.gz`);
      const [header, ...rows] = parseCsv(
        gunzipSync(new Uint8Array(await file.arrayBuffer())).toString(),
      );
      const at = (name: string) => (header as string[]).indexOf(name);
      const row = rows.find(
        (r) => r[at("village_code")] === VILLAGE_A && r[at("period")] === "2025-12",
      );
      return row?.[at("total")];
    };
    expect(await total("2025-12")).toBe("100000");
    expect(await total("2026-01")).toBe("150000");
  });

  it("write the data package beside the files, with each file's size and rows", async () => {
    const response = await get("/data/bulk/2026-01/datapackage.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const pkg = (await response.json()) as {
      name: string;
      version: string;
      resources: { name: string; path: string; bytes: number; rows: number }[];
    };
    expect(pkg.version).toBe("2026-01");
    expect(pkg.resources.map((r) => r.name)).toEqual(DATASETS.map((d) => d.name));
    const files = await env.DB.prepare(
      "SELECT dataset, bytes, rows FROM bulk_files WHERE release = '2026-01'",
    ).all<{ dataset: string; bytes: number; rows: number }>();
    for (const r of pkg.resources) {
      expect(r.path).toBe(`${r.name}.csv.gz`);
      const file = files.results.find((f) => f.dataset === r.name);
      expect({ bytes: r.bytes, rows: r.rows }).toEqual({ bytes: file?.bytes, rows: file?.rows });
    }
  });
});

describe("a build that was lost", () => {
  it("is started again by the next cron run, under a new instance", async () => {
    // A build recorded as running whose instance is gone (its state lost with a server).
    await env.DB.prepare(
      "UPDATE bulk_builds SET status = 'building', finished_at = NULL, instance_id = 'gone' WHERE release = '2026-01'",
    ).run();
    await Promise.all(cronTasks(env, new Date("2026-04-20T02:15:00Z")));
    const row = (await builds()).find((b) => b.release === "2026-01");
    expect(row?.instance_id).toMatch(/^bulk-2026-01-/);
    await allBuilt();
  });
});

describe("a file written in many steps", () => {
  it("is one gzip file of several members, the same CSV as the API's", async () => {
    const limits = { ...BULK_LIMITS, pageRows: 1, stepRows: 2 };
    let state = newBulkFile("2026-01", "village-income", RELEASE_2_AT, "test-steps");
    const queries: number[] = [];
    while (!state.done) {
      state = await writeBulkChunk(env, state, limits);
      queries.push(state.lastQueries);
    }
    expect(state.steps).toBeGreaterThan(2);
    expect(Math.max(...queries)).toBeLessThanOrEqual(limits.stepRows / limits.pageRows);
    const file = await finishBulkFile(env, state);
    // Repeating the last step (a retry after it went through) records the same file.
    expect({ ...(await finishBulkFile(env, state)), built_at: "" }).toEqual({
      ...file,
      built_at: "",
    });
    const gz = new Uint8Array(
      await (await get("/data/bulk/2026-01/village-income.csv.gz")).arrayBuffer(),
    );
    expect(gz.byteLength).toBe(file.bytes);
    const api = await get("/api/v1/datasets/village-income.csv?bom=1&release=2026-01");
    const csv = Buffer.from(await api.arrayBuffer());
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(gunzipSync(gz).equals(csv)).toBe(true);
    // One gzip member per step: each starts with the gzip magic and method (1f 8b 08).
    const members = gz.reduce(
      (n, b, i) => (b === 0x1f && gz[i + 1] === 0x8b && gz[i + 2] === 8 ? n + 1 : n),
      0,
    );
    expect(members).toBeGreaterThanOrEqual(state.steps);
  });
});

describe("serving a bulk file", () => {
  const path = "/data/bulk/2026-01/village-income.csv.gz";
  let whole: Uint8Array;
  let etag: string;
  beforeAll(async () => {
    const response = await get(path);
    whole = new Uint8Array(await response.arrayBuffer());
    etag = response.headers.get("etag") ?? "";
  });

  it("sends the file with its length, type, validator and a year of immutable caching", async () => {
    const response = await get(path);
    await response.arrayBuffer();
    expect(response.headers.get("content-type")).toBe("application/gzip");
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("content-length")).toBe(String(whole.byteLength));
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("content-disposition")).toContain(
      'filename="village-income_release-2026-01.csv.gz"',
    );
    expect(etag).toMatch(/^"[^"]+"$/);
    const head = await exports.default.fetch(
      new Request(`http://ledger.test${path}`, { method: "HEAD" }),
    );
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe(String(whole.byteLength));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });

  it("answers If-None-Match with 304", async () => {
    const response = await get(path, { "If-None-Match": etag });
    expect(response.status).toBe(304);
    expect(response.headers.get("etag")).toBe(etag);
    expect(response.headers.get("cache-control")).toContain("immutable");
    expect((await get(path, { "If-None-Match": '"other"' })).status).toBe(200);
  });

  it("sends the exact bytes of a range, a suffix and an open range (206)", async () => {
    const size = whole.byteLength;
    for (const [range, start, end] of [
      ["bytes=0-99", 0, 99],
      ["bytes=10-10", 10, 10],
      ["bytes=-20", size - 20, size - 1],
      [`bytes=${size - 5}-`, size - 5, size - 1],
      [`bytes=100-${size + 1000}`, 100, size - 1],
    ] as const) {
      const response = await get(path, { Range: range });
      expect(response.status, range).toBe(206);
      const body = new Uint8Array(await response.arrayBuffer());
      expect(response.headers.get("content-range"), range).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers.get("content-length"), range).toBe(String(end - start + 1));
      expect([...body], range).toEqual([...whole.slice(start, end + 1)]);
    }
  });

  it("answers a range past the end with 416, and sends the whole file otherwise", async () => {
    const past = await get(path, { Range: `bytes=${whole.byteLength}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${whole.byteLength}`);
    for (const headers of <Record<string, string>[]>[
      { Range: "bytes=0-9,20-29" }, // several ranges: the whole file
      { Range: "lines=0-9" },
      { Range: "bytes=9-0" }, // malformed: ignored
      { Range: "bytes=0-9", "If-Range": '"an-older-version"' },
    ]) {
      const response = await get(path, headers);
      expect(response.status, JSON.stringify(headers)).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBe(whole.byteLength);
    }
    expect((await get(path, { Range: "bytes=0-9", "If-Range": etag })).status).toBe(206);
  });

  it("answers 404 problem+json for an unknown release, dataset or file", async () => {
    for (const missing of [
      "/data/bulk/2019-01/village-income.csv.gz",
      "/data/bulk/2026-02/village-income.csv.gz", // not published
      "/data/bulk/2026-01/no-such-dataset.csv.gz",
      "/data/bulk/2026-01/village-income.csv",
      "/data/bulk/2026-13/village-income.csv.gz",
      "/data/bulk/_work/village-income.csv.gz",
    ]) {
      const response = await get(missing);
      expect(response.status, missing).toBe(404);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const body = (await response.json()) as { detail: string; detail_zh: string };
      expect(body.detail).toContain("/data/bulk/YYYY-MM/");
      expect(body.detail_zh).toContain("批量文件");
    }
  });
});

describe("the API's bound on a CSV cut", () => {
  /** The API with another bound, as a deployment would configure EXPORT_MAX_ROWS. */
  async function withBound(path: string, maxRows: number): Promise<Response> {
    const ctx = createExecutionContext();
    const response = await createApi().request(
      path,
      {},
      { ...env, EXPORT_MAX_ROWS: String(maxRows) },
      ctx,
    );
    await response.clone().arrayBuffer();
    await waitOnExecutionContext(ctx);
    return response;
  }

  it("refuses a larger cut with problem+json pointing to the release's bulk file", async () => {
    const full = await get("/api/v1/datasets/village-income.csv?release=2026-01");
    const rows = Number(full.headers.get("x-row-count"));
    expect(rows).toBeGreaterThan(3);
    const refused = await withBound(
      "/api/v1/datasets/village-income.csv?release=2026-01",
      rows - 1,
    );
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    const body = (await refused.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      type: "/api/docs#problem-export-too-large",
      title: "Export too large",
      status: 400,
      max_rows: rows - 1,
      bulk_file: "/data/bulk/2026-01/village-income.csv.gz",
    });
    expect(body.detail).toContain("/data/bulk/2026-01/village-income.csv.gz");
    expect(body.detail_zh).toContain("全量文件：/data/bulk/2026-01/village-income.csv.gz");
    // Exactly at the bound it is served.
    expect(
      (await withBound("/api/v1/datasets/village-income.csv?release=2026-01", rows)).status,
    ).toBe(200);
  });

  it("points live requests to the newest release's file, and serves narrower cuts", async () => {
    const live = await withBound("/api/v1/datasets/village-income.csv", 2);
    expect(live.status).toBe(400);
    expect(((await live.json()) as { bulk_file: string }).bulk_file).toBe(
      "/data/bulk/2026-03/village-income.csv.gz",
    );
    const narrow = await withBound(
      `/api/v1/datasets/village-income.csv?region=${VILLAGE_A}&from=2026-01&to=2026-01`,
      2,
    );
    expect(narrow.status).toBe(200);
  });
});

describe("the cron's housekeeping", () => {
  it("forgets export sizes measured over 30 days ago, and keeps the others", async () => {
    const insert = env.DB.prepare(
      "INSERT INTO export_sizes (export, version, bytes, rows, measured_at) VALUES (?1, ?2, 1, 0, ?3)",
    );
    const version = dataStamp(DUE_AT, null);
    await env.DB.batch([
      insert.bind("old?region=&from=&to=&bom=0", version, "2026-03-01T00:00:00Z"),
      insert.bind("recent?region=&from=&to=&bom=0", version, "2026-04-01T00:00:00Z"),
    ]);
    await Promise.all(cronTasks(env, new Date("2026-04-20T02:10:00Z")));
    const left = await env.DB.prepare(
      "SELECT export FROM export_sizes WHERE version = ?1 AND export IN ('old?region=&from=&to=&bom=0', 'recent?region=&from=&to=&bom=0')",
    )
      .bind(version)
      .all<{ export: string }>();
    expect(left.results.map((r) => r.export)).toEqual(["recent?region=&from=&to=&bom=0"]);
  });
});
