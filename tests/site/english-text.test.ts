/**
 * English pages as Chromium lays them out: no two words run together where a sentence meets
 * a link or the next sentence ("announced in the<a>release calendar</a>", "down to each
 * village.Data updated"). Chinese needs no space there, so the space comes from the
 * dictionary (common.sentenceSeparator) or its strings, and this checks every page kind.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../support/browser.ts";
import { PAGE_KINDS } from "../support/page-kinds.ts";

const base = inject("baseUrl");
const ENGLISH = PAGE_KINDS.map((p) => (p === "/" ? "/en" : `/en${p}`));
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * In the page: each pair of neighbouring visible text runs where a word or a sentence's end
 * meets a word, drawn on one line with no gap between the two glyphs; and each run in which
 * a sentence's full stop is followed by the next sentence's first letter.
 */
function gluedText(): string[] {
  document.querySelectorAll("details").forEach((d) => (d.open = true));
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const runs: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (parent && !parent.closest("script,style,svg,template") && parent.checkVisibility())
      runs.push(n as Text);
  }
  const glyph = (text: Text, at: number) => {
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + 1);
    const rects = range.getClientRects();
    return rects[rects.length - 1];
  };
  const found: string[] = [];
  for (const run of runs)
    for (const m of run.data.matchAll(/\S{0,30}[a-z][.;:!?][A-Z][a-z]\S{0,30}/g)) found.push(m[0]);
  for (let i = 0; i + 1 < runs.length; i++) {
    const a = runs[i].data;
    const b = runs[i + 1].data;
    if (!/[A-Za-z0-9.,;:!?)%”]$/.test(a) || !/^[A-Za-z0-9(“¥]/.test(b)) continue;
    const x = glyph(runs[i], a.length - 1);
    const y = glyph(runs[i + 1], 0);
    if (!x || !y) continue;
    const sameLine = Math.abs(x.top - y.top) < Math.min(x.height, y.height) / 2;
    if (sameLine && Math.abs(y.left - x.right) < 1.5)
      found.push(`${a.slice(-30)}|${b.slice(0, 30)}`);
  }
  return found;
}

describe("English pages in Chromium", () => {
  it("sees a word run into a link, so the check can fail", async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<p>announced in the<a href="#">release calendar</a>. <span>A</span> <b>b</b></p>' +
        "<p>down to each village.Data updated</p><p>Fine.</p><p>Also fine.</p>",
    );
    expect(await page.evaluate(gluedText)).toEqual([
      "village.Data",
      "announced in the|release calendar",
    ]);
    await page.close();
  });

  it("keep a space between words, sentences and links on every page kind", async () => {
    const page = await browser.newPage();
    const found: Record<string, string[]> = {};
    for (const path of ENGLISH) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status(), path).toBe(200);
      const glued = await page.evaluate(gluedText);
      if (glued.length > 0) found[path] = glued;
    }
    await page.close();
    expect(found).toEqual({});
  });
});
