/**
 * The D1 binding as a request uses it: the request's D1 session (src/db/session.ts),
 * counted (src/db/counted.ts), so that each page's queries and round trips show in its
 * Server-Timing header and in the tests. The Worker sets it for each request; outside a
 * request (scripts, the cron) it is the binding itself, counted.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { env } from "cloudflare:workers";
import { countedD1 } from "./counted.ts";

const current = new AsyncLocalStorage<D1Database>();

/** Runs `fn` with `db` as the request's database. */
export function runWithDb<T>(db: D1Database, fn: () => T): T {
  return current.run(db, fn);
}

/** The current request's database. */
export function pagesDb(): D1Database {
  return current.getStore() ?? countedD1(env.DB);
}
