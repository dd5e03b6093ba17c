/**
 * The one vocabulary (src/lib/vocabulary.ts): its keys are the CHECK lists of the
 * migrations, every label and alias reads back as its own term, and labels keep the words
 * the public pages show.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  keys,
  label,
  labelList,
  labels,
  matchTerm,
  normalizeSpelling,
  terms,
  type VocabularyName,
} from "../../../src/lib/vocabulary.ts";
import { VOCABULARY_NAMES as NAMES } from "../support/vocabulary.ts";

/** The columns each vocabulary's keys are stored in, as table.column. */
const COLUMNS: Record<VocabularyName, string[]> = {
  project_status: ["projects.status", "project_updates.status"],
  problem_status: ["problems.status", "problem_events.status"],
  target_status: ["targets.status", "target_updates.status"],
  target_phase: ["targets.phase", "target_updates.phase"],
  project_category: ["projects.category"],
  problem_category: ["problems.category"],
  problem_channel: ["problems.channel"],
  target_category: ["targets.category"],
};

/**
 * Each table's CREATE TABLE body as the migrations leave it: applied in order, a later
 * CREATE TABLE, DROP TABLE or ALTER TABLE … RENAME TO replaces the earlier definition.
 */
function tables(): Map<string, string> {
  const dir = new URL("../../../migrations/", import.meta.url);
  const out = new Map<string, string>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    const sql = readFileSync(new URL(file, dir), "utf8").replace(/--[^\n]*/g, "");
    for (const statement of sql.split(";").map((s) => s.trim())) {
      const created = /^CREATE TABLE (\w+)\s*\(([\s\S]*)\)$/i.exec(statement);
      const dropped = /^DROP TABLE (\w+)$/i.exec(statement);
      const renamed = /^ALTER TABLE (\w+) RENAME TO (\w+)$/i.exec(statement);
      if (created) out.set(created[1] as string, created[2] as string);
      else if (dropped) out.delete(dropped[1] as string);
      else if (renamed) {
        out.set(renamed[2] as string, out.get(renamed[1] as string) as string);
        out.delete(renamed[1] as string);
      }
    }
  }
  return out;
}

/** The values of the column's `CHECK (column IN (…))`; exactly one such check is expected. */
function checkList(body: string, column: string): string[] {
  const checks = [
    ...body.matchAll(new RegExp(`CHECK\\s*\\(\\s*${column}\\s+IN\\s*\\(([^)]*)\\)`, "gi")),
  ];
  expect(checks, column).toHaveLength(1);
  return [...(checks[0]?.[1] ?? "").matchAll(/'([^']*)'/g)].map((m) => m[1] as string);
}

describe("the vocabulary and the migrations", () => {
  const defined = tables();
  it.each(NAMES)("%s has the keys of the CHECK lists of its columns", (name) => {
    for (const where of COLUMNS[name]) {
      const [table, column] = where.split(".") as [string, string];
      const body = defined.get(table);
      expect(body, `table ${table}`).toBeDefined();
      expect([...keys(name)].sort(), where).toEqual(checkList(body as string, column).sort());
    }
  });

  it("reads a rebuilt table from its last definition", () => {
    expect(defined.has("uploads_new")).toBe(false);
    expect(defined.get("uploads")).toContain("new-targets");
  });
});

describe("matchTerm", () => {
  it.each(NAMES)("reads every key, label and alias of %s as its own term", (name) => {
    for (const t of terms(name))
      for (const spelling of [t.key, t.zh, t.en, t.en.toUpperCase(), ...t.aliases])
        expect(matchTerm(name, spelling)?.key, `${name}: ${spelling}`).toBe(t.key);
  });

  it.each(NAMES)("gives no two terms of %s the same label or alias", (name) => {
    const owner = new Map<string, string>();
    for (const t of terms(name))
      for (const spelling of new Set([t.key, t.zh, t.en, ...t.aliases].map(normalizeSpelling))) {
        expect(owner.get(spelling), `${name}: ${spelling}`).toBeUndefined();
        owner.set(spelling, t.key);
      }
  });

  it("reads full-width characters and spaces as people type them", () => {
    expect(matchTerm("project_status", "已 完 工")?.key).toBe("completed");
    expect(matchTerm("project_status", "　已完工　")?.key).toBe("completed");
    expect(matchTerm("project_status", "ＵＮＤＥＲ　ＷＡＹ")?.key).toBe("under_way");
    expect(matchTerm("project_status", "under way")?.key).toBe("under_way");
    expect(matchTerm("target_status", "ｏｎ＿ｔｒａｃｋ")?.key).toBe("on_track");
    expect(matchTerm("target_status", "正 常 推 进")?.key).toBe("on_track");
    expect(matchTerm("problem_channel", "书记直通车\u200B")?.key).toBe("direct_line");
  });

  it("keeps one spelling to one term within a vocabulary, not across them", () => {
    expect(matchTerm("project_status", "已完成")?.key).toBe("completed");
    expect(matchTerm("target_status", "已完成")?.key).toBe("achieved");
    expect(matchTerm("project_status", "计划")?.key).toBe("planned");
    expect(matchTerm("project_status", "已竣工")).toBeUndefined();
    expect(matchTerm("project_status", "")).toBeUndefined();
    expect(matchTerm("target_phase", "completed")).toBeUndefined();
  });
});

describe("labels", () => {
  it("keep the words the public pages show", () => {
    expect(labels("project_status", "zh")).toEqual({
      planned: "计划中",
      under_way: "在建",
      completed: "已完工",
      suspended: "暂停",
    });
    expect(label("target_status", "on_track", "zh")).toBe("按计划推进");
    expect(label("target_status", "on_track", "en")).toBe("On track");
    expect(labelList("project_status", "zh")).toBe("计划中、在建、已完工、暂停");
    expect(labelList("target_status", "en", "or")).toBe(
      "on track, achieved, exceeded, at risk or missed",
    );
  });

  it("refuse a key that is not in the vocabulary", () => {
    expect(() => label("project_status", "finished", "zh")).toThrow(RangeError);
  });
});
