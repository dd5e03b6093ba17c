/** Bulletin Markdown is sanitised; the calendar and feed are well-formed and escaped. */
import { describe, expect, it } from "vitest";
import { buildAtom, buildIcs } from "../../src/lib/feeds.ts";
import { renderMarkdown } from "../../src/lib/markdown.ts";

describe("renderMarkdown", () => {
  it("renders Markdown", () => {
    expect(renderMarkdown("**收入**增长\n\n- 一\n- 二")).toBe(
      "<p><strong>收入</strong>增长</p>\n<ul>\n<li>一</li>\n<li>二</li>\n</ul>\n",
    );
  });

  it("lets no script in: raw HTML is text, unsafe links are not links", () => {
    const html = renderMarkdown(
      "<script>alert(1)</script> <img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](data:text/html,x) ![c](javascript:x) [ok](https://example.org) [rel](/r/45)",
    );
    expect(html).not.toMatch(/<script|<img|href="javascript|href="data|src="javascript/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">ok</a>');
    expect(html).toContain('<a href="/r/45">rel</a>');
  });
});

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
