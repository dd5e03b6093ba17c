/**
 * Search as people type it (src/lib/search-terms.ts, src/db/search.ts) through
 * /api/v1/search on a real local D1: traditional characters, places written after their
 * parents, polyphonic names, and each result's parent path.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { reindexSubtree } from "../../src/db/search.ts";
import { loadFixture } from "./fixture.ts";

type Hit = { code: string; name: string; parents: { code: string; name: string }[] };

async function search(q: string): Promise<Hit[]> {
  const response = await exports.default.fetch(
    new Request(`http://ledger.test/api/v1/search?q=${encodeURIComponent(q)}`),
  );
  expect(response.status, q).toBe(200);
  return ((await response.json()) as { results: Hit[] }).results;
}

beforeAll(async () => {
  await loadFixture(env.DB);
  const region = env.DB.prepare(
    "INSERT INTO regions (code, name, level, parent_code, kind) VALUES (?1, ?2, ?3, ?4, ?5)",
  );
  await env.DB.batch([
    // Names whose usual reading is not a character's first: 都昌 duchang, 乐亭 laoting.
    region.bind("36", "江西省", "province", null, "area"),
    region.bind("3604", "九江市", "city", "36", "area"),
    region.bind("360428", "都昌县", "county", "3604", "area"),
    region.bind("13", "河北省", "province", null, "area"),
    region.bind("1302", "唐山市", "city", "13", "area"),
    region.bind("130225", "乐亭县", "county", "1302", "area"),
    // Another 黎寨 outside 藤县, so that a path must choose.
    region.bind("360428101", "黎寨镇", "township", "360428", "area"),
  ]);
  await reindexSubtree(env.DB, "45");
  await reindexSubtree(env.DB, "36");
  await reindexSubtree(env.DB, "13");
});

describe("search as people type it", () => {
  it("finds simplified names from traditional characters", async () => {
    expect((await search("藤縣"))[0]?.code).toBe("450422");
    expect((await search("黎寨村委會"))[0]?.code).toBe("450422104211");
    expect((await search("廣西壯族自治區"))[0]?.code).toBe("45");
  });

  it("finds a place written after its parents, run together or with spaces", async () => {
    for (const [q, first] of [
      ["梧州市藤县", "450422"],
      ["梧州藤县", "450422"],
      ["梧州市 藤縣", "450422"],
      ["藤县黎寨", "450422104211"],
      ["藤县 黎寨", "450422104211"],
      ["梧州市藤县黎寨", "450422104211"],
      ["都昌黎寨", "360428101"],
      ["藤县埌南", "450422104"],
    ] as const) {
      expect((await search(q))[0]?.code, q).toBe(first);
    }
    // A path that names nothing within its parent finds nothing, not some other place.
    expect(await search("都昌埌南")).toEqual([]);
  });

  it("keeps a plain name an ordinary search: 黎寨 finds both exact matches, higher level first", async () => {
    const codes = (await search("黎寨")).map((h) => h.code);
    expect(codes.slice(0, 2)).toEqual(["360428101", "450422104211"]);
  });

  it("finds polyphonic names by their usual readings as well as pinyin-pro's", async () => {
    expect((await search("duchang"))[0]?.code).toBe("360428");
    expect((await search("douchang"))[0]?.code).toBe("360428");
    expect((await search("laoting"))[0]?.code).toBe("130225");
    expect((await search("laotingxian"))[0]?.code).toBe("130225");
  });

  it("gives each result its parent path, to tell places of the same name apart", async () => {
    const hits = await search("黎寨");
    const paths = hits.map((h) => h.parents.map((p) => p.name).join(" › "));
    expect(paths).toContain("广西壮族自治区 › 梧州市 › 藤县 › 埌南镇");
    expect(paths).toContain("江西省 › 九江市 › 都昌县");
  });
});
