/**
 * The upload corpus's right results (tests/fixtures/uploads/**.expected.json) against an
 * upload endpoint's answer: the same check for the API tests in workerd and the site tests
 * over HTTP. A good file's dry run reads the named sheet and stores exactly the expected
 * rows (compared field by field on the fields the expectation names); a refused file
 * is a 422 naming each expected error by row and column.
 */
import { expect } from "vitest";

export interface ExpectedUpload {
  kind: string;
  producer?: string;
  covers?: string[];
  /** The sheet the report must name; null for CSV. */
  sheet?: string | null;
  /** The row the header is on. */
  header_line?: number;
  /** Which database the file is made for: the API fixture (with its activity) or the sample. */
  database?: "fixture" | "activity" | "sample";
  rows: ({ line: number } & Record<string, unknown>)[];
  errors: { line: number; column: string; contains: string }[];
}

/** Paths of the corpus files that have an expected result, with that result. */
export function corpusEntries(
  files: Record<string, string>,
  decode: (text: string) => string,
): { file: string; expected: ExpectedUpload }[] {
  return Object.keys(files)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((json) => {
      const stem = json.replace(/\.expected\.json$/, "");
      const file = Object.keys(files).find((f) => f !== json && f.startsWith(`${stem}.`));
      if (!file) throw new Error(`${json}: no fixture beside it`);
      return { file, expected: JSON.parse(decode(files[json] as string)) as ExpectedUpload };
    });
}

/** Checks a dry run's answer against the expected result. */
export function expectUpload(
  name: string,
  expected: ExpectedUpload,
  answer: { status: number; body: Record<string, any> }, // eslint-disable-line @typescript-eslint/no-explicit-any
): void {
  const report = answer.body.report ?? {};
  if (expected.errors.length > 0) {
    expect(answer.status, `${name}: refused`).toBe(422);
    for (const e of expected.errors) {
      const found = (report.errors as { line: number; column: string; text: string }[]).find(
        (x) => x.line === e.line && x.column === e.column && x.text.includes(e.contains),
      );
      expect(
        found,
        `${name}: error at row ${e.line}, ${e.column}, “${e.contains}”; got ${JSON.stringify(report.errors?.map((x: { text: string }) => x.text))}`,
      ).toBeDefined();
    }
    return;
  }
  expect(
    answer.status,
    `${name}: ${JSON.stringify(answer.body.report?.errors ?? answer.body)}`,
  ).toBe(200);
  if (expected.sheet !== undefined)
    expect(report.sheet, `${name}: sheet read`).toBe(expected.sheet);
  const stored = report.stored as ({ line: number } & Record<string, unknown>)[];
  expect(
    stored.map((r) => r.line),
    `${name}: rows read`,
  ).toEqual(expected.rows.map((r) => r.line));
  expected.rows.forEach((row, i) => {
    const got = stored[i] as Record<string, unknown>;
    const picked = Object.fromEntries(Object.keys(row).map((k) => [k, got[k]]));
    expect(picked, `${name}: row ${row.line}`).toEqual(row);
  });
}
