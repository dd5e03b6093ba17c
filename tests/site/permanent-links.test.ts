/**
 * Permanent identifiers come from the configured canonical origin (src/lib/origin.ts; the
 * test server is started with its own address as CANONICAL_ORIGIN), never from the Host
 * header: a request that names another host gets the same Atom ids, calendar UIDs, DCAT
 * @ids, data package paths, canonical links and QR addresses. And the sitemap lists every
 * region page, bulletin and release, as counted in the database itself.
 */
import { request } from "node:http";
import { DatabaseSync } from "node:sqlite";
import { gunzipSync } from "node:zlib";
import { Parser } from "saxen";
import { describe, expect, inject, it } from "vitest";
import { d1File, TEST_PERSIST_DIR } from "../support/sample-db.ts";

const base = inject("baseUrl");

/** GET with the Host header a proxy or an attacker might send. */
function getWithHost(path: string, host: string): Promise<{ status: number; text: string }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        headers: { Host: host },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          // A kept page may come gzipped (wrangler asks for gzip on every client's behalf).
          const body = Buffer.concat(chunks);
          const plain = res.headers["content-encoding"] === "gzip" ? gunzipSync(body) : body;
          resolve({ status: res.statusCode ?? 0, text: plain.toString("utf8") });
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/** Every absolute http(s) address in a text. */
const addresses = (text: string) => [...text.matchAll(/https?:\/\/[^\s"'<>\\]+/g)].map((m) => m[0]);

/** The texts of the elements named `tag` in an XML document, parsed by a real parser. */
function elementTexts(xml: string, tag: string): string[] {
  const out: string[] = [];
  let inside = false;
  const parser = new Parser();
  parser.on("openTag", (name: string) => {
    if (name === tag) inside = true;
  });
  parser.on("closeTag", (name: string) => {
    if (name === tag) inside = false;
  });
  parser.on("text", (text, decode) => {
    if (inside) out.push(decode(text).trim());
  });
  parser.on("error", (error: Error) => {
    throw error;
  });
  parser.parse(xml);
  return out;
}

const IDENTIFIED = [
  "/bulletins/feed.xml",
  "/calendar.ics",
  "/data/catalog.jsonld",
  "/data/datapackage.json",
  "/r/450422",
  "/en/r/450422",
  "/data",
  "/robots.txt",
  "/sitemap.xml",
];

describe("permanent identifiers", () => {
  it("are the same whatever Host a request names, and all name the canonical origin", async () => {
    for (const path of IDENTIFIED) {
      const honest = await getWithHost(path, new URL(base).host);
      const spoofed = await getWithHost(path, "evil.example:8443");
      expect(honest.status, path).toBe(200);
      expect(spoofed.status, path).toBe(200);
      const ours = addresses(honest.text).filter((a) => a.startsWith(base));
      expect(ours.length, path).toBeGreaterThan(0);
      expect(spoofed.text, path).not.toContain("evil.example");
      expect(
        addresses(spoofed.text).filter((a) => a.startsWith(base)),
        path,
      ).toEqual(ours);
    }
  });

  it("give calendar UIDs at the canonical host", async () => {
    const { text } = await getWithHost("/calendar.ics", "evil.example");
    const uids = [...text.matchAll(/^UID:(.+)$/gm)].map((m) => (m[1] as string).trim());
    expect(uids.length).toBeGreaterThan(0);
    for (const uid of uids) expect(uid).toMatch(new RegExp(`@${new URL(base).hostname}$`));
  });

  it("give every page a canonical link and each language version's address", async () => {
    const { text } = await getWithHost(
      "/r/450422?period=2026-06&utm_source=wechat&from=singlemessage",
      "evil.example",
    );
    expect(text).toContain(`<link rel="canonical" href="${base}/r/450422?period=2026-06">`);
    expect(text).toContain(
      `<link rel="alternate" hreflang="zh-CN" href="${base}/r/450422?period=2026-06">`,
    );
    expect(text).toContain(
      `<link rel="alternate" hreflang="en" href="${base}/en/r/450422?period=2026-06">`,
    );
  });
});

describe("sitemap and robots.txt", () => {
  const db = () => new DatabaseSync(d1File(TEST_PERSIST_DIR), { readOnly: true });

  it("lists every region page, bulletin and release, in files within the protocol's limit", async () => {
    const index = await (await fetch(`${base}/sitemap.xml`)).text();
    const files = elementTexts(index, "loc");
    expect(files[0]).toBe(`${base}/sitemaps/pages.xml`);
    const listed: string[] = [];
    for (const file of files) {
      expect(file.startsWith(`${base}/sitemaps/`)).toBe(true);
      const response = await fetch(file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get("content-type")).toContain("xml");
      const locs = elementTexts(await response.text(), "loc");
      expect(locs.length, file).toBeLessThanOrEqual(50_000);
      listed.push(...locs);
    }
    const sample = db();
    const regions = sample.prepare("SELECT code FROM regions").all() as { code: string }[];
    const bulletins = sample
      .prepare("SELECT id FROM bulletins WHERE status = 'published' AND published_at <= ?")
      .all(new Date().toISOString()) as { id: number }[];
    const releases = sample
      .prepare("SELECT period FROM releases WHERE status = 'published'")
      .all() as { period: string }[];
    sample.close();
    const set = new Set(listed);
    expect(set.size).toBe(listed.length);
    for (const { code } of regions) expect(set.has(`${base}/r/${code}`), code).toBe(true);
    for (const { id } of bulletins) expect(set.has(`${base}/bulletins/${id}`)).toBe(true);
    for (const { period } of releases) expect(set.has(`${base}/releases/${period}`)).toBe(true);
    expect(bulletins.length).toBeGreaterThan(0);
    expect(listed.length).toBe(regions.length + bulletins.length + releases.length + 12);
  });

  it("answers 404 for a sitemap file that does not exist", async () => {
    for (const name of ["regions-99", "regions-0", "other"]) {
      expect((await fetch(`${base}/sitemaps/${name}.xml`)).status, name).toBe(404);
    }
  });

  it("robots.txt keeps the back office and the API's paging out and names the sitemap", async () => {
    const text = await (await fetch(`${base}/robots.txt`)).text();
    expect(text).toMatch(/^Disallow: \/admin$/m);
    expect(text).toMatch(/^Disallow: \/api\/v1\/\*cursor=$/m);
    expect(text).toContain(`Sitemap: ${base}/sitemap.xml`);
  });
});
