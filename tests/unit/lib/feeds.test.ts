/** The calendar and feed are well-formed and escaped (src/lib/feeds.ts). */
import { describe, expect, it } from "vitest";
import { buildAtom, buildIcs } from "../../../src/lib/feeds.ts";

describe("buildIcs", () => {
  it("writes events with escaped text, UTC times and folded lines", () => {
    const ics = buildIcs(
      [
        {
          uid: "release-1@ledger",
          start: "2026-12-20T02:00:00Z",
          summary: "月度进度表, 2026年11月; 发布",
          description: "改期原因：节假日".repeat(10),
          url: "https://example.org/releases/2026-11",
          status: "CONFIRMED",
          updated: "2026-11-01T00:00:00Z",
          sequence: 1,
        },
      ],
      "发布日历",
    );
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics).toContain("DTSTART:20261220T020000Z\r\n");
    expect(ics).toContain("SUMMARY:月度进度表\\, 2026年11月\\; 发布");
    for (const line of ics.split("\r\n"))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
  });
});

describe("buildAtom", () => {
  it("escapes titles", () => {
    const xml = buildAtom({
      id: "urn:x",
      title: "公报",
      url: "https://e/bulletins",
      selfUrl: "https://e/bulletins/feed.xml",
      updated: "2026-11-20T02:00:00Z",
      entries: [
        {
          id: "urn:b:1",
          title: "<b>&",
          url: "https://e/bulletins/1",
          updated: "2026-11-20T02:00:00Z",
          published: "2026-11-20T02:00:00Z",
          summary: "s",
        },
      ],
    });
    expect(xml).toContain("<title>&lt;b&gt;&amp;</title>");
    expect(xml).toContain(
      '<link rel="self" type="application/atom+xml" href="https://e/bulletins/feed.xml"/>',
    );
  });
});
