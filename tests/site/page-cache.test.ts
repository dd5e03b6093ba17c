/**
 * The edge cache of rendered pages (src/services/page-cache.ts, caches.default in wrangler
 * dev as on Cloudflare): a second reader gets the page without a D1 query; the ETag gives a
 * 304; an upload and a correction move the data version, so the next reader gets the new
 * page; a release's view stays as it was; a large-text reader has their own copy; a
 * signed-in reader and the back office are never served from nor kept in the cache.
 * On its own copy of the sample database: it writes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseServerTiming } from "../../src/lib/request-metrics.ts";
import { signInSample, uploadFile, type AdminSession } from "../support/admin-http.ts";
import { startIsolatedServer, type IsolatedServer } from "../support/isolated-server.ts";
import { openSampleDatabase } from "../support/sample-db.ts";

let server: IsolatedServer;
let base = "";
// One sign-in for the file: an authenticator code works once.
let editor: AdminSession;
beforeAll(async () => {
  server = await startIsolatedServer();
  base = server.baseUrl;
  editor = await signInSample(base, "editor");
});
afterAll(() => server?.stop());

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers });
  const body = await response.text();
  return {
    status: response.status,
    body,
    etag: response.headers.get("ETag"),
    ...parseServerTiming(response.headers.get("Server-Timing")),
  };
}

/** Waits past the isolate's hold on the data version (VERSION_TTL_MS, 5 s). */
const pastVersionHold = () => new Promise((resolve) => setTimeout(resolve, 5_500));

describe("rendered pages in the edge cache", () => {
  it("a second reader gets the page from the cache, with no D1 query", async () => {
    const first = await get("/r/450422104");
    expect(first.status).toBe(200);
    expect(first.cache).toBe("miss");
    expect(first.queries).toBeGreaterThan(0);
    const second = await get("/r/450422104");
    expect(second.cache).toBe("hit");
    expect(second.queries).toBe(0);
    expect(second.body).toBe(first.body);
    expect(second.etag).toBe(first.etag);
  });

  it("a link shared with tracking parameters, or its parameters in another order, is the kept page", async () => {
    const first = await get("/r/450422?period=2025-06&rank=income_median");
    expect(first.cache).toBe("miss");
    const shared = await get(
      "/r/450422?rank=income_median&from=singlemessage&isappinstalled=0&period=2025-06&utm_source=weibo",
    );
    expect([shared.cache, shared.queries]).toEqual(["hit", 0]);
    expect(shared.body).toBe(first.body);
    // A parameter a page reads still makes a view of its own.
    const other = await get("/r/450422?period=2025-05&rank=income_median");
    expect(other.cache).toBe("miss");
    expect(other.body).not.toBe(first.body);
  });

  it("keeps public API answers too, with their own ETag, but not dataset downloads", async () => {
    const path = "/api/v1/regions/450422104/summary?period=2026-10";
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.cache).toBe("miss");
    const second = await get(path);
    expect(second.cache).toBe("hit");
    expect(second.queries).toBe(0);
    expect(second.body).toBe(first.body);
    // The API's validator, not the page cache's: clients that revalidate keep working.
    expect(second.etag).toBe(first.etag);
    expect(second.etag).not.toMatch(/^W\/"p-/);
    const revalidated = await get(path, { "If-None-Match": first.etag ?? "" });
    expect(revalidated.status).toBe(304);
    const download = "/api/v1/datasets/regions.csv?region=450422104";
    await get(download);
    expect((await get(download)).cache).toBe("bypass");
  });

  it("sends a kept page gzipped to readers who accept it, as it is to others", async () => {
    await (await fetch(`${base}/r/450422104`)).arrayBuffer();
    const zipped = await fetch(`${base}/r/450422104`, { headers: { "Accept-Encoding": "gzip" } });
    const plain = await fetch(`${base}/r/450422104`, {
      headers: { "Accept-Encoding": "identity" },
    });
    expect(zipped.headers.get("Content-Encoding")).toBe("gzip");
    expect(plain.headers.get("Content-Encoding")).toBeNull();
    expect(zipped.headers.get("Vary")).toContain("Accept-Encoding");
    // fetch decodes the gzipped body: the same page.
    expect(await zipped.text()).toBe(await plain.text());
    // The first hit compresses the page as it goes; the later ones send the copy kept then.
    const path = "/r/450422104?period=2026-01";
    const page = await (await fetch(`${base}${path}`)).text();
    for (let i = 0; i < 3; i++) {
      const again = await fetch(`${base}${path}`, { headers: { "Accept-Encoding": "gzip" } });
      expect(again.headers.get("Content-Encoding")).toBe("gzip");
      expect(await again.text()).toBe(page);
    }
  });

  it("sends one kept page to many readers at once, each its whole copy", async () => {
    // A page just kept, then 50 readers together: its first gzipped copy is being made
    // while the others ask for it (a stream shared between requests failed here under load).
    const path = "/r/450422104?period=2025-12";
    const page = await (await fetch(`${base}${path}`)).text();
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${base}${path}`, { headers: { "Accept-Encoding": "gzip" } }).then(async (r) => ({
          status: r.status,
          text: await r.text(),
        })),
      ),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.text).toBe(page);
    }
  });

  it("serves readers who arrive together when the data version is due to be read again", async () => {
    // The isolate reads the version at most every 5 s; each stale reader reads it itself
    // (an in-flight read shared between requests failed under load).
    const paths = ["/r/450422104211", "/en/r/450422", "/r/450422/projects"];
    for (let round = 0; round < 2; round++) {
      await new Promise((resolve) => setTimeout(resolve, 5_100));
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          fetch(`${base}${paths[i % paths.length]}`).then(async (r) => {
            await r.arrayBuffer();
            return r.status;
          }),
        ),
      );
      expect(answers.filter((status) => status !== 200)).toEqual([]);
    }
  });

  it("answers 304 to a reader who has the current copy", async () => {
    const { etag } = await get("/r/450422104");
    const response = await fetch(`${base}/r/450422104`, { headers: { "If-None-Match": etag! } });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe("");
    expect(response.headers.get("ETag")).toBe(etag);
    expect(parseServerTiming(response.headers.get("Server-Timing")).cache).toBe("revalidated");
  });

  it("keeps a large-text reader's copy apart", async () => {
    const large = await get("/r/450422104", { Cookie: "large_text=1" });
    expect(large.cache).toBe("miss");
    expect(large.body).not.toBe((await get("/r/450422104")).body);
    expect((await get("/r/450422104", { Cookie: "large_text=1" })).cache).toBe("hit");
  });

  it("never serves nor keeps a page for a signed-in reader, nor the back office", async () => {
    const signedIn = await get("/r/450422104", { Cookie: editor.cookie });
    expect(signedIn.cache).toBe("bypass");
    expect(signedIn.queries).toBeGreaterThan(0);
    // A signed-in reader's next request reads a D1 copy at least as new (read replicas).
    const response = await fetch(`${base}/r/450422104`, { headers: { Cookie: editor.cookie } });
    expect(response.headers.get("Set-Cookie")).toMatch(
      /^__Host-ledger_d1_bookmark=[^;]+; Path=\/; Secure; HttpOnly; SameSite=Lax$/,
    );
    const anonymous = await fetch(`${base}/r/450422104`);
    expect(anonymous.headers.get("Set-Cookie")).toBeNull();
    for (let i = 0; i < 2; i++) {
      const admin = await get("/admin/upload", { Cookie: editor.cookie });
      expect(admin.status).toBe(200);
      expect(admin.cache).toBe("bypass");
      expect(admin.etag).toBeNull();
    }
  });
});

describe("a write moves the data version: nothing stale is served", () => {
  /** The county total of 2026-10 as the page states it in its headline data. */
  const county = () => get("/r/450422?period=2026-10");

  it("after an upload, the next reader gets the new figures; the release view does not move", async () => {
    const before = await county();
    const apiBefore = await get("/api/v1/regions/450422/summary?period=2026-10");
    expect((await get("/api/v1/regions/450422/summary?period=2026-10")).cache).toBe("hit");
    const release = await get("/releases/2026-10");
    expect((await county()).cache).toBe("hit");
    const db = openSampleDatabase(server.persistTo);
    const row = db
      .prepare(
        `SELECT village_code, total, operating, contracting, investment, subsidy, other FROM income_returns
         WHERE village_code LIKE '4504221%' AND period = '2026-10' AND superseded_at IS NULL
         ORDER BY village_code LIMIT 1`,
      )
      .get() as Record<string, number | string>;
    db.close();
    const csv =
      "村代码,统计期,合计,经营收入,发包及上交收入,投资收益,补助收入,其他收入,说明\r\n" +
      `${row.village_code},2026-10,${Number(row.total) + 70_000},${Number(row.operating) + 70_000},${row.contracting},${row.investment},${row.subsidy},${row.other},补报\r\n`;
    const done = await uploadFile(editor, "income", new TextEncoder().encode(csv), "r.csv", {
      commit: true,
    });
    expect(done.status).toBe(200);
    expect(done.body.changed).toBe(true);
    const after = await county();
    expect(after.cache).toBe("miss");
    expect(after.body).not.toBe(before.body);
    // The API's answer moves with the page.
    const api = await get("/api/v1/regions/450422/summary?period=2026-10");
    expect(api.cache).toBe("miss");
    const total = (body: string) => JSON.parse(body).indicators.income_total.value as number;
    expect(total(api.body)).toBe(total(apiBefore.body) + 70_000);
    // The release was frozen before the upload: its view is the same page.
    await pastVersionHold();
    const releaseAfter = await get("/releases/2026-10");
    expect(releaseAfter.cache).toBe("miss");
    expect(releaseAfter.body).toBe(release.body);
  });

  it("a correction to a published bulletin moves the version too", async () => {
    const db = openSampleDatabase(server.persistTo);
    const bulletin = db
      .prepare("SELECT id FROM bulletins WHERE status = 'published' ORDER BY id LIMIT 1")
      .get() as { id: number };
    db.close();
    const path = `/bulletins/${bulletin.id}`;
    await get(path);
    expect((await get(path)).cache).toBe("hit");
    const response = await fetch(`${base}/api/admin/bulletins/${bulletin.id}/corrections`, {
      method: "POST",
      headers: {
        Cookie: editor.cookie,
        "X-CSRF-Token": editor.csrf,
        Origin: base,
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ body: "第二段的合计应为 1,234 元。", reason: "抄录错误" }),
    });
    expect(response.status).toBe(201);
    const after = await get(path);
    expect(after.cache).toBe("miss");
    expect(after.body).toContain("抄录错误");
  });
});
