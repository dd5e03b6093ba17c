/**
 * The open datasets: stable names, documented fields, keys and coverage. One description
 * feeds the API (/api/v1/datasets), the catalogue page (/data), the Frictionless data
 * package and the DCAT catalogue, so they cannot disagree. Field definitions follow
 * DESIGN.md. Every name, definition, schedule and filter is written in Chinese and English
 * (for /en/data). Pure data: the SQL behind each dataset is in src/db/datasets.ts.
 */
import type { DatasetDef } from "./dataset-fields.ts";
import { ACTIVITY_DATASETS } from "./datasets-activity.ts";
import { INCOME_DATASETS } from "./datasets-income.ts";
import { PUNCTUALITY_DATASETS } from "./datasets-punctuality.ts";
import { TARGET_DATASETS } from "./datasets-targets.ts";

export {
  UNITS_EN,
  type DatasetDef,
  type FieldDef,
  type FieldType,
  type Unit,
  type Versioning,
  type Words,
} from "./dataset-fields.ts";

/** Every dataset, in the order the catalogue lists them. */
export const DATASETS: readonly DatasetDef[] = [
  ...INCOME_DATASETS,
  ...PUNCTUALITY_DATASETS,
  ...ACTIVITY_DATASETS,
  ...TARGET_DATASETS,
];

export const DATASET_NAMES = DATASETS.map((d) => d.name) as [string, ...string[]];

export function findDataset(name: string): DatasetDef | undefined {
  return DATASETS.find((d) => d.name === name);
}

/** The licence every dataset is published under. */
export const LICENCE = {
  name: "CC-BY-4.0",
  title: "Creative Commons Attribution 4.0",
  path: "https://creativecommons.org/licenses/by/4.0/",
} as const;

/** JSON pages: default and maximum rows per page. */
export const PAGE_SIZE = { default: 1000, max: 5000 } as const;

/** How to cite a dataset, in Chinese (the release makes the citation exact). */
export function citation(def: DatasetDef, release: string | null, url: string): string {
  const version = release ? `${release} 月度发布版` : "最新数据";
  return `村务公开台账：${def.title}（${def.name}），${version}。${url}，CC BY 4.0。`;
}

/** How to cite a dataset, in English (the title stays in both languages so it can be found). */
export function citationEn(def: DatasetDef, release: string | null, url: string): string {
  const version = release ? `monthly release ${release}` : "latest data";
  return `Village Ledger (村务公开台账): ${def.titleEn} (${def.name}), ${version}. ${url}, CC BY 4.0.`;
}
