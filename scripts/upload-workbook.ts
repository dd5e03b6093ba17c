/**
 * Income workbooks for the benchmarks: what a county clerk uploads, written by
 * write-excel-file, for the villages of the database the server uses.
 */
import { DatabaseSync } from "node:sqlite";
import writeXlsxFile from "write-excel-file/node";
import { d1File } from "../tests/support/sample-db.ts";
import { HEADER } from "./fixtures/data.ts";

/** A county's village committees, from the database the server will use. */
export function countyCommittees(persistTo: string, county: string): string[] {
  const db = new DatabaseSync(d1File(persistTo), { readOnly: true });
  const rows = db
    .prepare(
      "SELECT code FROM regions WHERE code >= ? AND code < ? AND kind = 'village_committee' ORDER BY code",
    )
    .all(county, `${county}~`) as { code: string }[];
  db.close();
  return rows.map((r) => r.code);
}

/**
 * An XLSX of `count` monthly returns (write-excel-file): village by village, month by month
 * through `year`, figures rising; throws when the villages cannot make that many rows.
 */
export async function incomeWorkbook(
  codes: string[],
  count: number,
  year: number,
): Promise<Uint8Array> {
  const months = Math.min(12, Math.ceil(count / codes.length));
  const rows: (string | number)[][] = [[...HEADER.income]];
  for (let v = 0; rows.length <= count && v < codes.length; v++) {
    for (let m = 1; m <= months && rows.length <= count; m++) {
      const [operating, contracting, investment, subsidy, other] = [
        4000 * m + v,
        3000 * m,
        700 * m,
        2000 * m,
        100 * m,
      ];
      const total = operating + contracting + investment + subsidy + other;
      rows.push([
        codes[v] as string,
        `${year}-${String(m).padStart(2, "0")}`,
        total,
        operating,
        contracting,
        investment,
        subsidy,
        other,
        "基准测试重报",
      ]);
    }
  }
  if (rows.length - 1 !== count) throw new Error(`only ${rows.length - 1} rows for ${count}`);
  const data = rows.map((row) =>
    row.map((value) => ({ value, type: typeof value === "number" ? Number : String })),
  );
  return new Uint8Array(await writeXlsxFile(data as never).toBuffer());
}
