/**
 * The reporting deadline's day of the month (wrangler var REPORTING_DEADLINE_DAY, 1–28;
 * 10 when unset or invalid): returns first recorded by that day of the following month,
 * China time, are on time (src/lib/punctuality.ts). Rollups count with the day configured
 * when they are written; a village's own figures are counted when read.
 *
 * Read from process.env, which the Workers runtime fills with the Worker's vars (the
 * nodejs_compat flag from compatibility date 2025-04-01), so that this module, and the
 * region report that uses it, also load in Node (unit tests and scripts get the default).
 */
import { deadlineDay } from "../lib/punctuality.ts";

export function configuredDeadlineDay(): number {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  return deadlineDay(env?.REPORTING_DEADLINE_DAY);
}
