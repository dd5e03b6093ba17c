/**
 * The XLSX upload templates, written in workerd with write-excel-file's universal build:
 * for every kind, read back with read-excel-file (header, example row, instructions) and
 * checked in the XML (text format on codes, numbers and periods, date format on dates, a
 * drop-down list of exactly the vocabulary's labels on each vocabulary column).
 */
import { exports } from "cloudflare:workers";
import { strFromU8, unzipSync } from "fflate";
import readXlsxFile from "read-excel-file/universal";
import { beforeAll, describe, expect, it } from "vitest";
import type { ColumnSpec } from "../../src/lib/upload/columns.ts";
import { MAX_ROWS } from "../../src/lib/upload/table.ts";
import {
  INSTRUCTIONS_SHEET,
  TEMPLATE_KINDS,
  TEMPLATE_TITLES,
  templateOf,
} from "../../src/lib/upload/template-xlsx.ts";
import { matchTerm, terms } from "../../src/lib/vocabulary.ts";
import {
  bytesFile,
  call,
  loadAdminFixture,
  ORIGIN,
  signInAll,
  type Session,
  type Who,
} from "./admin-support.ts";

let sessions: Record<Who, Session>;
beforeAll(async () => {
  await loadAdminFixture();
  sessions = await signInAll();
});

/** GET as a signed-in browser, the body as bytes. */
function download(path: string, as: Session | null): Promise<Response> {
  const headers = new Headers({ Origin: ORIGIN, "Sec-Fetch-Site": "same-origin" });
  if (as) headers.set("Cookie", as.cookie);
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, { headers }));
}

const letterOf = (index: number): string =>
  index < 26
    ? String.fromCharCode(65 + index)
    : letterOf(Math.floor(index / 26) - 1) + letterOf(index % 26);

/** Attribute values of an element's opening tag. */
function attributes(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The parts of a workbook the checks need: sheets in tab order, styles, defined names. */
function workbookXml(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const text = (path: string) => {
    const file = files[path];
    if (!file) throw new Error(`no ${path} in the workbook`);
    return strFromU8(file);
  };
  const workbook = text("xl/workbook.xml");
  const rels = text("xl/_rels/workbook.xml.rels");
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
      const a = attributes(m[0]);
      return [a.Id, a.Target] as const;
    }),
  );
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const a = attributes(m[0]);
    const target = (targets.get(a["r:id"] ?? "") ?? "").replace(/^\/?(xl\/)?/, "");
    return { name: unescape(a.name ?? ""), xml: text(`xl/${target}`) };
  });
  const styles = text("xl/styles.xml");
  const numFmts = new Map(
    [...styles.matchAll(/<numFmt\b[^>]*>/g)].map((m) => {
      const a = attributes(m[0]);
      return [a.numFmtId, unescape(a.formatCode ?? "")] as const;
    }),
  );
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  const xfs = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => attributes(m[0]));
  /** The number format code of a style index ("@" for text; built-in 49 is text too). */
  const formatOf = (style: string | undefined): string => {
    const id = xfs[Number(style ?? 0)]?.numFmtId ?? "0";
    return id === "49" ? "@" : (numFmts.get(id) ?? `builtin ${id}`);
  };
  const names = new Map(
    [...workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => [
      attributes(m[1] ?? "").name,
      unescape(m[2] ?? ""),
    ]),
  );
  return { sheets, formatOf, names };
}

/** A column's style (its <col>) and its example cell (row 2), in a sheet's XML. */
function columnOf(sheetXml: string, index: number) {
  const number = index + 1;
  const col = [...sheetXml.matchAll(/<col\b[^>]*>/g)]
    .map((m) => attributes(m[0]))
    .find((a) => Number(a.min) <= number && number <= Number(a.max));
  const cell = new RegExp(
    `<c\\b[^>]*\\br="${letterOf(index)}2"[^>]*?(?:/>|>([\\s\\S]*?)</c>)`,
  ).exec(sheetXml);
  return { style: col?.style, cell: cell ? attributes(cell[0]) : undefined };
}

/** What the example row should read back as (read-excel-file, numbers as text). */
function expectedExample(column: ColumnSpec, value: string): unknown {
  if (value === "") return null;
  if (column.type === "date") return new Date(`${value}T00:00:00Z`);
  if (typeof column.type === "object") return matchTerm(column.type.vocabulary, value)?.zh;
  return value;
}

describe("XLSX templates", () => {
  for (const kind of TEMPLATE_KINDS) {
    it(`${kind}: header, example, formats, drop-down lists and instructions`, async () => {
      const response = await download(`/api/admin/uploads/${kind}/template.xlsx`, sessions.clerk);
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      );
      expect(response.headers.get("Content-Disposition")).toBe(
        `attachment; filename="${kind}-template.xlsx"`,
      );
      const buffer = await response.arrayBuffer();
      const { columns, example } = templateOf(kind);

      // Read back as the upload and a spreadsheet would.
      const sheets = await readXlsxFile(buffer, { parseNumber: (s) => s });
      expect(sheets.map((s) => s.sheet)).toEqual([TEMPLATE_TITLES[kind], INSTRUCTIONS_SHEET]);
      const [data, notes] = sheets.map((s) => s.data) as [unknown[][], unknown[][]];
      expect(data[0]).toEqual(columns.map((c) => c.zh));
      expect(data).toHaveLength(2);
      columns.forEach((c, i) =>
        expect(data[1]?.[i] ?? null, c.zh).toEqual(expectedExample(c, example[i] ?? "")),
      );
      const noteCells = notes.flat().map((v) => String(v ?? ""));
      for (const c of columns) {
        expect(noteCells, c.zh).toContain(c.zh);
        if (typeof c.type === "object")
          for (const t of terms(c.type.vocabulary)) expect(noteCells, t.zh).toContain(t.zh);
      }
      expect(noteCells.join("\n")).toMatch(/2 MB、3000 行/);
      expect(noteCells.join("\n")).toMatch(/4\.50422E\+11/);

      // The XML: the first sheet in tab order, its column formats and validations.
      const xml = workbookXml(new Uint8Array(buffer));
      expect(xml.sheets.map((s) => s.name)).toEqual([TEMPLATE_TITLES[kind], INSTRUCTIONS_SHEET]);
      const sheet = (xml.sheets[0] as { xml: string }).xml;
      expect(sheet).toMatch(/<pane\b[^>]*ySplit="1"[^>]*state="frozen"/);
      const validations = [
        ...sheet.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g),
      ];
      columns.forEach((c, i) => {
        const { style, cell } = columnOf(sheet, i);
        if (c.type === "code" || c.type === "id" || c.type === "period") {
          expect(xml.formatOf(style), `${c.zh} column`).toBe("@");
          if (example[i]) expect(cell?.t, `${c.zh} example`).toBe("s");
          expect(xml.formatOf(cell?.s), `${c.zh} example`).toBe("@");
        } else if (c.type === "date") {
          expect(xml.formatOf(style), `${c.zh} column`).toBe("yyyy-mm-dd");
          expect(xml.formatOf(cell?.s), `${c.zh} example`).toBe("yyyy-mm-dd");
          if (example[i]) expect(cell?.t, `${c.zh} example is a number`).toBeUndefined();
        } else if (c.type === "yuan" || c.type === "integer" || c.type === "decimal") {
          if (example[i]) expect(cell?.t, `${c.zh} example is a number`).toBeUndefined();
          expect(xml.formatOf(style), `${c.zh} column`).not.toBe("@");
        }
        const letter = letterOf(i);
        const own = validations.filter((v) =>
          (attributes(v[1] ?? "").sqref ?? "")
            .split(" ")
            .includes(`${letter}2:${letter}${MAX_ROWS + 1}`),
        );
        if (typeof c.type !== "object") {
          expect(own, `${c.zh} has no list`).toHaveLength(0);
          return;
        }
        expect(own, `${c.zh} has one list`).toHaveLength(1);
        const v = own[0] as RegExpExecArray;
        expect(attributes(v[1] ?? "").type).toBe("list");
        const formula = unescape(/<formula1>([\s\S]*?)<\/formula1>/.exec(v[2] ?? "")?.[1] ?? "");
        expect(listValues(formula, xml.names, notes)).toEqual(
          terms(c.type.vocabulary).map((t) => t.zh),
        );
      });
      // <dataValidations> where the schema puts it: after <sheetData>, before <pageMargins>.
      const order = [
        "sheetData",
        "mergeCells",
        "conditionalFormatting",
        "dataValidations",
        "pageMargins",
        "drawing",
      ]
        .map((tag) => sheet.indexOf(`<${tag}`))
        .filter((at) => at >= 0);
      expect(order).toEqual([...order].sort((a, b) => a - b));
      if (columns.some((c) => typeof c.type === "object"))
        expect(sheet).toMatch(/<dataValidations count="\d+">/);
    });
  }

  it("are read by the upload as they are, and their example row is never stored", async () => {
    for (const kind of TEMPLATE_KINDS) {
      for (const format of ["xlsx", "csv"]) {
        const response = await download(
          `/api/admin/uploads/${kind}/template.${format}`,
          sessions.editor,
        );
        const bytes = new Uint8Array(await response.arrayBuffer());
        const { status, body } = await call("POST", `/api/admin/uploads/${kind}`, {
          as: sessions.editor,
          form: bytesFile(bytes, `${kind}-template.${format}`),
        });
        // Every cell reads (no cell errors); the example row alone is refused, as an example.
        expect(status, `${kind}.${format}`).toBe(422);
        expect(body.report.rows, kind).toBe(1);
        expect(
          (body.report.errors as { line: number; column: string; message: string }[]).map((e) => [
            e.line,
            e.column,
            e.message,
          ]),
          `${kind}.${format}`,
        ).toEqual([
          [
            2,
            templateOf(kind).columns[0]?.zh,
            "这一行是模板自带的示例，不是实际数据：请删除这一行，或改成实际数据后再上传",
          ],
        ]);
      }
    }
  });

  it("refuses unknown kinds, anonymous users and roles without uploads", async () => {
    expect(
      (await download("/api/admin/uploads/nonsense/template.xlsx", sessions.clerk)).status,
    ).toBe(404);
    expect((await download("/api/admin/uploads/income/template.xlsx", null)).status).toBe(401);
    expect((await download("/api/admin/uploads/income/template.xlsx", sessions.admin)).status).toBe(
      403,
    );
    expect(
      (await download("/api/admin/uploads/income/template.xlsx", sessions.editor)).status,
    ).toBe(200);
  });
});

/**
 * The values a list validation offers: an inline "a,b,c" list, or a range on the
 * instructions sheet (directly or through a defined name), read from that sheet's cells.
 */
function listValues(
  formula: string,
  names: Map<string | undefined, string>,
  notes: unknown[][],
): string[] {
  if (formula.startsWith('"')) return formula.slice(1, -1).split(",");
  const ref = names.get(formula) ?? formula;
  const m = /^'?(.+?)'?!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(ref);
  if (!m) throw new Error(`not a range: ${ref}`);
  const [, sheet, fromColumn, fromRow, toColumn, toRow] = m as unknown as string[];
  expect(sheet).toBe(INSTRUCTIONS_SHEET);
  expect(toColumn).toBe(fromColumn);
  const column = (fromColumn as string).charCodeAt(0) - 65;
  const values: string[] = [];
  for (let row = Number(fromRow); row <= Number(toRow); row++)
    values.push(String(notes[row - 1]?.[column] ?? ""));
  return values;
}
