/**
 * Export benchmark: streams village-income CSV exports of growing size from the built
 * Worker (wrangler dev, local D1) and prints rows, MB, rows per second and the peak
 * resident memory of workerd during each, to show that memory stays flat as exports grow.
 * Each export is downloaded twice: first when its size is not yet known (the Worker walks
 * the export once to measure it before sending it: Content-Length), then with the size
 * cached in export_sizes. "ttfb" is the time to the response headers (the measuring pass).
 *
 *   npx node scripts/bench-export.ts [--years N] [--out-dir DIR]
 *
 * Uses a copy of the site tests' database (.wrangler/test-state, built by the site tests or
 * `node scripts/local-db.ts ensure --persist-to .wrangler/test-state`) in a temporary
 * directory; --years N adds N synthetic years of returns for every village (about 75,000
 * rows a year) to that copy, e.g. --years 31 for about 2.8 million returns. Needs
 * `npx astro build` first (it serves dist/server, or DIR/server with --out-dir DIR).
 */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { d1File, TEST_PERSIST_DIR } from "../tests/support/sample-db.ts";
import { peakRssDuring, workerdInGroup } from "./process-memory.ts";
import { serve } from "./serve-build.ts";

const args = process.argv.slice(2);
const years = Number(args[args.indexOf("--years") + 1] ?? 0) || 0;
const outDir = args.includes("--out-dir") ? args[args.indexOf("--out-dir") + 1] : undefined;

/** Adds `years` synthetic years (1990, 1991, ...) copied from 2025's current returns. */
function addSyntheticYears(file: string, count: number): number {
  const db = new DatabaseSync(file);
  const insert = db.prepare(
    `INSERT INTO income_returns (village_code, period, total, operating, contracting,
       investment, subsidy, other, recorded_at)
     SELECT village_code, ?1 || substr(period, 5), total, operating, contracting, investment,
       subsidy, other, ?1 || '-12-31T00:00:00Z'
     FROM income_returns WHERE period LIKE '2025-%' AND superseded_at IS NULL`,
  );
  for (let i = 0; i < count; i++) insert.run(String(1990 + i));
  // Sizes measured by earlier downloads (the site tests') are not those of this data.
  db.exec("DELETE FROM export_sizes");
  const { n } = db.prepare("SELECT count(*) AS n FROM income_returns").get() as { n: number };
  db.close();
  return n;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-export-"));
  cpSync(TEST_PERSIST_DIR, dir, { recursive: true });
  const total = addSyntheticYears(d1File(dir), years);
  console.log(`income_returns rows in the benchmark database: ${total.toLocaleString("en")}`);
  const server = await serve({ persistTo: dir, outDir, waitMs: 120_000 });
  const base = server.base;
  try {
    const exportOnce = async (query: string) => {
      const started = performance.now();
      const response = await fetch(`${base}/api/v1/datasets/village-income.csv${query}`, {
        headers: { "CF-Connecting-IP": `198.51.100.${Math.floor(Math.random() * 250)}` },
      });
      const ttfb = (performance.now() - started) / 1000;
      let bytes = 0;
      let lines = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (const b of chunk) if (b === 10) lines++;
      }
      const declared = Number(response.headers.get("content-length"));
      const rows = Number(response.headers.get("x-row-count"));
      if (response.status !== 200 || declared !== bytes || rows !== lines - 1) {
        throw new Error(
          `${query}: status ${response.status}, ${bytes} bytes and ${lines - 1} rows received, ` +
            `Content-Length ${declared}, X-Row-Count ${rows}`,
        );
      }
      return { bytes, rows, ttfb, seconds: (performance.now() - started) / 1000 };
    };
    // Warm D1's page cache (it lives in the same process) with an export that none of those
    // below shares a cached size with (the BOM makes it another export).
    await exportOnce("?bom=1");
    const cuts = ["?region=450422", "?region=4504", "?from=2021-01", ""];
    console.log(
      "export             size      rows        MB  ttfb     s   rows/s   workerd RSS before → peak",
    );
    for (const cut of cuts) {
      for (const size of ["measured", "cached"]) {
        // Found again each time: wrangler restarts workerd if dist/ changes under it.
        const pids = workerdInGroup(server.pid);
        const { result, peak, before } = await peakRssDuring(pids, () => exportOnce(cut));
        console.log(
          [
            (cut || "(all)").padEnd(18),
            size.padEnd(8),
            result.rows.toLocaleString("en").padStart(9),
            (result.bytes / 1e6).toFixed(1).padStart(9),
            result.ttfb.toFixed(1).padStart(5),
            result.seconds.toFixed(1).padStart(5),
            Math.round(result.rows / result.seconds)
              .toLocaleString("en")
              .padStart(8),
            `  ${(before / 1e6).toFixed(0)} → ${(peak / 1e6).toFixed(0)} MB (${pids.length} process)`,
          ].join(" "),
        );
      }
    }
  } finally {
    server.stop();
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
