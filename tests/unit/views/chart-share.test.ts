/**
 * The addresses a chart is shared by (src/views/chart-share.ts): the region, chart and
 * period pinned in each, the canonical origin in those that leave the site, the language
 * in the path, and an embed code whose attributes stay attributes whatever a title holds.
 */
import { describe, expect, it } from "vitest";
import {
  chartPagePath,
  chartShare,
  chartSvgPath,
  embedPath,
  EMBED_HEIGHT,
} from "../../../src/views/chart-share.ts";
import { parseXml } from "../../support/xml.ts";

const ORIGIN = "https://village-ledger.example";

describe("a chart's addresses", () => {
  it("pin the region, the chart and the period, in the reader's language", () => {
    expect(chartPagePath("zh", "450422", "income", "2026-10")).toBe(
      "/r/450422?period=2026-10#chart-income",
    );
    expect(chartPagePath("en", "450422", "bands", "2025-12")).toBe(
      "/en/r/450422?period=2025-12#chart-bands",
    );
    expect(embedPath("zh", "450422", "income", "2026-10")).toBe(
      "/embed/450422/income?period=2026-10",
    );
    expect(embedPath("en", "450422", "income", "2026-10")).toBe(
      "/en/embed/450422/income?period=2026-10",
    );
    expect(chartSvgPath("en", "450422", "sources", "2026-10")).toBe(
      "/api/v1/regions/450422/charts/sources.svg?period=2026-10&lang=en",
    );
  });

  it("give the link and the embed code at the canonical origin, attributes escaped", () => {
    const share = chartShare(ORIGIN, {
      lang: "zh",
      code: "450422104212",
      regionName: '<b>乙</b>村委会 "x" & y',
      chart: { id: "income", title: "逐月累计收入（按年份）" },
      period: "2025-12",
    });
    expect(share.link).toBe(`${ORIGIN}/r/450422104212?period=2025-12#chart-income`);
    expect(share.embedSrc).toBe(`${ORIGIN}/embed/450422104212/income?period=2025-12`);
    expect(share.fileName).toBe("450422104212-income-2025-12");
    // The code is one iframe element whose title holds the name as text.
    const iframe = parseXml(share.embedCode);
    expect(iframe.name).toBe("iframe");
    expect(iframe.children).toEqual([]);
    expect(iframe.attrs).toEqual({
      src: share.embedSrc,
      title: '<b>乙</b>村委会 "x" & y：逐月累计收入（按年份）',
      width: "100%",
      height: String(EMBED_HEIGHT),
      loading: "lazy",
    });
  });
});
