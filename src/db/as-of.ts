/**
 * "As of" predicates for the append-only tables. Live data is every row not yet replaced;
 * the data as of time T (a release's freeze moment) is every row recorded by T and not
 * replaced by T. Timestamps are UTC ISO 8601 strings, so they compare as text.
 */

/** Rows of income_returns current at `param` (a bound placeholder such as "?2"), or live. */
export function returnsAsOf(alias: string, param: string | null): string {
  return param
    ? `${alias}.recorded_at <= ${param} AND (${alias}.superseded_at IS NULL OR ${alias}.superseded_at > ${param})`
    : `${alias}.superseded_at IS NULL`;
}

/** Rows of region_period_stats valid at `param`, or live. */
export function statsAsOf(alias: string, param: string | null): string {
  return param
    ? `${alias}.valid_from <= ${param} AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > ${param})`
    : `${alias}.valid_to IS NULL`;
}
