/**
 * The Atom feeds as a feed reader sees them: parsed by @rowanmanning/feed-parser (the
 * parser behind real readers, lenient as they are), every feed and entry must still come
 * out with its title, link, id and dates, in the feed's language, with links that answer.
 */
import { parseFeed } from "@rowanmanning/feed-parser";
import { describe, expect, inject, it } from "vitest";

const base = inject("baseUrl");

const FEEDS: [path: string, language: string][] = [
  ["/bulletins/feed.xml", "zh-CN"],
  ["/r/450422/feed.xml", "zh-CN"],
  ["/r/450422104211/feed.xml", "zh-CN"],
  ["/en/r/450422/feed.xml", "en"],
];

describe("Atom feeds in a feed reader", () => {
  for (const [path, language] of FEEDS) {
    it(`${path}: a titled, dated, linked feed whose entries a reader can show`, async () => {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("application/atom+xml");
      const feed = parseFeed(await response.text());
      expect(feed.meta.type).toBe("atom");
      expect(feed.title).toBeTruthy();
      expect(feed.language).toBe(language);
      expect(feed.self).toMatch(new RegExp(`${path.replace(/\./g, "\\.")}$`));
      expect(feed.updated).toBeInstanceOf(Date);
      expect(feed.items.length).toBeGreaterThan(0);
      const ids = new Set<string>();
      for (const item of feed.items) {
        expect(item.id, "entry id").toBeTruthy();
        ids.add(item.id as string);
        expect(item.title, item.id ?? "").toBeTruthy();
        expect(item.url, item.id ?? "").toMatch(/^https?:\/\//);
        expect(item.updated ?? item.published, item.id ?? "").toBeInstanceOf(Date);
      }
      // A reader tells entries apart by id: no two alike.
      expect(ids.size).toBe(feed.items.length);
      // Newest first by first publication (a correction updates an entry, not its place).
      const times = feed.items.map((i) => (i.published ?? i.updated)?.getTime() ?? 0);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      // The first entry's link opens a page (the canonical origin is this server here).
      const first = new URL(feed.items[0]?.url as string);
      expect((await fetch(`${base}${first.pathname}${first.search}`)).status).toBe(200);
    });
  }
});
