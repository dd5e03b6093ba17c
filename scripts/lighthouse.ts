/**
 * `npm run bench:lighthouse`: Lighthouse (mobile form factor, simulated slow 4G and CPU
 * throttling, its defaults) on the county page and others of the production build, in
 * Debian's Chromium. Prints performance and accessibility scores against the targets
 * (performance ≥ 95, accessibility 100) and the main timings. Figures, not a test.
 */
import { spawn } from "node:child_process";
import lighthouse from "lighthouse";
import { freePort, serveBuild } from "./serve-build.ts";

const CHROMIUM = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const PATHS = (process.env.LIGHTHOUSE_PATHS ?? "/r/450422,/en/r/450422,/,/methodology").split(",");
const AUDITS = [
  "first-contentful-paint",
  "largest-contentful-paint",
  "total-blocking-time",
  "cumulative-layout-shift",
  "speed-index",
  "bootup-time",
  "mainthread-work-breakdown",
];

async function startChromium(): Promise<{ port: number; stop: () => void }> {
  const port = await freePort();
  const chrome = spawn(
    CHROMIUM,
    [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      `--remote-debugging-port=${port}`,
      "about:blank",
    ],
    { detached: true, stdio: "ignore" },
  );
  const stop = () => {
    if (chrome.pid) process.kill(-chrome.pid, "SIGTERM");
  };
  for (let i = 0; i < 80; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) return { port, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`Chromium at ${CHROMIUM} did not open its debugging port`);
}

async function main() {
  const server = await serveBuild();
  const chrome = await startChromium();
  let missed = false;
  try {
    console.log(`Lighthouse (mobile, simulated throttling) in ${CHROMIUM}, production build.\n`);
    for (const path of PATHS) {
      const result = await lighthouse(`${server.base}${path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { categories, audits } = result.lhr;
      const performance = Math.round((categories.performance?.score ?? 0) * 100);
      const accessibility = Math.round((categories.accessibility?.score ?? 0) * 100);
      const ok = performance >= 95 && accessibility === 100;
      missed ||= !ok;
      console.log(
        `${path}: performance ${performance} (target ≥ 95), accessibility ${accessibility} (target 100)${ok ? "" : "  BELOW TARGET"}`,
      );
      for (const id of AUDITS) console.log(`  ${audits[id]?.title}: ${audits[id]?.displayValue}`);
      const failing = Object.values(audits).filter(
        (a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === "binary",
      );
      for (const a of failing) console.log(`  failing: ${a.id} — ${a.title}`);
    }
    console.log(missed ? "\nSome pages are below target." : "\nAll pages meet the targets.");
  } finally {
    chrome.stop();
    server.stop();
  }
}

await main();
