/**
 * `npm run bench:upload`: how long a clerk waits for the dry run and the commit of an XLSX
 * of 300 and of 3,000 monthly returns, printed as figures against the budgets (300 rows
 * ≤ 1 s, 3,000 rows ≤ 3 s), with a static asset's time in the same run for scale.
 *
 * Builds the Worker and serves it on a copy of the local sample database (so the commits
 * reach no other database), signs in as the sample clerk of 藤县 (450422), and uploads
 * the LibreOffice-made workbooks of the corpus (tests/fixtures/uploads/bench/county-*.xlsx,
 * once each), then workbooks written by write-excel-file with rising year-to-date figures
 * for the county's villages (a new year each run, so that every commit writes). Each upload
 * is timed over real HTTP, from the first byte sent to the whole answer.
 *
 *   npm run bench:upload [-- --runs N]
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { signInSample, uploadFile } from "../tests/support/admin-http.ts";
import { DEFAULT_PERSIST, ensureDatabase } from "./local-db.ts";
import { buildSite, serve } from "./serve-build.ts";
import { countyCommittees, incomeWorkbook } from "./upload-workbook.ts";

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1] ?? 0) || 3;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await fn();
  return [(performance.now() - started) / 1000, result];
}

async function main(): Promise<void> {
  ensureDatabase();
  const persistTo = mkdtempSync(join(tmpdir(), "bench-upload-db-"));
  cpSync(DEFAULT_PERSIST, persistTo, { recursive: true });
  const outDir = mkdtempSync(join(tmpdir(), "bench-upload-build-"));
  buildSite(outDir);
  const server = await serve({ persistTo, outDir, waitMs: 120_000 });
  let failed = false;
  try {
    const codes = countyCommittees(persistTo, "450422");
    const clerk = await signInSample(server.base, "clerk");
    const staticTimes: number[] = [];
    for (let i = 0; i < 20; i++) {
      const [t] = await timed(async () => (await fetch(`${server.base}/favicon.svg`)).text());
      staticTimes.push(t);
    }
    const asset = median(staticTimes);
    console.log(
      `villages of 450422: ${codes.length}; static asset median ${(asset * 1000).toFixed(1)} ms`,
    );
    console.log("LibreOffice-made files (tests/fixtures/uploads/bench), one run each:");
    console.log("rows   file KB  step      s        × asset  budget s  result");
    for (const [count, budget] of [
      [300, 1],
      [3000, 3],
    ] as const) {
      const file = new Uint8Array(
        readFileSync(`tests/fixtures/uploads/bench/county-${count}.xlsx`),
      );
      const [d, dry] = await timed(() => uploadFile(clerk, "income", file, "county.xlsx"));
      const [c, done] = await timed(() =>
        uploadFile(clerk, "income", file, "county.xlsx", { commit: true }),
      );
      if (dry.status !== 200 || done.status !== 200 || dry.body.report.rows !== count)
        throw new Error(JSON.stringify(dry.body).slice(0, 500));
      for (const [step, t] of [
        ["dry run", d],
        ["commit", c],
      ] as const) {
        failed ||= t > budget;
        const lead =
          step === "dry run"
            ? `${String(count).padEnd(7)}${(file.length / 1024).toFixed(0).padStart(7)}  `
            : " ".repeat(16);
        console.log(
          `${lead}${step.padEnd(10)}${t.toFixed(2).padStart(5)}  ${(t / asset).toFixed(0).padStart(10)}  ${String(budget).padStart(8)}  ${t <= budget ? "ok" : "OVER"}`,
        );
      }
    }
    console.log(`write-excel-file workbooks, ${RUNS} runs each:`);
    console.log("rows   file KB  step      median s  max s   × asset  budget s  result");
    for (const [count, budget, year] of [
      [300, 1, 2023],
      [3000, 3, 2024],
    ] as const) {
      const dry: number[] = [];
      const commit: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        // A new year each run, so every commit writes (a repeat would write nothing).
        const file = await incomeWorkbook(codes, count, year - 10 * run);
        const [d, dryAnswer] = await timed(() => uploadFile(clerk, "income", file, "bench.xlsx"));
        if (dryAnswer.status !== 200) throw new Error(JSON.stringify(dryAnswer.body).slice(0, 500));
        const [c, done] = await timed(() =>
          uploadFile(clerk, "income", file, "bench.xlsx", { commit: true }),
        );
        if (done.status !== 200 || !done.body.changed)
          throw new Error(JSON.stringify(done.body).slice(0, 500));
        dry.push(d);
        commit.push(c);
        if (run === 0)
          process.stdout.write(
            `${String(count).padEnd(7)}${(file.length / 1024).toFixed(0).padStart(7)}  `,
          );
      }
      for (const [step, times] of [
        ["dry run", dry],
        ["commit", commit],
      ] as const) {
        const m = median(times);
        const ok = m <= budget;
        failed ||= !ok;
        const lead = step === "dry run" ? "" : " ".repeat(16);
        console.log(
          `${lead}${step.padEnd(10)}${m.toFixed(2).padStart(8)}  ${Math.max(...times)
            .toFixed(2)
            .padStart(
              5,
            )}  ${(m / asset).toFixed(0).padStart(7)}  ${String(budget).padStart(8)}  ${ok ? "ok" : "OVER"}`,
        );
      }
    }
  } finally {
    server.stop();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(persistTo, { recursive: true, force: true });
  }
  console.log(`bench:upload: ${failed ? "FAIL" : "PASS"}`);
  if (failed) process.exitCode = 1;
}

await main();
