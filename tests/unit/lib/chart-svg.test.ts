/**
 * The SVG charts (src/lib/chart-svg.ts), read back with a real XML parser: each bar and
 * point sits where its value puts it on the axis as drawn (the map from value to height is
 * taken from the gridlines and their printed tick labels, not from the renderer's code),
 * stacks stack, lines break at missing months, every text is escaped, and the title,
 * legend, source and date are in the image.
 */
import { describe, expect, it } from "vitest";
import {
  chartSvg,
  escapeXml,
  niceScale,
  textWidth,
  valueRange,
  wrapText,
  type SvgChart,
} from "../../../src/lib/chart-svg.ts";
import { CATEGORICAL, SEQUENTIAL } from "../../../src/lib/chart-colours.ts";
import type { ChartSpec } from "../../../src/scripts/chart-spec.ts";
import { axisOf, categories, group, num, series } from "../../support/svg-chart.ts";
import { findAll, parseXml, textOf, type XmlElement } from "../../support/xml.ts";

const base: Omit<SvgChart, "spec"> = {
  lang: "zh",
  title: "藤县：收入来源（历年同期）",
  subtitle: "统计期：2026年10月",
  axisTitle: "万元",
  footer: [
    "来源：村务公开台账 https://village-ledger.example/r/450422。许可：CC BY 4.0。",
    "数据更新于 2026年11月10日",
  ],
};

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(0.02);

describe("a bar chart of counts", () => {
  const spec: ChartSpec = {
    type: "bar",
    unit: "count",
    labels: ["0（空壳村）", "<5万", "5–10万", "10–30万", "30–50万", "50–100万", "≥100万"],
    datasets: [{ label: "村数", data: [3, 17, 42, 120, 51, 20, 13] }],
  };
  const svg = parseXml(chartSvg({ ...base, spec }));

  it("puts each bar's top at its value and its foot on zero, in its category's band", () => {
    const axis = axisOf(svg, "count");
    expect(axis.min).toBe(0);
    expect(axis.max).toBeGreaterThanOrEqual(120);
    const bars = findAll(series(svg, 0), "rect");
    expect(bars).toHaveLength(7);
    const labels = categories(svg);
    bars.forEach((bar, i) => {
      const value = spec.datasets[0]!.data[i] as number;
      close(num(bar, "y"), axis.yOf(value));
      close(num(bar, "y") + num(bar, "height"), axis.yOf(0));
      const centre = num(bar, "x") + num(bar, "width") / 2;
      close(centre, labels.get(i)!.x);
      expect(labels.get(i)!.text).toBe(spec.labels[i]);
      expect(centre).toBeGreaterThan(axis.left);
      expect(centre).toBeLessThan(axis.right);
    });
    // Bands in order, left to right.
    const xs = bars.map((b) => num(b, "x"));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
  });

  it("shows every band's label, slanted where level ones would not fit", () => {
    expect([...categories(svg).values()].map((c) => c.text)).toEqual(spec.labels);
    const narrow = parseXml(chartSvg({ ...base, spec, width: 420 }));
    const g = group(narrow, "categories")!;
    expect([...categories(narrow).values()].map((c) => c.text)).toEqual(spec.labels);
    for (const t of findAll(g, "text")) expect(t.attrs.transform).toMatch(/^rotate\(-45 /);
    // The slanted labels fit above the legend and footer: nothing drawn over them.
    const lowestLabel = Math.max(...findAll(g, "text").map((t) => num(t, "y")));
    const footerTop = Math.min(
      ...findAll(group(narrow, "footer")!, "text").map((t) => num(t, "y")),
    );
    const slantedHeight = Math.max(...spec.labels.map((l) => textWidth(l, 12))) * Math.SQRT1_2;
    expect(footerTop).toBeGreaterThan(lowestLabel + slantedHeight);
  });

  it("counts in whole ticks, coloured as the page colours one series", () => {
    const ticks = findAll(group(svg, "ticks")!, "text").map(textOf);
    for (const t of ticks) expect(t).toMatch(/^[\d,]+$/);
    expect(series(svg, 0).attrs.fill).toBe(SEQUENTIAL[4]);
    // One series: no legend.
    expect(findAll(svg, "g").some((g) => g.attrs.class === "legend")).toBe(false);
  });

  it("escapes the labels and says each bar's value in its tooltip", () => {
    expect(textOf(findAll(series(svg, 0), "rect")[1]!)).toBe("村数 · <5万: 17");
  });
});

describe("a stacked bar chart of money", () => {
  const spec: ChartSpec = {
    type: "bar",
    unit: "money",
    stacked: true,
    labels: ["2024年全年", "2025年全年", "2026年1—10月累计"],
    datasets: [
      { label: "经营收入", data: [1_200_000, 2_000_000, 1_500_000] },
      { label: "发包及上交收入", data: [500_000, 600_000, 700_000] },
      { label: "补助收入", data: [200_000, 0, null] },
    ],
  };
  const svg = parseXml(chartSvg({ ...base, spec }));

  it("stacks each year's sources from zero, the top of the stack at the year's total", () => {
    const axis = axisOf(svg, "money");
    for (let i = 0; i < 3; i++) {
      let below = 0;
      spec.datasets.forEach((d, s) => {
        const value = d.data[i];
        const bar = findAll(series(svg, s), "rect").find(
          (r) => r.attrs["data-index"] === String(i),
        );
        if (value === null || value === undefined) {
          expect(bar).toBeUndefined();
          return;
        }
        close(num(bar!, "y") + num(bar!, "height"), axis.yOf(below));
        below += value;
        close(num(bar!, "y"), axis.yOf(below));
      });
    }
    expect(axis.max).toBeGreaterThanOrEqual(2_600_000);
  });

  it("has a legend entry per source in the page's colours", () => {
    const legend = group(svg, "legend")!;
    expect(findAll(legend, "text").map(textOf)).toEqual(spec.datasets.map((d) => d.label));
    spec.datasets.forEach((_, s) => expect(series(svg, s).attrs.fill).toBe(CATEGORICAL[s]));
  });
});

describe("a line chart of money by month", () => {
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  const spec: ChartSpec = {
    type: "line",
    unit: "money",
    labels: months,
    datasets: [
      { label: "2025年", data: months.map((_, i) => (i + 1) * 123_456) },
      {
        label: "2026年",
        data: months.map((_, i) => (i < 9 && i !== 4 ? (i + 1) * 133_456 : null)),
      },
    ],
  };
  const svg = parseXml(chartSvg({ ...base, spec }));

  it("puts each point at its value, January at the left edge and December at the right", () => {
    const axis = axisOf(svg, "money");
    spec.datasets.forEach((d, s) => {
      const points = findAll(series(svg, s), "circle");
      expect(points.map((p) => Number(p.attrs["data-index"]))).toEqual(
        d.data.flatMap((v, i) => (v === null ? [] : [i])),
      );
      for (const p of points) {
        const i = Number(p.attrs["data-index"]);
        close(num(p, "cy"), axis.yOf(d.data[i] as number));
        close(num(p, "cx"), axis.left + (i * (axis.right - axis.left)) / 11);
      }
    });
  });

  it("breaks a line where a month is missing", () => {
    const path = findAll(series(svg, 1), "path")[0]!.attrs.d as string;
    // Jan–Apr, then Jun–Sep: two runs.
    expect(path.match(/M/g)).toHaveLength(2);
    expect(path.match(/L/g)).toHaveLength(6);
    expect(findAll(series(svg, 0), "path")[0]!.attrs.d!.match(/M/g)).toHaveLength(1);
  });

  it("draws the latest year thicker and darker, as the page does", () => {
    const [older, latest] = [0, 1].map((s) => findAll(series(svg, s), "path")[0]!);
    expect(older!.attrs.stroke).toBe(SEQUENTIAL[3]);
    expect(latest!.attrs.stroke).toBe(SEQUENTIAL[4]);
    expect(Number(latest!.attrs["stroke-width"])).toBeGreaterThan(
      Number(older!.attrs["stroke-width"]),
    );
  });

  it("shows the months along the bottom; too many labels for the width are thinned", () => {
    expect([...categories(svg).values()].map((c) => c.text)).toEqual(months);
    const narrow = parseXml(chartSvg({ ...base, spec, width: 260 }));
    const shown = [...categories(narrow).keys()];
    expect(shown.length).toBeLessThan(12);
    expect(shown.at(-1)).toBe(11);
  });
});

describe("what the image says about itself", () => {
  const spec: ChartSpec = {
    type: "bar",
    unit: "count",
    labels: ['A & "B"', "C"],
    datasets: [{ label: "x", data: [1, 2] }],
  };
  const hostile = {
    ...base,
    spec,
    title: "<b>乙</b>村委会：收入 & 来源 <script>alert(1)</script>",
    footer: ["来源：<i>x</i> 'y' \u0007"],
  };
  const text = chartSvg(hostile);
  const svg = parseXml(text);

  it("is one SVG element with its title, subtitle, source and date as text, escaped", () => {
    expect(svg.name).toBe("svg");
    expect(svg.attrs.xmlns).toBe("http://www.w3.org/2000/svg");
    expect(findAll(svg, "title")[0]!.text).toBe(hostile.title);
    const all = textOf(svg);
    expect(all).toContain("<b>乙</b>村委会");
    expect(all).toContain(base.subtitle);
    expect(all).toContain("来源：<i>x</i> 'y' ");
    expect(all).toContain('A & "B"');
    // No markup got in: only SVG's own elements.
    const names = new Set<string>();
    const walk = (el: XmlElement) => (names.add(el.name), el.children.forEach(walk));
    walk(svg);
    for (const name of names)
      expect(["svg", "title", "desc", "rect", "g", "line", "text"]).toContain(name);
    expect(text).not.toMatch(/<script|<b>|<i>/);
    expect(text).not.toContain("\u0007");
  });

  it("names a CJK-capable font stack, and its size fits what it holds", () => {
    expect(svg.attrs["font-family"]).toMatch(/Noto Sans CJK SC.*Microsoft YaHei.*sans-serif$/);
    expect(Number(svg.attrs.width)).toBe(800);
    const lowest = Math.max(...findAll(svg, "text").map((t) => num(t, "y")));
    expect(Number(svg.attrs.height)).toBeGreaterThan(lowest);
    expect(svg.attrs.viewBox).toBe(`0 0 800 ${svg.attrs.height}`);
  });

  it("wraps a long source line to the width", () => {
    const long = chartSvg({ ...base, spec, footer: ["来源".repeat(60)] });
    const footer = group(parseXml(long), "footer")!;
    expect(findAll(footer, "text").length).toBe(2);
    expect(findAll(footer, "text").map(textOf).join("")).toBe("来源".repeat(60));
  });
});

describe("the helpers", () => {
  it("escapeXml escapes markup and drops what XML cannot hold", () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u000b`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;",
    );
  });

  it("niceScale takes in zero and the data in about five round steps", () => {
    expect(niceScale(0, 2_600_000)).toEqual({
      min: 0,
      max: 3_000_000,
      step: 500_000,
      ticks: [0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000, 3_000_000],
    });
    expect(niceScale(0, 3, true).step).toBe(1);
    expect(niceScale(0, 0).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    const signed = niceScale(-120, 480);
    expect(signed.min).toBeLessThanOrEqual(-120);
    expect(signed.ticks).toContain(0);
  });

  it("valueRange sums stacks, and reads single values otherwise", () => {
    const spec: ChartSpec = {
      type: "bar",
      unit: "money",
      labels: ["a", "b"],
      datasets: [
        { label: "x", data: [5, -2] },
        { label: "y", data: [4, null] },
      ],
    };
    expect(valueRange(spec)).toEqual({ low: -2, high: 5 });
    expect(valueRange({ ...spec, stacked: true })).toEqual({ low: -2, high: 9 });
  });

  it("wrapText breaks Chinese anywhere but before closing punctuation, English between words", () => {
    const zh = wrapText(
      "各村（村委会）按月报送的农村集体经济收入报表，样例数据为随机生成。",
      12,
      120,
    );
    for (const line of zh) {
      expect(textWidth(line, 12)).toBeLessThanOrEqual(120 + 12);
      expect(line).not.toMatch(/^[，。）]/);
    }
    expect(zh.join("")).toBe("各村（村委会）按月报送的农村集体经济收入报表，样例数据为随机生成。");
    const en = wrapText("Monthly collective-income returns of village committees", 12, 150);
    expect(en.length).toBeGreaterThan(1);
    expect(en.join(" ")).toBe("Monthly collective-income returns of village committees");
  });
});
