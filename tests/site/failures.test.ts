/**
 * When D1 fails, the site answers, it does not throw: pages give 503 with Retry-After and a
 * page in the reader's language that says the data is briefly unavailable, the API gives
 * 503 problem+json, and an upload that fails half-way through its commit leaves nothing
 * written. Failures are injected into a copy of the sample database under a running server
 * (a table renamed away, a trigger that aborts the commit's last statement).
 */
import { DatabaseSync } from "node:sqlite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HEADER } from "../../scripts/fixtures/data.ts";
import { signInSample, uploadFile, type AdminSession } from "../support/admin-http.ts";
import { startIsolatedServer, type IsolatedServer } from "../support/isolated-server.ts";
import { d1File } from "../support/sample-db.ts";

let server: IsolatedServer;
let base: string;
beforeAll(async () => {
  server = await startIsolatedServer("[expected: this test breaks D1 on purpose] ");
  base = server.baseUrl;
});
afterAll(async () => {
  // Let wrangler finish printing the Worker's error log before it is stopped.
  await new Promise((resolve) => setTimeout(resolve, 500));
  server?.stop();
});

/** Runs SQL on the server's database file, as another process would. */
function onDatabase(sql: string): void {
  const db = new DatabaseSync(d1File(server.persistTo), { timeout: 10_000 });
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

function count(sql: string): number {
  const db = new DatabaseSync(d1File(server.persistTo), { readOnly: true });
  try {
    return Number((db.prepare(sql).get() as { n: number }).n);
  } finally {
    db.close();
  }
}

function expectUnavailableHeaders(response: Response, what: string) {
  expect(response.status, what).toBe(503);
  expect(Number(response.headers.get("retry-after")), what).toBeGreaterThan(0);
  expect(response.headers.get("cache-control"), what).toBe("no-store");
  expect(response.headers.get("content-security-policy"), what).toContain("frame-ancestors");
}

describe("D1 failing under pages and the API", () => {
  it("a page whose reads fail is a 503 page that says so, in the reader's language", async () => {
    expect((await fetch(`${base}/r/450422104`)).status).toBe(200);
    onDatabase("ALTER TABLE regions RENAME TO regions_gone");
    try {
      for (const [path, words] of [
        ["/r/450422", "数据暂时无法读取"],
        ["/r/450422104211", "数据暂时无法读取"],
        ["/en/r/450422", "The data cannot be read just now"],
        ["/rankings", "数据暂时无法读取"],
      ] as const) {
        const response = await fetch(`${base}${path}`);
        const html = await response.text();
        expectUnavailableHeaders(response, path);
        expect(response.headers.get("content-type"), path).toContain("text/html");
        expect(html, path).toContain(words);
        // No stack trace, no file names, no SQL.
        expect(html, path).not.toMatch(/\bat \w+ \(|\.ts:\d+|D1_ERROR|regions_gone|no such table/);
      }
    } finally {
      onDatabase("ALTER TABLE regions_gone RENAME TO regions");
    }
    expect((await fetch(`${base}/r/450422`)).status).toBe(200);
  });

  it("the API answers 503 problem+json", async () => {
    onDatabase("ALTER TABLE regions RENAME TO regions_gone");
    try {
      for (const path of [
        "/api/v1/regions/450422/summary",
        "/api/v1/regions/450422/children",
        "/api/v1/rankings?level=county",
        "/api/v1/search?q=藤县",
      ]) {
        const response = await fetch(`${base}${path}`);
        expectUnavailableHeaders(response, path);
        expect(response.headers.get("content-type"), path).toContain("application/problem+json");
        const body = (await response.json()) as Record<string, unknown>;
        expect(body, path).toMatchObject({ status: 503, title: "Data briefly unavailable" });
        expect(body.detail_zh, path).toContain("数据暂时无法读取");
        expect(JSON.stringify(body), path).not.toMatch(/D1_ERROR|no such table|regions_gone/);
      }
    } finally {
      onDatabase("ALTER TABLE regions_gone RENAME TO regions");
    }
  });

  it("a failure before any page is reached (the data facts unreadable) is a 503 too", async () => {
    onDatabase("ALTER TABLE dataset_meta RENAME TO dataset_meta_gone");
    try {
      // The isolate keeps the data version for up to 5 seconds; after that it must read it.
      await new Promise((resolve) => setTimeout(resolve, 5_500));
      for (const path of ["/r/45", "/api/v1/regions/45", "/methodology"]) {
        const response = await fetch(`${base}${path}`);
        await response.arrayBuffer();
        expectUnavailableHeaders(response, path);
      }
    } finally {
      onDatabase("ALTER TABLE dataset_meta_gone RENAME TO dataset_meta");
    }
  });
});

describe("an upload that fails half-way", () => {
  let clerk: AdminSession;
  beforeAll(async () => {
    clerk = await signInSample(base, "clerk");
  });

  /** A November return for one of 藤县's villages, 1,000 yuan above its October one. */
  function novemberReturn(): Uint8Array {
    const db = new DatabaseSync(d1File(server.persistTo), { readOnly: true });
    const row = db
      .prepare(
        `SELECT village_code, total, operating, contracting, investment, subsidy, other
         FROM income_returns WHERE village_code LIKE '450422%' AND period = '2026-10'
           AND superseded_at IS NULL ORDER BY village_code LIMIT 1`,
      )
      .get() as Record<string, number | string>;
    db.close();
    const values = [
      row.village_code,
      "2026-11",
      Number(row.total) + 1000,
      Number(row.operating) + 1000,
      row.contracting,
      row.investment,
      row.subsidy,
      row.other,
      "",
    ];
    return new TextEncoder().encode(`${HEADER.income.join(",")}\n${values.join(",")}\n`);
  }

  it("writes nothing and answers 503; the same file goes through once D1 is back", async () => {
    const file = novemberReturn();
    const returns = () => count("SELECT count(*) AS n FROM income_returns");
    const uploads = () => count("SELECT count(*) AS n FROM uploads");
    const [returnsBefore, uploadsBefore] = [returns(), uploads()];
    // The commit's batch reaches its audit row, its last statement, and D1 fails there (a
    // table it needs is gone: an error of the database, not a constraint the data broke).
    onDatabase(`CREATE TRIGGER inject_failure BEFORE INSERT ON audit_log
      WHEN NEW.action LIKE 'upload%' BEGIN INSERT INTO table_gone_missing VALUES (1); END`);
    try {
      const failed = await uploadFile(clerk, "income", file, "november.csv", { commit: true });
      expect(failed.status, JSON.stringify(failed.body)).toBe(503);
      expect(failed.body.detail_zh).toContain("本次请求未做任何修改");
      expect(returns()).toBe(returnsBefore);
      expect(uploads()).toBe(uploadsBefore);
    } finally {
      onDatabase("DROP TRIGGER inject_failure");
    }
    const committed = await uploadFile(clerk, "income", file, "november.csv", { commit: true });
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(returns()).toBe(returnsBefore + 1);
    expect(uploads()).toBe(uploadsBefore + 1);
  });
});
