/** axe-core's WCAG 2.2 AA findings on the page a Playwright tab shows, as readable lines. */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's source, evaluated in the page through the DevTools protocol: a <script> tag
 * would be refused by the site's Content-Security-Policy, as any injected script must be.
 */
const AXE_SOURCE = readFileSync(AXE, "utf8");

export async function axeFindings(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = (await page.evaluate(
    // axe is the global the injected script defines.
    (tags) =>
      (globalThis as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe
        .run(document, { runOnly: { type: "tag", values: tags } })
        .then((r) => (r as { violations: unknown }).violations),
    TAGS,
  )) as Violation[];
  // A readable failure: rule, impact and the first few elements it found.
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(", ")}`,
  );
}
