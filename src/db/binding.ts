/**
 * The D1 binding as pages use it: counted per request (src/db/counted.ts), so that each
 * page's queries and round trips show in its Server-Timing header and in the tests.
 */
import { env } from "cloudflare:workers";
import { countedD1 } from "./counted.ts";

export function pagesDb(): D1Database {
  return countedD1(env.DB);
}
