/**
 * Valid HTML: the Nu Html Checker (npm vnu-jar, run with Java) reports no errors on every
 * page kind in both languages, the API reference, the error pages and the signed-in back
 * office, as served.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { signInSample } from "../support/admin-http.ts";
import { PAGE_KINDS } from "../support/page-kinds.ts";

const base = inject("baseUrl");
const VNU = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

const ENGLISH = PAGE_KINDS.map((p) => (p === "/" ? "/en" : `/en${p}`));
const PUBLIC = [...PAGE_KINDS, ...ENGLISH, "/api/docs", "/admin/login", "/no/such/page"];
const EDITOR_PAGES = [
  "/admin",
  "/admin/upload",
  "/admin/releases",
  "/admin/bulletins",
  "/admin/bulletins/1",
  "/admin/account",
];
const ADMIN_PAGES = ["/admin/users", "/admin/audit"];

interface VnuMessage {
  type: string;
  url: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** vnu's errors on the given pages (path → HTML), as "path:line: message" lines. */
function vnuErrors(pages: Map<string, string>): string[] {
  const dir = mkdtempSync(join(tmpdir(), "ledger-vnu-"));
  try {
    const files = new Map<string, string>();
    let i = 0;
    for (const [path, html] of pages) {
      const file = join(dir, `page-${i++}.html`);
      writeFileSync(file, html);
      files.set(`file:${file}`, path);
    }
    const run = spawnSync(
      "java",
      [
        "-jar",
        VNU,
        "--errors-only",
        "--format",
        "json",
        ...[...files.keys()].map((f) => f.slice(5)),
      ],
      {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    if (run.error) throw run.error;
    // vnu writes its JSON report to standard error.
    const report = JSON.parse(run.stderr) as { messages: VnuMessage[] };
    return report.messages
      .filter((m) => m.type === "error" || m.type === "non-document-error")
      .map(
        (m) =>
          `${files.get(m.url) ?? m.url}:${m.lastLine ?? "?"}: ${m.message} [${(m.extract ?? "").trim().slice(0, 80)}]`,
      );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function fetchPages(paths: string[], cookie = ""): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const path of paths) {
    const response = await fetch(`${base}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
    expect(response.headers.get("content-type"), path).toContain("text/html");
    pages.set(path, await response.text());
  }
  return pages;
}

describe("the Nu Html Checker", () => {
  it("runs here (Java and vnu.jar)", () => {
    expect(execFileSync("java", ["-jar", VNU, "--version"], { encoding: "utf8" }).trim()).toMatch(
      /^\d+\.\d+/,
    );
  });

  it("finds a real error when there is one", () => {
    const errors = vnuErrors(
      new Map([["/broken", "<!doctype html><html lang=en><title>x</title><p><div></p>"]]),
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it("finds no errors on every public page kind in both languages", async () => {
    expect(vnuErrors(await fetchPages(PUBLIC))).toEqual([]);
  });

  it("finds no errors in the signed-in back office", { timeout: 120_000 }, async () => {
    const editor = await signInSample(base, "editor");
    const admin = await signInSample(base, "admin");
    const pages = new Map([
      ...(await fetchPages(EDITOR_PAGES, editor.cookie)),
      ...(await fetchPages(ADMIN_PAGES, admin.cookie)),
    ]);
    for (const [path, html] of pages) expect(html, path).toContain('class="admin');
    expect(vnuErrors(pages)).toEqual([]);
  });
});
