/**
 * The sample back office: the release calendar (monthly releases 2021-01 … 2026-10
 * published on the 20th of the following month at 10:00 China time; the next 12 months
 * confirmed or provisional, one moved date with its reason, one cancellation with its
 * notice), bulletins with a correction, and three local-only accounts.
 *
 * The accounts exist only in sample data (never in production, which is loaded through
 * uploads): their password and TOTP secrets are printed by `npm start`.
 */
import { pbkdf2Sync } from "node:crypto";
import { addMonths, periodRange } from "../../src/lib/periods.ts";
import { FIRST_PERIOD, LAST_PERIOD } from "./config.ts";
import type { SqlValue } from "./sql.ts";

/** Local sample accounts: for trying the back office on your own machine only. */
export const SAMPLE_PASSWORD = "village-ledger-local-only";
export const SAMPLE_ACCOUNTS = [
  {
    email: "admin@ledger.local",
    name: "系统管理员（样例）",
    role: "admin",
    region: null,
    totp: "JBSWY3DPEHPK3PXPADMINAAA",
  },
  {
    email: "editor@ledger.local",
    name: "编辑（样例）",
    role: "editor",
    region: null,
    totp: "JBSWY3DPEHPK3PXPEDITORAA",
  },
  {
    email: "clerk@ledger.local",
    name: "藤县填报员（样例）",
    role: "clerk",
    region: "450422",
    totp: "JBSWY3DPEHPK3PXPCLERKAAA",
  },
] as const;
/** A fixed salt keeps the generated SQL byte-identical between runs (sample only). */
const SAMPLE_SALT = Buffer.from("sample-data-salt");

/** Release for period P: published on the 20th of the next month, 02:00 UTC (10:00 CST). */
export function releaseTime(period: string): string {
  return `${addMonths(period, 1)}-20T02:00:00Z`;
}

const UPCOMING = 12;
const MOVED_PERIOD = "2027-01"; // Spring Festival
const MOVED_TO = "2027-02-24T02:00:00Z";
const CANCELLED_PERIOD = "2027-02";
const CONFIRMED_UNTIL = "2026-12"; // later ones are provisional

type Table = [table: string, columns: string[], rows: SqlValue[][]];

export function makeBackOffice(): Table[] {
  const periods = [
    ...periodRange(FIRST_PERIOD, LAST_PERIOD),
    ...periodRange(addMonths(LAST_PERIOD, 1), addMonths(LAST_PERIOD, UPCOMING)),
  ];
  const releases: SqlValue[][] = [];
  const changes: SqlValue[][] = [];
  const notices: SqlValue[][] = [];
  const ids = new Map<string, number>();
  periods.forEach((period, i) => {
    const id = i + 1;
    ids.set(period, id);
    const scheduled = releaseTime(period);
    const created = `${addMonths(period, -2)}-01T02:00:00Z`;
    const title = `${period.slice(0, 4)}年${Number(period.slice(5))}月村级集体经济月度进度表`;
    if (period <= LAST_PERIOD) {
      releases.push([id, title, period, "published", scheduled, created, scheduled, null, created]);
    } else if (period === MOVED_PERIOD) {
      releases.push([
        id,
        title,
        period,
        "confirmed",
        MOVED_TO,
        "2026-11-02T02:00:00Z",
        null,
        null,
        created,
      ]);
      changes.push([
        id,
        scheduled,
        MOVED_TO,
        "春节假期（2月6日至12日）期间各村报送延后，发布日期顺延。",
        "2026-11-16T02:00:00Z",
      ]);
    } else if (period === CANCELLED_PERIOD) {
      releases.push([
        id,
        title,
        period,
        "cancelled",
        scheduled,
        null,
        null,
        "2026-11-16T02:00:00Z",
        created,
      ]);
      notices.push([
        id,
        null,
        "cancellation",
        "2027年2月数据与3月合并，在2027年3月进度表（2027年4月20日）中一并发布。",
        "春节所在月份报送村数不足，单月数据代表性差。",
        "2026-11-16T02:00:00Z",
      ]);
    } else if (period <= CONFIRMED_UNTIL) {
      releases.push([
        id,
        title,
        period,
        "confirmed",
        scheduled,
        "2026-10-20T02:00:00Z",
        null,
        null,
        created,
      ]);
    } else {
      releases.push([id, title, period, "provisional", scheduled, null, null, null, created]);
    }
  });

  const bulletin = (
    id: number,
    period: string,
    region: string,
    name: string,
    status: string,
    headline: string[],
    narrative: string,
  ): SqlValue[] => {
    const at = releaseTime(period);
    return [
      id,
      ids.get(period) as number,
      `${name}${period.slice(0, 4)}年${Number(period.slice(5))}月进度表`,
      period,
      region,
      JSON.stringify(headline),
      narrative,
      status,
      at,
      status === "published" ? at : null,
      2,
      at,
    ];
  };
  const bulletins = [
    bulletin(
      1,
      "2026-09",
      "4504",
      "梧州市",
      "published",
      ["income_total", "coverage", "share_ge_10w", "yoy_growth"],
      "梧州市各村集体经济收入按月累计报送。本表列出各县（市、区）进度，并附提醒函。\n\n**请各县督促未报送的村于下月10日前补报。**",
    ),
    bulletin(
      2,
      "2026-10",
      "4504",
      "梧州市",
      "published",
      ["income_total", "income_median", "share_ge_10w", "weak_villages", "yoy_growth"],
      "1—10月，梧州市村级集体经济收入继续增长。\n\n- 各县（市、区）进度见下表；\n- 逾期未办结问题按认领部门列在提醒函中。\n\n口径说明见[方法说明](/methodology)。",
    ),
    bulletin(
      3,
      "2026-10",
      "1404",
      "长治市",
      "published",
      ["income_total", "share_ge_10w", "share_ge_30w"],
      "长治市所有村集体经济收入保持在10万元以上。",
    ),
    bulletin(
      4,
      "2026-11",
      "4504",
      "梧州市",
      "scheduled",
      ["income_total", "coverage", "yoy_growth"],
      "（2026年12月20日发布）",
    ),
  ];
  notices.push([
    ids.get("2026-10") as number,
    2,
    "correction",
    "原表“报送率”一栏的说明文字误写为“截至10月10日”，应为“截至11月10日”。数字无误。",
    "文字笔误",
    "2026-11-21T02:00:00Z",
  ]);

  const users = SAMPLE_ACCOUNTS.map((a, i) => [
    i + 1,
    a.email,
    a.name,
    a.role,
    a.region,
    pbkdf2Sync(SAMPLE_PASSWORD, SAMPLE_SALT, 100_000, 32, "sha256").toString("base64"),
    SAMPLE_SALT.toString("base64"),
    100_000,
    a.totp,
    "2026-11-01T02:00:00Z",
  ]);

  return [
    [
      "users",
      [
        "id",
        "email",
        "display_name",
        "role",
        "region_code",
        "password_hash",
        "password_salt",
        "password_iterations",
        "totp_secret",
        "created_at",
      ],
      users,
    ],
    [
      "releases",
      [
        "id",
        "title",
        "period",
        "status",
        "scheduled_at",
        "confirmed_at",
        "published_at",
        "cancelled_at",
        "created_at",
      ],
      releases,
    ],
    ["release_date_changes", ["release_id", "old_at", "new_at", "reason", "changed_at"], changes],
    [
      "bulletins",
      [
        "id",
        "release_id",
        "title",
        "period",
        "region_code",
        "headline_indicators",
        "narrative_md",
        "status",
        "publish_at",
        "published_at",
        "created_by",
        "updated_at",
      ],
      bulletins,
    ],
    ["notices", ["release_id", "bulletin_id", "kind", "body", "reason", "issued_at"], notices],
  ];
}
