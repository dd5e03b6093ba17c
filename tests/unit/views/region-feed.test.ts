/**
 * The Atom builder's new options leave the bulletins feed as it was, and a region's feed
 * orders, caps and words its entries as documented (src/views/region-feed.ts).
 */
import { describe, expect, it } from "vitest";
import type { RegionFeedRows } from "../../../src/db/region-feed.ts";
import { buildAtom } from "../../../src/lib/feeds.ts";
import { REGION_FEED_ENTRIES, regionFeedXml } from "../../../src/views/region-feed.ts";

const ORIGIN = "https://ledger.example";

describe("buildAtom", () => {
  it("writes the bulletins feed byte for byte as before when no new option is given", () => {
    const xml = buildAtom({
      id: "https://e/bulletins",
      title: "村务公开台账 · 公报",
      url: "https://e/bulletins",
      selfUrl: "https://e/bulletins/feed.xml",
      updated: "2026-11-21T02:00:00Z",
      entries: [
        {
          id: "https://e/bulletins/2",
          title: "梧州市2026年10月进度表",
          url: "https://e/bulletins/2",
          published: "2026-11-20T02:00:00Z",
          updated: "2026-11-21T02:00:00Z",
          summary: "梧州市2026年1—10月累计村级集体经济进度表和提醒函。",
        },
      ],
    });
    expect(xml).toBe(`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>https://e/bulletins</id>
  <title>村务公开台账 · 公报</title>
  <link rel="alternate" type="text/html" href="https://e/bulletins"/>
  <link rel="self" type="application/atom+xml" href="https://e/bulletins/feed.xml"/>
  <updated>2026-11-21T02:00:00Z</updated>
  <author><name>村务公开台账</name></author>
  <entry>
    <id>https://e/bulletins/2</id>
    <title>梧州市2026年10月进度表</title>
    <link rel="alternate" type="text/html" href="https://e/bulletins/2"/>
    <published>2026-11-20T02:00:00Z</published>
    <updated>2026-11-21T02:00:00Z</updated>
    <summary>梧州市2026年1—10月累计村级集体经济进度表和提醒函。</summary>
  </entry>
</feed>
`);
  });

  it("takes a language, an author, a subtitle and related links, escaped", () => {
    const xml = buildAtom({
      id: "urn:x",
      title: "t",
      subtitle: "a & b",
      url: "https://e/",
      selfUrl: "https://e/feed.xml",
      updated: "2026-11-20T02:00:00Z",
      lang: "en",
      author: "Village <Ledger>",
      entries: [
        {
          id: "urn:e",
          title: "e",
          url: "https://e/r/45?period=2026-10&x=1",
          related: "https://e/releases/2026-10",
          published: "2026-11-20T02:00:00Z",
          updated: "2026-11-20T02:00:00Z",
          summary: "s",
        },
      ],
    });
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(xml).toContain("<subtitle>a &amp; b</subtitle>");
    expect(xml).toContain("<author><name>Village &lt;Ledger&gt;</name></author>");
    expect(xml).toContain('href="https://e/r/45?period=2026-10&amp;x=1"/>');
    expect(xml).toContain(
      '<link rel="related" type="text/html" href="https://e/releases/2026-10"/>',
    );
  });
});

function rows(over: Partial<RegionFeedRows> = {}): RegionFeedRows {
  return {
    region: { code: "450422", name: "藤县", level: "county", kind: "area" },
    meta: {
      sampleData: false,
      lastUpdated: "2026-11-10T02:00:00Z",
      firstPeriod: "2021-01",
      latestPeriod: "2026-10",
      sourceNote: null,
    },
    releases: [],
    bulletins: [],
    notices: [],
    ...over,
  };
}

const ids = (xml: string) => [...xml.matchAll(/<id>(tag:[^<]+)<\/id>/g)].map((m) => m[1]);

describe("regionFeedXml", () => {
  it("puts the newest first; at one moment a notice, a bulletin, then a release", () => {
    const at = "2026-11-20T02:00:00Z";
    const xml = regionFeedXml(
      rows({
        releases: [
          {
            id: 70,
            period: "2026-10",
            published_at: at,
            villages: 266,
            reporting: 261,
            income_total: 1,
          },
          {
            id: 69,
            period: "2026-09",
            published_at: "2026-10-20T02:00:00.000Z",
            villages: 266,
            reporting: 266,
            income_total: 1,
          },
        ],
        bulletins: [
          {
            id: 2,
            title: "b",
            period: "2026-10",
            region_code: "4504",
            region_name: "梧州市",
            published_at: at,
          },
        ],
        notices: [
          {
            id: 7,
            kind: "notice",
            body: "x",
            reason: "y",
            issued_at: at,
            bulletin_id: null,
            bulletin_title: null,
            period: "2026-10",
          },
        ],
      }),
      "zh",
      ORIGIN,
      "2026-12-01T00:00:00Z",
    );
    expect(ids(xml)).toEqual([
      "tag:ledger.example,2026:r/450422/notices/7",
      "tag:ledger.example,2026:r/450422/bulletins/2",
      "tag:ledger.example,2026:r/450422/releases/70",
      "tag:ledger.example,2026:r/450422/releases/69",
    ]);
    // Times in RFC 3339, whole seconds as stored.
    expect(xml).toContain("<updated>2026-10-20T02:00:00Z</updated>");
    expect(xml).toContain("<title>说明：2026年10月数据发布</title>");
    expect(xml).toContain(
      `<link rel="alternate" type="text/html" href="${ORIGIN}/releases/2026-10"/>`,
    );
  });

  it("keeps the newest REGION_FEED_ENTRIES, and an empty feed dates from the data", () => {
    const releases = Array.from({ length: 80 }, (_, i) => ({
      id: i + 1,
      period: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
      published_at: new Date(Date.UTC(2020, i, 20, 2)).toISOString(),
      villages: 1,
      reporting: 1,
      income_total: 100_000,
    }));
    const xml = regionFeedXml(
      rows({
        region: {
          code: "450422104211",
          name: "黎寨村委会",
          level: "village",
          kind: "village_committee",
        },
        releases,
      }),
      "en",
      ORIGIN,
      "2026-12-01T00:00:00Z",
    );
    expect(ids(xml)).toHaveLength(REGION_FEED_ENTRIES);
    expect(ids(xml)[0]).toBe("tag:ledger.example,2026:en/r/450422104211/releases/80");
    expect(xml).toContain("Collective income of 黎寨村委会, Jan–Aug 2026: ¥100.0 thousand.");
    const empty = regionFeedXml(rows(), "zh", ORIGIN, "2026-12-01T00:00:00Z");
    expect(ids(empty)).toHaveLength(0);
    expect(empty).toContain("<updated>2026-11-10T02:00:00Z</updated>");
  });
});
