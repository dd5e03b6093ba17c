/**
 * SQL text for `wrangler d1 execute --file`: literals inlined (the file is the whole
 * interface), multi-row INSERTs in batches because D1 refuses statements over 100 KB.
 * No BEGIN/COMMIT: D1 rejects transactions in files (wrangler runs the file as a batch).
 */

export type SqlValue = string | number | null;

/** A SQL literal. Strings double their single quotes; numbers must be finite. */
export function lit(value: SqlValue): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * A statement holds up to BATCH_ROWS rows and at most MAX_STATEMENT_BYTES: returns are
 * ~100 bytes a row, but Chinese titles make target rows several times longer.
 */
const BATCH_ROWS = 400;
const MAX_STATEMENT_BYTES = 90_000; // D1's limit is 100 KB

/** Collects statements; the caller writes them out in one go. */
export class SqlWriter {
  readonly statements: string[] = [];

  /** INSERTs rows (arrays in column order) in as few statements as the limits allow. */
  insert(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[]): void {
    this.insertTuples(
      table,
      columns,
      rows.map((row) => {
        if (row.length !== columns.length)
          throw new Error(`${table}: row has ${row.length} values`);
        return `(${row.map(lit).join(",")})`;
      }),
    );
  }

  /** INSERTs tuples already rendered as `(lit,lit,...)`: the fast path for 400,000 returns. */
  insertTuples(table: string, columns: readonly string[], rendered: readonly string[]): void {
    const head = `INSERT INTO ${table} (${columns.join(", ")}) VALUES\n`;
    let tuples: string[] = [];
    let bytes = Buffer.byteLength(head);
    const flush = () => {
      if (tuples.length) this.statements.push(`${head}${tuples.join(",\n")};`);
      tuples = [];
      bytes = Buffer.byteLength(head);
    };
    for (const tuple of rendered) {
      const size = Buffer.byteLength(tuple) + 2;
      if (size + bytes > MAX_STATEMENT_BYTES) {
        if (!tuples.length) throw new Error(`${table}: a single row exceeds D1's statement limit`);
        flush();
      }
      tuples.push(tuple);
      bytes += size;
      if (tuples.length === BATCH_ROWS) flush();
    }
    flush();
  }

  text(): string {
    return `${this.statements.join("\n")}\n`;
  }
}
