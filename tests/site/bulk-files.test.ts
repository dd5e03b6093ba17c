/**
 * Bulk files on the sample, over real HTTP from the built Worker: the Cron Trigger (as
 * `npm start` runs it) starts the Workflow, which writes the 2026-10 release's files to
 * the local R2 first. village-income.csv.gz then holds every return of that release: the
 * same bytes as the API's CSV once gunzipped, as many rows as an independent SQL count,
 * a valid gzip file for gzip(1), with its Content-Length, byte ranges and 416. /data and
 * /en/data link it. On a server of its own (the builds write), stopped at the end.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCron } from "../../scripts/serve-build.ts";
import { startIsolatedServer, type IsolatedServer } from "../support/isolated-server.ts";
import { d1File } from "../support/sample-db.ts";

const RELEASE = "2026-10";
const PATH = `/data/bulk/${RELEASE}/village-income.csv.gz`;
let server: IsolatedServer;
let file: { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** GET over a socket of its own, with what arrived and the headers as sent. */
function get(url: string, headers: Record<string, string> = {}): Promise<typeof file> {
  return new Promise((resolve, reject) => {
    request(url, { agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    })
      .on("error", reject)
      .end();
  });
}

function query<T>(sql: string, ...values: string[]): T {
  const db = new DatabaseSync(d1File(server.persistTo), { readOnly: true });
  try {
    return db.prepare(sql).get(...values) as T;
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  server = await startIsolatedServer();
  await runCron(server.baseUrl);
  const deadline = Date.now() + 60_000;
  while (
    query<{ n: number }>(
      "SELECT count(*) AS n FROM bulk_builds WHERE release = ?1 AND status = 'built'",
      RELEASE,
    ).n === 0
  ) {
    if (Date.now() > deadline) throw new Error(`the ${RELEASE} files were not written in 60 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  file = await get(`${server.baseUrl}${PATH}`);
}, 120_000);

afterAll(() => server?.stop());

describe(`the ${RELEASE} village-income bulk file`, () => {
  it("holds every return of the release: the API's CSV, gzipped, and the rows SQL counts", async () => {
    expect(file.status).toBe(200);
    expect(file.headers["content-type"]).toBe("application/gzip");
    expect(file.headers["transfer-encoding"]).toBeUndefined();
    expect(file.headers["content-length"]).toBe(String(file.body.length));
    // Larger than one 5 MiB part: written in several parts, by several steps.
    expect(file.body.length).toBeGreaterThan(5 * 1024 * 1024);
    const csv = gunzipSync(file.body);
    const api = await get(
      `${server.baseUrl}/api/v1/datasets/village-income.csv?bom=1&release=${RELEASE}`,
    );
    expect(api.status).toBe(200);
    expect(csv.equals(api.body)).toBe(true);
    const { n } = query<{ n: number }>(
      `SELECT count(*) AS n FROM income_returns i, releases r
       WHERE r.period = ?1 AND r.status = 'published' AND i.recorded_at <= r.published_at
         AND (i.superseded_at IS NULL OR i.superseded_at > r.published_at)`,
      RELEASE,
    );
    expect(n).toBeGreaterThan(400_000);
    // Header line, then one CRLF-ended line per return (no field of this dataset holds one).
    const lines = csv.toString("utf8").split("\r\n").length - 2;
    expect(lines).toBe(n);
  });

  it("is one valid gzip file for gzip(1)", () => {
    const dir = mkdtempSync(join(tmpdir(), "bulk-"));
    try {
      writeFileSync(join(dir, "f.csv.gz"), file.body);
      const check = spawnSync("gzip", ["-t", join(dir, "f.csv.gz")], { encoding: "utf8" });
      expect(check.stderr).toBe("");
      expect(check.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sends the exact bytes of a range, and 416 past the end", async () => {
    const part = await get(`${server.baseUrl}${PATH}`, { Range: "bytes=5242870-5242909" });
    expect(part.status).toBe(206);
    expect(part.headers["content-range"]).toBe(`bytes 5242870-5242909/${file.body.length}`);
    expect(part.body.equals(file.body.subarray(5242870, 5242910))).toBe(true);
    const past = await get(`${server.baseUrl}${PATH}`, { Range: `bytes=${file.body.length}-` });
    expect(past.status).toBe(416);
    const etag = String(file.headers.etag);
    expect((await get(`${server.baseUrl}${PATH}`, { "If-None-Match": etag })).status).toBe(304);
  });

  it("is linked from /data and /en/data with its rows", async () => {
    const rows = query<{ rows: number }>(
      "SELECT rows FROM bulk_files WHERE release = ?1 AND dataset = 'village-income'",
      RELEASE,
    ).rows;
    for (const [page, words] of [
      ["/data", `2026年10月发布版全量文件（CSV.gz，${rows.toLocaleString("zh-CN")} 行`],
      ["/en/data", `whole file (CSV.gz, ${rows.toLocaleString("en")} rows`],
    ] as const) {
      const html = (await get(`${server.baseUrl}${page}`)).body.toString("utf8");
      expect(html, page).toContain(`href="${PATH}"`);
      expect(html, page).toContain(words);
    }
  });
});
