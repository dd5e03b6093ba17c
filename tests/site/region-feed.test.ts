/**
 * A region's Atom feed (/r/{code}/feed.xml, /en/r/{code}/feed.xml), read with a real XML
 * parser: well-formed Atom, and its entries exactly the ones computed here, independently,
 * from the sample SQLite: the releases whose data as of their freeze moment held returns of
 * the region's village committees (raw returns, not the rollups the feed reads), the
 * published bulletins of the region or an ancestor (by code prefix), and the corrections
 * and notices on those bulletins or on those releases; newest first, at most 50.
 */
import { request } from "node:http";
import { gunzipSync } from "node:zlib";
import { Parser } from "saxen";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { DatabaseSync } from "node:sqlite";
import { formatCount, formatMoney } from "../../src/lib/format.ts";
import { parseServerTiming } from "../../src/lib/request-metrics.ts";
import { openSampleDatabase } from "../support/sample-db.ts";

const base = inject("baseUrl");
const ATOM = "http://www.w3.org/2005/Atom";
const LIMIT = 50;

/** An XML element as parsed: name, attributes, text and children. */
interface Node {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: Node[];
}

/** The document's root element; throws on anything that is not well-formed. */
function parseXml(xml: string): Node {
  const root: Node = { name: "#document", attrs: {}, text: "", children: [] };
  const stack: Node[] = [root];
  const parser = new Parser();
  parser.on("openTag", (name, attrs, decode) => {
    const node: Node = { name, attrs: {}, text: "", children: [] };
    for (const [k, v] of Object.entries(attrs())) node.attrs[k] = decode(v);
    stack.at(-1)?.children.push(node);
    stack.push(node);
  });
  parser.on("closeTag", (name) => {
    const node = stack.pop();
    if (node?.name !== name) throw new Error(`closing ${name} inside ${node?.name}`);
  });
  parser.on("text", (text, decode) => {
    const node = stack.at(-1) as Node;
    node.text += decode(text);
  });
  parser.on("error", (error) => {
    throw error;
  });
  parser.parse(xml);
  if (stack.length !== 1) throw new Error("unclosed elements");
  if (root.children.length !== 1) throw new Error("not one root element");
  return root.children[0] as Node;
}

const child = (node: Node, name: string) => node.children.find((c) => c.name === name);
const children = (node: Node, name: string) => node.children.filter((c) => c.name === name);
const textOf = (node: Node, name: string) => child(node, name)?.text.trim() ?? "";
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** What RFC 4287 asks of a feed and its entries; returns the entries. */
function expectAtom(feed: Node, selfUrl: string): Node[] {
  expect(feed.name).toBe("feed");
  expect(feed.attrs.xmlns).toBe(ATOM);
  expect(textOf(feed, "id")).toMatch(/^https?:\/\//);
  expect(textOf(feed, "title").length).toBeGreaterThan(0);
  expect(textOf(feed, "updated")).toMatch(RFC3339);
  expect(textOf(child(feed, "author") as Node, "name").length).toBeGreaterThan(0);
  const self = children(feed, "link").find((l) => l.attrs.rel === "self");
  expect(self?.attrs.href).toBe(selfUrl);
  expect(self?.attrs.type).toBe("application/atom+xml");
  const entries = children(feed, "entry");
  for (const entry of entries) {
    expect(textOf(entry, "id")).toMatch(/^tag:[^,]+,\d{4}:/);
    expect(textOf(entry, "title").length).toBeGreaterThan(0);
    expect(textOf(entry, "updated")).toMatch(RFC3339);
    expect(textOf(entry, "published")).toMatch(RFC3339);
    expect(textOf(entry, "summary").length).toBeGreaterThan(0);
    const alternate = children(entry, "link").find((l) => l.attrs.rel === "alternate");
    expect(alternate?.attrs.href.startsWith(base)).toBe(true);
  }
  // Newest first, and no id twice.
  const times = entries.map((e) => Date.parse(textOf(e, "updated")));
  expect(times).toEqual([...times].sort((a, b) => b - a));
  expect(new Set(entries.map((e) => textOf(e, "id"))).size).toBe(entries.length);
  if (entries.length) expect(textOf(feed, "updated")).toBe(textOf(entries[0] as Node, "updated"));
  return entries;
}

/** An entry as expected: its kind, database id, time, and for releases the figures. */
interface Expected {
  kind: "releases" | "bulletins" | "notices";
  id: number;
  at: string;
  reporting?: number;
  income?: number;
}

const RANK = { notices: 0, bulletins: 1, releases: 2 } as const;

let db: DatabaseSync;
beforeAll(() => {
  db = openSampleDatabase();
});
afterAll(() => db?.close());

/** The feed's entries for `code` as of `now`, computed straight from the sample's rows. */
function expectedEntries(code: string, now: string): { all: Expected[]; shown: Expected[] } {
  // Releases whose frozen data holds returns of village committees under (or at) the code.
  const releases = db
    .prepare(
      `SELECT rl.id, rl.published_at AS at, count(*) AS reporting, sum(ir.total) AS income
       FROM income_returns ir
       JOIN regions v ON v.code = ir.village_code AND v.kind = 'village_committee'
       JOIN releases rl ON rl.period = ir.period AND rl.status = 'published'
         AND rl.published_at <= ?3
         AND ir.recorded_at <= rl.published_at
         AND (ir.superseded_at IS NULL OR ir.superseded_at > rl.published_at)
       WHERE ir.village_code >= ?1 AND ir.village_code < ?2
       GROUP BY rl.id`,
    )
    .all(code, `${code}~`, now) as { id: number; at: string; reporting: number; income: number }[];
  const releaseIds = new Set(releases.map((r) => r.id));
  const bulletins = db
    .prepare(
      `SELECT id, published_at AS at FROM bulletins
       WHERE status = 'published' AND published_at <= ?2 AND substr(?1, 1, length(region_code)) = region_code`,
    )
    .all(code, now) as { id: number; at: string }[];
  const bulletinIds = new Set(bulletins.map((b) => b.id));
  const notices = (
    db
      .prepare(
        `SELECT id, release_id, bulletin_id, issued_at AS at FROM notices
         WHERE kind IN ('correction', 'notice') AND issued_at <= ?`,
      )
      .all(now) as { id: number; release_id: number; bulletin_id: number | null; at: string }[]
  ).filter((n) =>
    n.bulletin_id === null ? releaseIds.has(n.release_id) : bulletinIds.has(n.bulletin_id),
  );
  const all: Expected[] = [
    ...releases.map((r) => ({ kind: "releases" as const, ...r })),
    ...bulletins.map((b) => ({ kind: "bulletins" as const, ...b })),
    ...notices.map((n) => ({ kind: "notices" as const, id: n.id, at: n.at })),
  ].sort(
    (a, b) => Date.parse(b.at) - Date.parse(a.at) || RANK[a.kind] - RANK[b.kind] || b.id - a.id,
  );
  return { all, shown: all.slice(0, LIMIT) };
}

async function getFeed(path: string) {
  const response = await fetch(`${base}${path}`);
  return { response, xml: await response.text() };
}

/** The tag of an entry's id after the language and region: "releases/70". */
const idTail = (entry: Node) => /\/([a-z]+\/\d+)$/.exec(textOf(entry, "id"))?.[1];

describe("a region's Atom feed", () => {
  it.each([
    ["county", "450422"],
    ["township", "450422104"],
    ["village with returns missing at some releases", "450422104205"],
    ["village with a return revised after its release", "450481114204"],
    ["township with no village committees", "450403005"],
  ])("lists exactly the entries of the data (%s %s)", async (_, code) => {
    const now = new Date().toISOString();
    const { response, xml } = await getFeed(`/r/${code}/feed.xml`);
    expect(response.status).toBe(200);
    const entries = expectAtom(parseXml(xml), `${base}/r/${code}/feed.xml`);
    const { all, shown } = expectedEntries(code, now);
    expect(entries.map(idTail)).toEqual(shown.map((e) => `${e.kind}/${e.id}`));
    for (const entry of entries) {
      expect(textOf(entry, "id").startsWith(`tag:${new URL(base).hostname},2026:r/${code}/`)).toBe(
        true,
      );
    }
    // The cap is said and kept.
    expect(entries.length).toBe(Math.min(all.length, LIMIT));
    // Each release entry gives the figures as that release froze them.
    for (const release of shown.filter((e) => e.kind === "releases")) {
      const entry = entries.find((e) => idTail(e) === `releases/${release.id}`) as Node;
      const summary = textOf(entry, "summary");
      expect(summary).toContain(formatMoney(release.income));
      if (code.length < 12) expect(summary).toContain(`${formatCount(release.reporting)}个村报送`);
    }
  });

  it("is checked on cases that matter: all kinds, the cap, a revision, no figures", () => {
    const now = new Date().toISOString();
    const county = expectedEntries("450422", now);
    const kinds = new Set(county.shown.map((e) => e.kind));
    expect([...kinds].sort()).toEqual(["bulletins", "notices", "releases"]);
    expect(county.all.length).toBeGreaterThan(LIMIT);
    // A village whose return was revised after its release: that release's entry shows the
    // figure as released, which the live one no longer is.
    const revised = db
      .prepare(
        `SELECT o.total AS released, n.total AS live, r.id AS release FROM income_returns o
         JOIN income_returns n ON n.village_code = o.village_code AND n.period = o.period
           AND n.recorded_at = o.superseded_at
         JOIN releases r ON r.period = o.period AND r.status = 'published'
           AND o.recorded_at <= r.published_at AND o.superseded_at > r.published_at
         WHERE o.village_code = '450481114204'`,
      )
      .get() as { released: number; live: number; release: number };
    expect(formatMoney(revised.released)).not.toBe(formatMoney(revised.live));
    const entry = expectedEntries("450481114204", now).shown.find(
      (e) => e.kind === "releases" && e.id === revised.release,
    );
    expect(entry?.income).toBe(revised.released);
    expect(expectedEntries("450403005", now).all.every((e) => e.kind !== "releases")).toBe(true);
  });

  it("links each entry to the region's page for its period, the bulletin or the release", async () => {
    const { xml } = await getFeed("/r/450422/feed.xml");
    const feed = parseXml(xml);
    expect(feed.attrs["xml:lang"]).toBe("zh-CN");
    expect(textOf(feed, "id")).toBe(`${base}/r/450422/feed.xml`);
    expect(textOf(feed, "title")).toBe("藤县的数据更新 · 村务公开台账");
    expect(textOf(feed, "subtitle")).toContain("样例数据");
    const entries = children(feed, "entry");
    const href = (e: Node) =>
      children(e, "link").find((l) => l.attrs.rel === "alternate")?.attrs.href;
    const byTail = new Map(entries.map((e) => [idTail(e), e]));
    const release = byTail.get("releases/70") as Node;
    expect(href(release)).toBe(`${base}/r/450422?period=2026-10`);
    expect(children(release, "link").find((l) => l.attrs.rel === "related")?.attrs.href).toBe(
      `${base}/releases/2026-10`,
    );
    expect(textOf(release, "title")).toBe("藤县2026年1—10月累计数据已发布");
    expect(href(byTail.get("bulletins/2") as Node)).toBe(`${base}/bulletins/2`);
    const correction = byTail.get("notices/2") as Node;
    expect(textOf(correction, "title")).toBe("更正：梧州市2026年10月进度表");
    expect(href(correction)).toBe(`${base}/bulletins/2`);
  });

  it("has an English version, in English, with its own ids and English links", async () => {
    const [zh, en] = await Promise.all([
      getFeed("/r/450422/feed.xml"),
      getFeed("/en/r/450422/feed.xml"),
    ]);
    expect(en.response.status).toBe(200);
    const feed = parseXml(en.xml);
    const entries = expectAtom(feed, `${base}/en/r/450422/feed.xml`);
    expect(feed.attrs["xml:lang"]).toBe("en");
    expect(textOf(feed, "title")).toBe("藤县: updates · Village Ledger");
    expect(textOf(child(feed, "author") as Node, "name")).toBe("Village Ledger");
    const byTail = new Map(entries.map((e) => [idTail(e), e]));
    expect(textOf(byTail.get("releases/70") as Node, "title")).toBe(
      "藤县: Jan–Oct 2026 figures published",
    );
    expect(textOf(byTail.get("bulletins/2") as Node, "title")).toBe(
      "Bulletin: 梧州市2026年10月进度表",
    );
    expect(textOf(byTail.get("notices/2") as Node, "title")).toMatch(/^Correction: /);
    for (const entry of entries) {
      expect(textOf(entry, "id")).toMatch(/^tag:[^,]+,2026:en\/r\/450422\//);
      for (const link of children(entry, "link")) expect(link.attrs.href).toMatch(`${base}/en/`);
    }
    // The same entries as the Chinese feed, under other ids.
    const zhEntries = children(parseXml(zh.xml), "entry");
    expect(entries.map(idTail)).toEqual(zhEntries.map(idTail));
    expect(entries.map((e) => textOf(e, "id"))).not.toEqual(zhEntries.map((e) => textOf(e, "id")));
  });

  it("is sent as Atom, kept at the edge, loadable by other sites, in one D1 round trip", async () => {
    const path = `/r/450422104/feed.xml?uncached=${Math.random()}`;
    const first = await fetch(`${base}${path}`);
    await first.arrayBuffer();
    expect(first.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(first.headers.get("cache-control")).toMatch(/\bpublic\b/);
    expect(first.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    const timing = parseServerTiming(first.headers.get("Server-Timing"));
    expect(timing.cache).toBe("miss");
    // One statement, plus at most the data version's read (once per 5 s per isolate).
    expect(timing.queries).toBeGreaterThan(0);
    expect(timing.queries).toBeLessThanOrEqual(2);
    expect(timing.roundTrips).toBeLessThanOrEqual(2);
    const again = await fetch(`${base}${path}`);
    await again.arrayBuffer();
    expect(parseServerTiming(again.headers.get("Server-Timing")).cache).toBe("hit");
    const etag = again.headers.get("ETag");
    expect(etag).toBeTruthy();
    const revalidated = await fetch(`${base}${path}`, { headers: { "If-None-Match": etag ?? "" } });
    expect(revalidated.status).toBe(304);
  });

  it("names the canonical origin whatever Host the request names", async () => {
    const get = (host: string) =>
      new Promise<string>((resolve, reject) => {
        const url = new URL("/r/450422104211/feed.xml", base);
        const req = request(
          { hostname: url.hostname, port: url.port, path: url.pathname, headers: { Host: host } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on("data", (c: Buffer) => chunks.push(c));
            res.on("end", () => {
              const body = Buffer.concat(chunks);
              const plain = res.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body;
              resolve(plain.toString("utf8"));
            });
          },
        );
        req.on("error", reject);
        req.end();
      });
    const honest = await get(new URL(base).host);
    const spoofed = await get("evil.example:8443");
    expect(spoofed).not.toContain("evil.example");
    expect(spoofed).toBe(honest);
  });

  it("answers 404 for an unknown region, 400 for a malformed code, as the region page does", async () => {
    for (const [path, status, page] of [
      ["/r/999999/feed.xml", 404, "/r/999999"],
      ["/en/r/999999/feed.xml", 404, "/en/r/999999"],
      ["/r/4504221/feed.xml", 400, "/r/4504221"],
      ["/r/abc/feed.xml", 400, "/r/abc"],
    ] as const) {
      const response = await fetch(`${base}${path}`);
      const text = await response.text();
      expect(response.status, path).toBe(status);
      expect((await fetch(`${base}${page}`)).status, page).toBe(status);
      expect(response.headers.get("content-type"), path).toContain("text/plain");
      expect(text, path).toMatch(
        path.startsWith("/en/") ? /No region has the code/ : /999999|区划代码/,
      );
    }
    expect((await fetch(`${base}/fr/r/450422/feed.xml`)).status).toBe(404);
  });

  it("leaves the region's list pages to their route", async () => {
    for (const path of ["/r/450422/projects", "/en/r/450422104/targets"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toContain("text/html");
      await response.arrayBuffer();
    }
  });
});

describe("the region page", () => {
  it.each([
    ["/r/450422", "/r/450422/feed.xml", "藤县的数据更新（Atom）", "订阅更新（Atom）"],
    [
      "/en/r/450422104211",
      "/en/r/450422104211/feed.xml",
      "Updates for 黎寨村委会 (Atom)",
      "Subscribe (Atom)",
    ],
  ])("%s announces its feed in the head and links it", async (path, href, title, label) => {
    const html = await (await fetch(`${base}${path}`)).text();
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head).toContain(
      `<link rel="alternate" type="application/atom+xml" title="${title}" href="${href}">`,
    );
    const body = html.slice(html.indexOf("<main"));
    expect(body).toMatch(
      new RegExp(
        `<a href="${href}" type="application/atom\\+xml"[^>]*>\\s*${label.replace(/[()]/g, "\\$&")}\\s*</a>`,
      ),
    );
    // The link leads to a feed.
    const feed = await fetch(`${base}${href}`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("application/atom+xml");
    await feed.arrayBuffer();
  });

  it("of an unknown region has no feed link", async () => {
    const html = await (await fetch(`${base}/r/999999`)).text();
    expect(html).not.toContain("application/atom+xml");
  });
});
