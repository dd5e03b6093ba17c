/** The request named something the data does not have (a 404 for the API and pages). */
export class NotFoundError extends Error {
  readonly detailZh: string;

  constructor(detail: string, detailZh: string) {
    super(detail);
    this.name = "NotFoundError";
    this.detailZh = detailZh;
  }
}

/** No region has the code: the one wording for every page and API answer. */
export function regionNotFound(code: string): NotFoundError {
  return new NotFoundError(`No region has the code ${code}.`, `没有代码为 ${code} 的地区。`);
}

/** How long a reader is asked to wait after the data was unavailable (Retry-After, seconds). */
export const RETRY_AFTER_SECONDS = 30;

/**
 * Whether an error is the database failing rather than the request or our code: D1's own
 * errors (messages "D1_…", as thrown by the binding: a timeout, a reset, a lost replica, a
 * missing table) and a lost connection to it, anywhere in the `cause` chain. A constraint
 * violation is not: that is a write the data refused, answered where it is made.
 */
export function isDataUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; depth++) {
    const message = e.message;
    if (/constraint failed|SQLITE_CONSTRAINT/i.test(message)) return false;
    if (/^D1_|D1 DB|Network connection lost|storage operation exceeded/i.test(message)) {
      return true;
    }
    e = e.cause;
  }
  return false;
}
