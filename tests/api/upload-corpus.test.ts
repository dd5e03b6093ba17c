/**
 * The upload corpus (tests/fixtures/uploads: files made by LibreOffice and hand-built in
 * the XML shapes Excel, WPS and other producers write) through the real upload endpoint
 * inside workerd, on a real D1 with the real migrations: each dry run gives the right
 * result beside the file and writes nothing; each refused file writes nothing; each good
 * income file, committed, leaves exactly its rows as the current returns.
 */
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { fromBase64 } from "../../src/lib/bytes.ts";
import { corpusEntries, expectUpload } from "../support/upload-expect.ts";
import {
  bytesFile,
  call,
  loadAdminActivityFixture,
  signInAll,
  snapshot,
  type Session,
  type Who,
} from "./admin-support.ts";

let sessions: Record<Who, Session>;
beforeAll(async () => {
  await loadAdminActivityFixture();
  sessions = await signInAll();
});

// Files meant for the sample database (the case files of ../shared/cases among them) run in
// the site tests, as its clerk of 藤县; the rest here, as the clerk of 埌南镇 (450422104).
const entries = corpusEntries(env.UPLOAD_FIXTURES, (b64) =>
  new TextDecoder().decode(fromBase64(b64)),
).filter((e) => e.expected.database !== "sample");

const upload = (file: string, kind: string, commit = false) =>
  call("POST", `/api/admin/uploads/${kind}${commit ? "?commit=1" : ""}`, {
    as: sessions.clerk,
    form: bytesFile(fromBase64(env.UPLOAD_FIXTURES[file] as string), file.split("/").at(-1)!),
  });

describe("every corpus file gives its right result, and a dry run writes nothing", () => {
  it("has a corpus", () => {
    expect(entries.length).toBeGreaterThan(10);
  });

  it.each(entries.map((e) => [e.file, e] as const))("%s", async (_, { file, expected }) => {
    const before = await snapshot();
    expectUpload(file, expected, await upload(file, expected.kind));
    expect(await snapshot()).toBe(before);
  });
});

describe("good income files, committed, store exactly their rows", () => {
  const good = entries.filter(
    (e) => e.expected.kind === "income" && e.expected.errors.length === 0,
  );

  it.each(good.map((e) => [e.file, e] as const))("%s", async (_, { file, expected }) => {
    const answer = await upload(file, "income", true);
    expect(answer.status, JSON.stringify(answer.body.report?.errors)).toBe(200);
    for (const row of expected.rows) {
      const stored = await env.DB.prepare(
        `SELECT village_code, period, total, operating, contracting, investment, subsidy, other
           FROM income_returns WHERE village_code = ?1 AND period = ?2 AND superseded_at IS NULL`,
      )
        .bind(row.village_code, row.period)
        .first();
      const figures = Object.fromEntries(
        Object.entries(row).filter(([k]) => k !== "line" && k !== "reason"),
      );
      expect(stored, `${file} row ${row.line}`).toEqual(expect.objectContaining(figures));
    }
  });
});
