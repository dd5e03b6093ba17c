/**
 * The release calendar as iCalendar (RFC 5545), and the bulletins and each region's updates
 * as Atom feeds (RFC 4287).
 */

/** Escapes TEXT values: backslash, semicolon, comma and newlines. */
function icsText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r?\n/g, "\\n");
}

/** 2026-11-20T02:00:00Z → 20261120T020000Z. */
function icsTime(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** Lines over 75 octets are folded (continuation lines start with a space). */
function fold(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const out: string[] = [];
  let current = "";
  let size = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    if (size + n > (out.length === 0 ? 75 : 74)) {
      out.push(current);
      current = "";
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join("\r\n ");
}

export interface CalendarEvent {
  uid: string;
  start: string;
  summary: string;
  description: string;
  url: string;
  status: "TENTATIVE" | "CONFIRMED" | "CANCELLED";
  updated: string;
  sequence: number;
}

export function buildIcs(events: CalendarEvent[], name: string): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Village Ledger//Release calendar//ZH",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${icsText(name)}`,
  ];
  for (const e of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${e.uid}`,
      `DTSTAMP:${icsTime(e.updated)}`,
      `DTSTART:${icsTime(e.start)}`,
      `DTEND:${icsTime(new Date(Date.parse(e.start) + 30 * 60_000).toISOString())}`,
      `SUMMARY:${icsText(e.summary)}`,
      `DESCRIPTION:${icsText(e.description)}`,
      `URL:${e.url}`,
      `STATUS:${e.status}`,
      `SEQUENCE:${e.sequence}`,
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

export function xmlEscape(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export interface FeedEntry {
  id: string;
  title: string;
  url: string;
  /** Another page the entry is about (an Atom link rel="related"), if any. */
  related?: string;
  updated: string;
  published: string;
  summary: string;
}

/**
 * An Atom feed document. `lang` is its xml:lang (default zh-CN), `author` its author's
 * name (default 村务公开台账); `subtitle` is left out when not given.
 */
export function buildAtom(feed: {
  id: string;
  title: string;
  subtitle?: string;
  url: string;
  selfUrl: string;
  updated: string;
  lang?: string;
  author?: string;
  entries: FeedEntry[];
}): string {
  const entries = feed.entries.map(
    (e) => `  <entry>
    <id>${xmlEscape(e.id)}</id>
    <title>${xmlEscape(e.title)}</title>
    <link rel="alternate" type="text/html" href="${xmlEscape(e.url)}"/>${
      e.related ? `\n    <link rel="related" type="text/html" href="${xmlEscape(e.related)}"/>` : ""
    }
    <published>${e.published}</published>
    <updated>${e.updated}</updated>
    <summary>${xmlEscape(e.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(feed.lang ?? "zh-CN")}">
  <id>${xmlEscape(feed.id)}</id>
  <title>${xmlEscape(feed.title)}</title>${
    feed.subtitle ? `\n  <subtitle>${xmlEscape(feed.subtitle)}</subtitle>` : ""
  }
  <link rel="alternate" type="text/html" href="${xmlEscape(feed.url)}"/>
  <link rel="self" type="application/atom+xml" href="${xmlEscape(feed.selfUrl)}"/>
  <updated>${feed.updated}</updated>
  <author><name>${xmlEscape(feed.author ?? "村务公开台账")}</name></author>
${entries.join("\n")}
</feed>
`;
}
