/**
 * Which D1 copy a request reads (read replicas, through D1's Sessions API): public reads go
 * to the nearest replica; a signed-in user's requests carry the bookmark of their last
 * write (a cookie), so that an editor always reads what they just wrote; a page rendered
 * for the edge cache reads data at least as new as the data version it is keyed by (the
 * bookmark taken when that version was read). Locally there is one copy and a session
 * only passes queries through.
 */
import { readCookie } from "../services/admin-auth.ts";

export const BOOKMARK_COOKIE = "__Host-ledger_d1_bookmark";

/** The session constraint of a request: a bookmark to read after, or where to start. */
export function sessionConstraint(
  request: Request,
  signedIn: boolean,
  versionBookmark: string | null,
): string {
  if (signedIn) {
    return readCookie(request.headers.get("Cookie"), BOOKMARK_COOKIE) ?? "first-primary";
  }
  return versionBookmark ?? "first-unconstrained";
}

/** The cookie that carries a signed-in user's bookmark to their next request. */
export function bookmarkCookie(bookmark: string): string {
  return `${BOOKMARK_COOKIE}=${bookmark}; Path=/; Secure; HttpOnly; SameSite=Lax`;
}

/**
 * A session as the query functions take it. They only prepare statements and run batches,
 * which a session does as the database does.
 */
export function sessionAsDatabase(session: D1DatabaseSession): D1Database {
  return session as unknown as D1Database;
}
