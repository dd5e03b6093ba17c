/**
 * Monthly income uploads end to end on a real D1: every kind of bad file gets its own
 * message and writes nothing; a good file commits in one batch with its rollups; the same
 * file again is a no-op; a revision supersedes without erasing, and leaves a published
 * bulletin's figures as they were published.
 */
import { env } from "cloudflare:workers";
import iconv from "iconv-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { MAX_ROWS } from "../../src/lib/upload/table.ts";
import { buildXlsx } from "../support/xlsx.ts";
import {
  bytesFile,
  call,
  csvFile,
  INCOME_HEADER,
  loadAdminFixture,
  signInAll,
  snapshot,
  type Session,
  type Who,
} from "./admin-support.ts";

let sessions: Record<Who, Session>;
beforeAll(async () => {
  await loadAdminFixture();
  sessions = await signInAll();
});

const upload = (form: FormData, commit = false, who: Who = "clerk") =>
  call("POST", `/api/admin/uploads/income${commit ? "?commit=1" : ""}`, {
    as: sessions[who],
    form,
  });

const csv = (...rows: string[]) => `${INCOME_HEADER}\r\n${rows.join("\r\n")}\r\n`;

describe("bad files: a specific error each, nothing written", () => {
  const GOOD = "450422104211,2026-01,10000,5000,0,0,5000,0,";
  const cases: [string, () => FormData, number, string][] = [
    [
      "wrong encoding (UTF-16)",
      () =>
        bytesFile(
          new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(csv(GOOD), "utf16le"))]),
          "a.csv",
        ),
      400,
      "文件编码无法识别",
    ],
    [
      "missing column",
      () =>
        csvFile(
          "村代码,统计期,合计,经营收入,发包及上交收入,投资收益,补助收入\n450422104211,2026-01,0,0,0,0,0\n",
        ),
      422,
      "表头：缺少“其他收入”列",
    ],
    [
      "identity broken",
      () => csvFile(csv("450422104211,2026-01,10001,5000,0,0,5000,0,")),
      422,
      "第2行，C列“合计”：合计 10001 不等于五项收入之和 10000",
    ],
    [
      "unknown code",
      () => csvFile(csv("450422104299,2026-01,0,0,0,0,0,0,")),
      422,
      "第2行，A列“村代码”：区划代码 450422104299 不存在",
    ],
    [
      "foreign code",
      () => csvFile(csv("450422105201,2026-01,0,0,0,0,0,0,")),
      422,
      "第2行，A列“村代码”：450422105201 不在您负责的地区（450422104）内",
    ],
    ["duplicate", () => csvFile(csv(GOOD, GOOD)), 422, "第3行，A列“村代码”：与第2行重复"],
    [
      "negative",
      () => csvFile(csv("450422104211,2026-01,-1,0,0,0,-1,0,")),
      422,
      "第2行，C列“合计”：“-1”是负数",
    ],
    [
      "over the row limit",
      () => csvFile(csv(...Array.from({ length: MAX_ROWS + 1 }, () => GOOD))),
      413,
      `超过每次上传 ${MAX_ROWS} 行的上限`,
    ],
    [
      "over the size limit",
      () => csvFile(`${csv(GOOD)}${" ".repeat(2 * 1024 * 1024)}`),
      413,
      "文件大小超过上限（2 MB）",
    ],
    [
      "an XLSX that is not one",
      () => bytesFile(new TextEncoder().encode(csv(GOOD)), "returns.xlsx"),
      400,
      "不是有效的 Excel（.xlsx）工作簿",
    ],
  ];
  for (const [name, file, status, message] of cases) {
    it(name, async () => {
      const before = await snapshot();
      const response = await upload(file(), true);
      expect(response.status).toBe(status);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      const said = [
        response.body.detail_zh,
        ...(response.body.report?.errors ?? []).map((e: { text: string }) => e.text),
      ];
      expect(said.join("\n")).toContain(message);
      expect(await snapshot()).toBe(before);
    });
  }

  it("reports all errors at once, not the first only", async () => {
    const response = await upload(
      csvFile(
        csv(
          "450422104211,2026-01,-1,0,0,0,0,0,",
          "450422104212,2026-1x,0,0,0,0,0,0,",
          "450422105201,2026-01,0,0,0,0,0,0,",
        ),
      ),
    );
    expect(response.status).toBe(422);
    expect(response.body.report.errors.map((e: { line: number }) => e.line)).toEqual([2, 3, 4]);
  });

  it("writes only the very file the dry run checked", async () => {
    const checkedFile = csv("450422104213,2023-06,1000,1000,0,0,0,0,");
    const dry = await upload(csvFile(checkedFile));
    expect(dry.status).toBe(200);
    expect(dry.body.digest).toMatch(/^[0-9a-f]{64}$/);
    const withDigest = (text: string) => {
      const form = csvFile(text);
      form.append("checked", dry.body.digest);
      return form;
    };
    // Another file sent with the first one's digest: refused, nothing written.
    const before = await snapshot();
    const other = await upload(
      withDigest(csv("450422104212,2026-04,999999,999999,0,0,0,0,")),
      true,
    );
    expect(other.status).toBe(409);
    expect(other.body.detail_zh).toContain("与检查过的不是同一个");
    expect(await snapshot()).toBe(before);
    // The file that was checked goes through.
    const same = await upload(withDigest(checkedFile), true);
    expect(same.status).toBe(200);
    expect(same.body.changed).toBe(true);
  });

  it("says when a file's header is another kind's", async () => {
    const response = await call("POST", "/api/admin/uploads/projects", {
      as: sessions.clerk,
      form: csvFile(csv("450422104211,2026-01,10000,5000,0,0,5000,0,")),
    });
    expect(response.status).toBe(422);
    expect(response.body.report.notes).toContain(
      "这个文件的表头是“集体经济收入月报”的，而不是“项目进展”：是否选错了“数据类型”？",
    );
  });

  it("reads a 3,000-row XLSX whose sheet unpacks past 512 KB, inside workerd", async () => {
    // fflate inflates such parts in a Web Worker, which workerd lacks: the reader must not.
    const rows = Array.from({ length: MAX_ROWS }, (_, i) => [
      "450422104211",
      "1800-01",
      1000 + i,
      1000 + i,
      0,
      0,
      0,
      0,
      "一段足够长的说明文字，使工作表解压后超过 512 KB".repeat(2),
    ]);
    const book = buildXlsx([INCOME_HEADER.split(","), ...rows]);
    const before = await snapshot();
    const response = await upload(bytesFile(book, "big.xlsx"));
    // Every row is read: each one's period (before 1900) is refused, not the file as unreadable.
    expect(response.status).toBe(422);
    expect(response.body.report.rows).toBe(MAX_ROWS);
    expect(response.body.report.errors.length).toBe(MAX_ROWS);
    expect(response.body.report.errors[0].text).toContain("“1800-01”不是统计期");
    expect(await snapshot()).toBe(before);
  });
});

const returnsOf = (village: string, period: string) =>
  env.DB.prepare(
    "SELECT total, recorded_at, superseded_at, upload_id, reason FROM income_returns WHERE village_code = ?1 AND period = ?2 ORDER BY recorded_at",
  )
    .bind(village, period)
    .all<{
      total: number;
      recorded_at: string;
      superseded_at: string | null;
      upload_id: number | null;
      reason: string | null;
    }>();

const summary = async (code: string, period: string) =>
  (await call("GET", `/api/v1/regions/${code}/summary?period=${period}`)).body;

describe("a good file", () => {
  const file = () =>
    csv(
      "450422104211,2026-01,30000,10000,5000,0,15000,0,",
      "450422104212,2026-01,45000,20000,5000,0,20000,0,",
    );

  it("dry run: shows what would change and writes nothing", async () => {
    const before = await snapshot();
    const response = await upload(csvFile(file()));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      dry_run: true,
      report: { rows: 2, added: 2, unchanged: 0, revised: [], errors: [] },
    });
    expect(await snapshot()).toBe(before);
  });

  it("commits in one go, with the rollups of the township and everything above", async () => {
    const response = await upload(csvFile(file()), true);
    expect(response.status).toBe(200);
    expect(response.body.changed).toBe(true);
    const uploadId = response.body.upload_id;
    expect((await returnsOf("450422104211", "2026-01")).results).toEqual([
      expect.objectContaining({ total: 30_000, superseded_at: null, upload_id: uploadId }),
    ]);
    for (const code of ["450422104", "450422", "4504", "45"]) {
      const s = await summary(code, "2026-01");
      expect(s.indicators.income_total.value, code).toBe(75_000);
      expect(s.indicators.reporting.value, code).toBe(2);
    }
    const upload_ = await env.DB.prepare(
      "SELECT kind, region_code, row_count FROM uploads WHERE id = ?1",
    )
      .bind(uploadId)
      .first();
    expect(upload_).toEqual({ kind: "income", region_code: "450422104", row_count: 2 });
  });

  it("the same file again changes nothing", async () => {
    const before = await snapshot();
    const response = await upload(csvFile(file()), true);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      changed: false,
      upload_id: null,
      report: { added: 0, unchanged: 2 },
    });
    expect(await snapshot()).toBe(before);
  });

  it("reads the same rows from GBK CSV and from XLSX", async () => {
    const gbk = new Uint8Array(
      iconv.encode(csv("450422104213,2026-01,100,100,0,0,0,0,空壳村首笔收入"), "gbk"),
    );
    const a = await upload(bytesFile(gbk, "gbk.csv"), true);
    expect(a.status).toBe(200);
    expect(a.body.report.format).toBe("csv-gb18030");
    expect((await returnsOf("450422104213", "2026-01")).results[0]).toMatchObject({
      total: 100,
      reason: "空壳村首笔收入",
    });
    const book = buildXlsx([
      INCOME_HEADER.split(","),
      ["450422104213", "2026-02", 250, 150, 0, 0, 100, 0, ""],
    ]);
    const b = await upload(bytesFile(book, "book.xlsx"), true);
    expect(b.status).toBe(200);
    expect(b.body.report.format).toBe("xlsx");
    expect((await returnsOf("450422104213", "2026-02")).results[0]).toMatchObject({ total: 250 });
  });

  it("refuses a falling year-to-date figure without a reason, accepts it with one", async () => {
    const falling = "450422104213,2026-03,200,100,0,0,100,0,";
    const refused = await upload(csvFile(csv(falling)), true);
    expect(refused.status).toBe(422);
    expect(refused.body.report.errors[0].text).toContain("累计数 200 比 2026-02 的 250 少");
    const ok = await upload(csvFile(csv(`${falling}冲减上月多报的补助`)), true);
    expect(ok.status).toBe(200);
  });

  it("compares with the nearest month of the year before and after, in the file or stored", async () => {
    // 213 has 2026-02 = 250 and, now, 2026-03 = 200 stored. A gap month (2026-05) is
    // compared with 2026-03; raising 2026-02 above the stored 2026-03 is refused as well.
    const gap = await upload(csvFile(csv("450422104213,2026-05,150,50,0,0,100,0,")));
    expect(gap.body.report.errors[0].text).toContain("累计数 150 比 2026-03 的 200 少");
    const above = await upload(csvFile(csv("450422104213,2026-02,300,200,0,0,100,0,")));
    expect(above.body.report.errors[0].text).toContain("累计数 300 比之后 2026-03 已报的 200 多");
    // Revising the later month in the same file keeps the year rising: accepted.
    const both = await upload(
      csvFile(
        csv("450422104213,2026-02,300,200,0,0,100,0,", "450422104213,2026-03,320,220,0,0,100,0,"),
      ),
    );
    expect(both.status).toBe(200);
    // January has no month before it in its year; it only must not pass February.
    expect((await upload(csvFile(csv("450422104213,2026-01,10,10,0,0,0,0,")))).status).toBe(200);
  });
});

describe("revisions and releases", () => {
  let bulletinId: number;

  beforeAll(async () => {
    // The 2025-12 release, published (frozen) now, after the fixture's returns; a bulletin on it.
    const frozenAt = new Date(Date.now() - 1000).toISOString();
    const release = await env.DB.prepare(
      `INSERT INTO releases (title, period, status, scheduled_at, confirmed_at, published_at, created_at)
       VALUES ('2025年12月进度表', '2025-12', 'published', ?1, ?1, ?1, ?1) RETURNING id`,
    )
      .bind(frozenAt)
      .first<{ id: number }>();
    const bulletin = await env.DB.prepare(
      `INSERT INTO bulletins (release_id, title, period, region_code, headline_indicators, status, publish_at,
         published_at, updated_at) VALUES (?1, '藤县进度表', '2025-12', '450422', '["income_total","income_median"]',
         'published', ?2, ?2, ?2) RETURNING id`,
    )
      .bind(release!.id, frozenAt)
      .first<{ id: number }>();
    bulletinId = bulletin!.id;
  });

  it("a revision supersedes the old value without erasing it; the published bulletin keeps its figures", async () => {
    const preview = async () =>
      (await call("GET", `/api/admin/bulletins/${bulletinId}/preview`, { as: sessions.editor }))
        .body.view;
    const published = await preview();
    // Worked out by hand in fixture.ts: 100k + 320k + 0 + 1.2M.
    expect(
      published.headline.map((h: { key: string; figure: { value: number } }) => [
        h.key,
        h.figure.value,
      ]),
    ).toEqual([
      ["income_total", 1_620_000],
      ["income_median", 210_000],
    ]);

    const revision = csv("450422104211,2025-12,150000,90000,30000,7800,20000,2200,年终结算补录");
    const dry = await upload(csvFile(revision));
    expect(dry.body.report.revised).toEqual([
      {
        village_code: "450422104211",
        period: "2025-12",
        column: "total",
        old: 100_000,
        new: 150_000,
      },
      {
        village_code: "450422104211",
        period: "2025-12",
        column: "operating",
        old: 40_000,
        new: 90_000,
      },
    ]);
    expect((await upload(csvFile(revision), true)).status).toBe(200);

    const rows = (await returnsOf("450422104211", "2025-12")).results;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ total: 100_000, superseded_at: rows[1]!.recorded_at });
    expect(rows[1]).toMatchObject({ total: 150_000, superseded_at: null, reason: "年终结算补录" });

    // Latest figures change (150k + 320k + 0 + 1.2M; median of 0, 150k, 320k, 1.2M) ...
    const live = await summary("450422", "2025-12");
    expect(live.indicators.income_total.value).toBe(1_670_000);
    expect(live.indicators.income_median.value).toBe(235_000);
    // ... the published bulletin's do not.
    const after = await preview();
    expect(after.headline.map((h: { figure: { value: number } }) => h.figure.value)).toEqual([
      1_620_000, 210_000,
    ]);
    expect(after.asOf).toBe(published.asOf);
  });

  it("counts punctuality from each village's first record: uploads now are late, corrections keep it", async () => {
    // The 2026-01 returns were uploaded above, today: their deadline was 2026-02-10.
    const firsts = await env.DB.prepare(
      `SELECT village_code, min(recorded_at) AS first FROM income_returns
        WHERE period = '2026-01' AND village_code LIKE '450422104%' GROUP BY village_code`,
    ).all<{ village_code: string; first: string }>();
    const chinaDay = (at: string) =>
      new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 10);
    const daysLate = firsts.results.map(
      (r) => (Date.parse(chinaDay(r.first)) - Date.parse("2026-02-10")) / 86_400_000,
    );
    expect(daysLate.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...daysLate)).toBeGreaterThan(0);
    const january = await summary("450422104", "2026-01");
    expect(january.punctuality).toMatchObject({
      reported_on_time: { value: 0, numerator: 0, denominator: 3 },
      late: daysLate.length,
      mean_days_late: daysLate.reduce((a, b) => a + b, 0) / daysLate.length,
      missing: 3 - daysLate.length,
      due: true,
      deadline: "2026-02-10",
    });
    // 2025-12: filed by the fixture on 2026-01-10 (on time), 黎寨's revised today.
    const december = await summary("450422104", "2025-12");
    expect(december.punctuality).toMatchObject({
      reported_on_time: { numerator: 3, denominator: 3 },
      late: 0,
      missing: 0,
    });
  });
});
