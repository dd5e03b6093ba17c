/**
 * The Cron Trigger's run on a real D1: a confirmed release whose time has come is
 * published, and the downloads /data offers for it are measured at once, so that the first
 * reader downloads without waiting for the measuring pass; the download then declares the
 * measured size.
 */
import { env, exports } from "cloudflare:workers";
import { dataStamp } from "../../src/lib/build.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { DATASETS } from "../../src/lib/datasets.ts";
import { cronTasks } from "../../src/services/cron.ts";
import { loadDatasetFixture } from "./dataset-fixture.ts";

const DUE_AT = "2026-04-20T02:00:00Z";

beforeAll(async () => {
  await loadDatasetFixture(env.DB);
  await env.DB.prepare(
    `INSERT INTO releases (title, period, status, scheduled_at, confirmed_at, created_at)
     VALUES ('2026年3月', '2026-03', 'confirmed', ?1, '2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z')`,
  )
    .bind(DUE_AT)
    .run();
});

const sizes = () =>
  env.DB.prepare(
    "SELECT export, bytes, rows, measured_at FROM export_sizes WHERE version = ?1 ORDER BY export",
  )
    .bind(dataStamp(DUE_AT, null))
    .all<{ export: string; bytes: number; rows: number; measured_at: string }>();

describe("the cron run after a release is published", () => {
  it("publishes the due release and measures every dataset's download for it", async () => {
    expect((await sizes()).results).toEqual([]);
    await Promise.all(cronTasks(env.DB, new Date("2026-04-20T02:05:00Z")));
    const release = await env.DB.prepare(
      "SELECT status, published_at FROM releases WHERE period = '2026-03'",
    ).first();
    expect(release).toEqual({ status: "published", published_at: DUE_AT });
    const measured = (await sizes()).results;
    expect(measured.map((m) => m.export)).toEqual(
      DATASETS.map((d) => `${d.name}?region=&from=&to=&bom=1`).sort(),
    );
  });

  it("serves the release's download with that size, without measuring again", async () => {
    const before = (await sizes()).results;
    const income = before.find((m) => m.export.startsWith("village-income?"))!;
    const response = await exports.default.fetch(
      new Request("http://ledger.test/api/v1/datasets/village-income.csv?bom=1&release=2026-03"),
    );
    expect(response.status).toBe(200);
    const body = new Uint8Array(await response.arrayBuffer());
    expect(response.headers.get("content-length")).toBe(String(income.bytes));
    expect(body.length).toBe(income.bytes);
    expect(response.headers.get("x-row-count")).toBe(String(income.rows));
    // Not measured again: the row is the one the cron wrote.
    expect((await sizes()).results).toEqual(before);
  });

  it("forgets sizes measured over 30 days ago, and keeps the others", async () => {
    const insert = env.DB.prepare(
      "INSERT INTO export_sizes (export, version, bytes, rows, measured_at) VALUES (?1, 'live:x', 1, 0, ?2)",
    );
    await env.DB.batch([
      insert.bind("old?region=&from=&to=&bom=0", "2026-03-01T00:00:00Z"),
      insert.bind("recent?region=&from=&to=&bom=0", "2026-04-01T00:00:00Z"),
    ]);
    await Promise.all(cronTasks(env.DB, new Date("2026-04-20T02:10:00Z")));
    const left = await env.DB.prepare(
      "SELECT export FROM export_sizes WHERE version = 'live:x' ORDER BY export",
    ).all<{ export: string }>();
    expect(left.results.map((r) => r.export)).toEqual(["recent?region=&from=&to=&bom=0"]);
    // The release's sizes (measured by the first test, on the real clock) are recent: kept.
    expect((await sizes()).results.length).toBe(DATASETS.length);
  });

  it("measures nothing when nothing was published", async () => {
    const before = await env.DB.prepare("SELECT count(*) AS n FROM export_sizes").first();
    await Promise.all(cronTasks(env.DB, new Date("2026-04-20T02:10:00Z")));
    expect(await env.DB.prepare("SELECT count(*) AS n FROM export_sizes").first()).toEqual(before);
  });
});
