/**
 * CSV downloads declare their size over a real socket: the built Worker served by wrangler
 * sends Content-Length (not chunked) and X-Row-Count, and when D1 fails part-way the
 * connection closes short of Content-Length, so the client sees an incomplete transfer
 * rather than a clean end (which an errored chunked body gets: cloudflare/workerd#6818).
 * The failure is made on a server of its own, with its own copy of the sample database.
 * The /data page tells users so, in both languages.
 */
import { request, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { DatabaseSync } from "node:sqlite";
import { afterAll, describe, expect, inject, it } from "vitest";
import { parseCsv } from "../../src/lib/csv.ts";
import { startIsolatedServer, type IsolatedServer } from "../support/isolated-server.ts";
import { d1File, openSampleDatabase } from "../support/sample-db.ts";

const base = inject("baseUrl");

interface Received {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Node's own verdict: the whole message (every declared byte) arrived. */
  complete: boolean;
}

/**
 * GET over a plain socket of its own. `whenHeaders` runs once the headers are in, with the
 * body paused (nothing more is read from the socket until it returns).
 */
function get(url: string, whenHeaders?: (res: IncomingMessage) => void): Promise<Received> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      const done = () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          complete: res.complete,
        });
      res.pause();
      whenHeaders?.(res);
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", done);
      // A connection closed short of Content-Length: "aborted" (an error, then close).
      res.on("error", () => {});
      res.on("close", done);
      res.resume();
    });
    req.on("error", reject);
    req.end();
  });
}

describe("a whole download", () => {
  for (const path of [
    "/api/v1/datasets/village-income.csv?region=4504&bom=1",
    "/api/v1/datasets/region-indicators.csv?region=450422&from=2026-01",
    "/api/v1/datasets/projects.csv?region=45",
  ]) {
    it(`declares its length and rows: ${path}`, async () => {
      const { status, headers, body, complete } = await get(`${base}${path}`);
      expect(status).toBe(200);
      expect(headers["transfer-encoding"]).toBeUndefined();
      expect(headers["content-length"]).toBe(String(body.byteLength));
      expect(complete).toBe(true);
      const rows = parseCsv(body.toString("utf8")).length - 1;
      expect(headers["x-row-count"]).toBe(String(rows));
    });
  }

  it("counts the rows that plain SQL counts", async () => {
    const db = openSampleDatabase();
    const { n } = db
      .prepare(
        `SELECT count(*) AS n FROM income_returns
         WHERE superseded_at IS NULL AND village_code >= '4504' AND village_code < '4504~'`,
      )
      .get() as { n: number };
    db.close();
    const { headers } = await get(`${base}/api/v1/datasets/village-income.csv?region=4504`);
    expect(headers["x-row-count"]).toBe(String(n));
  });
});

describe("the data page says so", () => {
  for (const [path, sentence] of [
    ["/data", "每个 CSV 下载都声明了文件大小（Content-Length）和行数（X-Row-Count）"],
    [
      "/en/data",
      "Every CSV download declares its size (Content-Length) and row count (X-Row-Count)",
    ],
  ]) {
    it(path, async () => {
      const html = (await (await fetch(`${base}${path}`)).text()).replace(/\s+/g, " ");
      expect(html).toContain(sentence);
    });
  }
});

describe("a download whose D1 read fails part-way", () => {
  let server: IsolatedServer | undefined;
  afterAll(async () => {
    // Let wrangler finish printing the Worker's error log before it is stopped.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    server?.stop();
  });

  it("ends short of Content-Length: an incomplete transfer for the client", async () => {
    server = await startIsolatedServer("[expected: this test breaks D1 under a download] ");
    const file = d1File(server.persistTo);
    // The whole village-income export (tens of MB): far more than the socket buffers hold,
    // so the Worker is still reading pages when the table goes away.
    const received = await get(`${server.baseUrl}/api/v1/datasets/village-income.csv`, () => {
      // Headers are in (the size was measured); the body is paused. Break D1 under it.
      const db = new DatabaseSync(file, { timeout: 10_000 });
      db.exec("ALTER TABLE income_returns RENAME TO income_returns_gone");
      db.close();
    });
    expect(received.status).toBe(200);
    expect(received.headers["transfer-encoding"]).toBeUndefined();
    const declared = Number(received.headers["content-length"]);
    expect(declared).toBeGreaterThan(10_000_000);
    expect(Number(received.headers["x-row-count"])).toBeGreaterThan(100_000);
    // Some of it arrived, then the connection closed: not a complete message.
    expect(received.body.byteLength).toBeGreaterThan(0);
    expect(received.body.byteLength).toBeLessThan(declared);
    expect(received.complete).toBe(false);
  });
});
