/** Shared by the tests of src/lib/upload/table.ts and income.ts: an income upload's header and reader. */
import { INCOME_COLUMNS } from "../../../src/lib/upload/income.ts";
import { readTable as readTableFor } from "../../../src/lib/upload/table.ts";

/** The income template's header, as a CSV line. */
export const HEADER = "村代码,统计期,合计,经营收入,发包及上交收入,投资收益,补助收入,其他收入,说明";

/** readTable of src/lib/upload/table.ts with the income columns. */
export const readTable = (bytes: Uint8Array, name: string) =>
  readTableFor(bytes, name, INCOME_COLUMNS);
