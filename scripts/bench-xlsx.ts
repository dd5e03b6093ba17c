/**
 * XLSX benchmark: downloads dataset cuts of growing size as XLSX from the built Worker
 * (wrangler dev, local D1, the size limit raised out of the way) and prints rows, columns,
 * cells, size, seconds and the peak resident memory of workerd during each: what
 * XLSX_MAX_CELLS (src/lib/api-limits.ts) was chosen from. Each cut is downloaded twice (the
 * second with the isolate warm), and its CSV once for comparison.
 *
 *   npx node scripts/bench-xlsx.ts [--out-dir DIR]
 *   npx node scripts/bench-xlsx.ts --heap
 *
 * --heap: builds workbooks of made-up rows in the shape of village-income (11 columns) and
 * region-indicators (33) in child Node processes whose V8 heap is capped, and says which
 * fit: workerd's resident memory says little about one isolate's heap, which the platform
 * caps at 128 MB.
 *
 * Uses a copy of the site tests' database (.wrangler/test-state, built by the site tests or
 * `node scripts/local-db.ts ensure --persist-to .wrangler/test-state`) in a temporary
 * directory. Needs `npx astro build` first (it serves dist/server, or DIR/server).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findDataset, type DatasetDef } from "../src/lib/datasets.ts";
import { dataRow, type XlsxValue } from "../src/lib/xlsx.ts";
import { datasetColumns, writeXlsx } from "../src/services/xlsx-export.ts";
import { TEST_PERSIST_DIR } from "../tests/support/sample-db.ts";
import { peakRssDuring, workerdInGroup } from "./process-memory.ts";
import { serve } from "./serve-build.ts";

const args = process.argv.slice(2);
const outDir = args.includes("--out-dir") ? args[args.indexOf("--out-dir") + 1] : undefined;

/**
 * Cuts of the sample data, a narrow and a wide dataset, from about 5,000 rows to well past
 * their limits (27,000 rows of village-income, 9,000 of region-indicators).
 */
const CUTS = [
  "village-income.xlsx?region=450422&from=2025-01",
  "village-income.xlsx?region=450422",
  "village-income.xlsx?region=4504&from=2023-04",
  "village-income.xlsx?region=4504",
  "village-income.xlsx?region=45",
  "region-indicators.xlsx?region=4504",
  "region-indicators.xlsx?region=45",
  "region-indicators.xlsx",
];

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "bench-xlsx-"));
  cpSync(TEST_PERSIST_DIR, dir, { recursive: true });
  const server = await serve({
    persistTo: dir,
    outDir,
    waitMs: 120_000,
    vars: { XLSX_MAX_CELLS: "100000000" },
  });
  try {
    const download = async (path: string) => {
      const started = performance.now();
      const response = await fetch(`${server.base}/api/v1/datasets/${path}`, {
        headers: { "CF-Connecting-IP": `198.51.100.${Math.floor(Math.random() * 250)}` },
      });
      const bytes = (await response.arrayBuffer()).byteLength;
      if (response.status !== 200) throw new Error(`${path}: status ${response.status}`);
      return {
        bytes,
        rows: Number(response.headers.get("x-row-count")),
        seconds: (performance.now() - started) / 1000,
      };
    };
    console.log(
      "cut                                              rows  cols      cells     MB      s  workerd RSS before → peak   CSV s",
    );
    for (const cut of CUTS) {
      for (const run of [1, 2]) {
        const pids = workerdInGroup(server.pid);
        let outcome: string;
        try {
          const { result, peak, before } = await peakRssDuring(pids, () => download(cut));
          const columns = cut.startsWith("village-income") ? 11 : 33;
          const csv = run === 2 ? await download(cut.replace(".xlsx", ".csv")) : null;
          outcome = [
            result.rows.toLocaleString("en").padStart(8),
            String(columns).padStart(5),
            (result.rows * columns).toLocaleString("en").padStart(10),
            (result.bytes / 1e6).toFixed(1).padStart(6),
            result.seconds.toFixed(1).padStart(6),
            `  ${(before / 1e6).toFixed(0)} → ${(peak / 1e6).toFixed(0)} MB`.padEnd(26),
            csv ? csv.seconds.toFixed(1).padStart(6) : "",
          ].join(" ");
        } catch (error) {
          outcome = `failed: ${String(error)}`;
        }
        console.log(`${cut.padEnd(44)} ${run} ${outcome}`);
      }
    }
  } finally {
    server.stop();
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In a child process: builds a workbook of `rows` made-up rows of `dataset`, prints its size. */
async function child(dataset: string, rows: number): Promise<void> {
  const def = findDataset(dataset) as DatasetDef;
  const columns = datasetColumns(def, "zh");
  const value = (kind: string, r: number, i: number): XlsxValue =>
    kind === "code"
      ? String(450422104000 + r)
      : kind === "text"
        ? `黎寨村委会${(r + i) % 6000}`
        : kind === "ratio"
          ? (r % 1000) / 1000
          : kind === "date"
            ? "2025-12-31"
            : r * 37 + i;
  const started = performance.now();
  const body = Array.from({ length: rows }, (_, r) =>
    dataRow(
      columns.map((c, i) => value(c.kind, r, i)),
      columns,
      "zh",
    ),
  );
  const bytes = await writeXlsx({
    sheets: { data: "数据", about: "说明" },
    columns,
    body,
    about: { title: dataset, lines: [], fieldHeadings: ["", "", "", ""], fields: [] },
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`${(bytes.byteLength / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`);
}

/** Which sizes fit in which heap, each in its own Node process. */
function heap(): void {
  const cases: [string, number][] = [
    ["village-income", 27_000],
    ["village-income", 50_000],
    ["village-income", 100_000],
    ["region-indicators", 9_000],
    ["region-indicators", 30_000],
  ];
  console.log(
    "dataset             rows      cells   heap 40 MB        heap 64 MB        heap 128 MB",
  );
  for (const [dataset, rows] of cases) {
    const cells = rows * (findDataset(dataset) as DatasetDef).fields.length;
    const results = [40, 64, 128].map((mb) => {
      const run = spawnSync(
        process.execPath,
        [`--max-old-space-size=${mb}`, import.meta.filename, "--child", dataset, String(rows)],
        { encoding: "utf8" },
      );
      return run.status === 0 ? run.stdout.trim() : "out of memory";
    });
    console.log(
      [
        dataset.padEnd(18),
        rows.toLocaleString("en").padStart(7),
        cells.toLocaleString("en").padStart(10),
        ...results.map((r) => r.padEnd(17)),
      ].join(" "),
    );
  }
}

if (args[0] === "--child") await child(args[1] as string, Number(args[2]));
else if (args.includes("--heap")) heap();
else await main();
