/** The sitemap's pure parts (src/lib/sitemap.ts). */
import { describe, expect, it } from "vitest";
import {
  regionFileNumber,
  robotsTxt,
  sitemapFiles,
  URLS_PER_SITEMAP,
  urlSetXml,
} from "../../../src/lib/sitemap.ts";

describe("sitemap files", () => {
  it("split the regions into files of at most 50,000 addresses", () => {
    expect(sitemapFiles(6_400)).toEqual(["pages", "regions-1", "bulletins", "releases"]);
    expect(sitemapFiles(50_000)).toHaveLength(4);
    expect(sitemapFiles(50_001)).toContain("regions-2");
    // The whole country: 665,276 regions in 14 files.
    expect(sitemapFiles(665_276).filter((f) => f.startsWith("regions-"))).toHaveLength(14);
    expect(sitemapFiles(0)).toContain("regions-1");
  });

  it("are named by number, from 1", () => {
    expect(regionFileNumber("regions-1")).toBe(1);
    expect(regionFileNumber("regions-14")).toBe(14);
    for (const name of ["regions-0", "regions-01", "regions-x", "pages", "regions-1.xml"]) {
      expect(regionFileNumber(name), name).toBeNull();
    }
  });

  it("escape addresses and refuse more than the protocol allows", () => {
    const xml = urlSetXml([{ loc: "https://x/search?q=a&b=<c>", lastmod: "2026-10-01" }]);
    expect(xml).toContain(
      "<loc>https://x/search?q=a&amp;b=&lt;c&gt;</loc><lastmod>2026-10-01</lastmod>",
    );
    const many = Array.from({ length: URLS_PER_SITEMAP + 1 }, (_, i) => ({
      loc: `https://x/${i}`,
    }));
    expect(() => urlSetXml(many)).toThrow(RangeError);
  });

  it("are named in robots.txt, which keeps the back office out", () => {
    const text = robotsTxt("https://ledger.example");
    expect(text.split("\n")).toEqual(
      expect.arrayContaining(["Disallow: /admin", "Sitemap: https://ledger.example/sitemap.xml"]),
    );
  });
});
