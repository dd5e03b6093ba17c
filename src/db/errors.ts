/** What a failed D1 statement means, told from the error the binding throws. */

/**
 * Whether a write broke a UNIQUE or PRIMARY KEY constraint (a row with that key exists),
 * anywhere in the error's `cause` chain. D1 words it like SQLite: "UNIQUE constraint
 * failed: users.email: SQLITE_CONSTRAINT". The caller says what the clash means.
 *
 * @example
 * await db.batch([...]).catch((error) => {
 *   if (isUniqueViolation(error)) throw conflict;
 *   throw error;
 * });
 */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    if (
      /UNIQUE constraint failed|PRIMARY KEY|SQLITE_CONSTRAINT_(UNIQUE|PRIMARYKEY)/.test(e.message)
    ) {
      return true;
    }
    e = e.cause;
  }
  return false;
}
