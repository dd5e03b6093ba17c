/**
 * Language of parts on English pages (WCAG 2.2, 3.1.2): in real Chromium, every piece of
 * text that holds Chinese is inside an element whose language is Chinese, so a screen
 * reader reads 藤县 in a Chinese voice; the Chinese pages are left as they are.
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

/** Text in the body with Chinese whose nearest language is not Chinese, as "lang: text". */
async function unmarked(path: string, addUnmarked = false): Promise<string[]> {
  const page = await browser.newPage();
  await page.goto(`${base}${path}`);
  if (addUnmarked) await page.evaluate(() => document.body.append("未标记的中文"));
  const found = await page.evaluate(() => {
    const chinese = /[\u3400-\u9fff\uf900-\ufaff]/;
    const skip = "title, option, textarea, script, style, svg, template";
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      const parent = node.parentElement;
      if (!chinese.test(text) || !parent || parent.closest(skip)) continue;
      const lang = parent.closest("[lang]")?.getAttribute("lang") ?? "";
      if (!lang.startsWith("zh")) out.push(`${lang}: ${text.trim().slice(0, 40)}`);
    }
    return out;
  });
  await page.close();
  return found;
}

describe("English pages mark their Chinese", () => {
  for (const path of ENGLISH) {
    it(`${path}: no Chinese text outside a Chinese-language element`, async () => {
      expect(await unmarked(path)).toEqual([]);
    });
  }

  it("the test finds unmarked Chinese where there is some", async () => {
    expect(await unmarked("/en/r/450422", true)).toEqual(["en: 未标记的中文"]);
    // An English page's region name is marked, not the page around it.
    const html = await (await fetch(`${base}/en/r/450422`)).text();
    expect(html).toMatch(/<html lang="en"/);
    expect(html).toContain('<span lang="zh-CN">藤县</span>');
  });
});
