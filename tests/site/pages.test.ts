/** Region pages over real HTTP: figures equal the API's, errors are clear and never 500. */
import { describe, expect, inject, it } from "vitest";

const base = inject("baseUrl");

/** The raw values the page's headline cards carry, by indicator. */
function headlineValues(html: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of html.matchAll(/data-indicator="([a-z0-9_]+)" data-value="([^"]*)"/g)) {
    out.set(m[1] as string, m[2] as string);
  }
  return out;
}

async function page(path: string) {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, html: await response.text() };
}

describe("every level's page shows the API's figures", () => {
  const cases = [
    ["45", "2026-10"],
    ["4504", "2025-12"],
    ["1404", "2025-12"],
    ["450422104", "2026-10"],
    ["450422104211", "2025-12"],
  ];
  for (const [code, period] of cases) {
    it(`/r/${code}?period=${period}`, async () => {
      const { status, html } = await page(`/r/${code}?period=${period}`);
      expect(status).toBe(200);
      expect(html).toContain("样例数据");
      const api = (await (
        await fetch(`${base}/api/v1/regions/${code}/summary?period=${period}`)
      ).json()) as { indicators: Record<string, { value: number | null }> };
      const shown = headlineValues(html);
      expect(shown.size).toBeGreaterThanOrEqual(3);
      for (const [indicator, raw] of shown) {
        expect(Number(raw), `${code} ${indicator}`).toBe(api.indicators[indicator]?.value);
      }
    });
  }

  it("lists a village's own returns month by month", async () => {
    const { html } = await page("/r/450422104211");
    const rows = [...html.matchAll(/<tr data-period="(\d{4}-\d{2})"/g)].map((m) => m[1]);
    expect(rows.length).toBeGreaterThan(60);
    expect(rows[0]).toBe("2026-10");
    expect(html).toContain("黎寨村委会");
  });

  it("links a township's villages and marks communities", async () => {
    const { html } = await page("/r/450422104");
    expect(html).toContain('href="/r/450422104211"');
  });
});

describe("bad addresses get a clear message, not a 500", () => {
  const cases: [string, number, string][] = [
    ["/r/999999", 404, "没有代码为 999999 的地区"],
    ["/r/45x", 400, "不是有效的统计用区划代码"],
    ["/r/450422?period=2026-13", 400, "统计期“2026-13”的格式不对"],
    ["/r/450422?period=2030-01", 404, "没有 2030-01 的数据"],
  ];
  for (const [path, status, message] of cases) {
    it(`${path} → ${status}`, async () => {
      const response = await page(path);
      expect(response.status).toBe(status);
      expect(response.html).toContain(message);
    });
  }
});
