/**
 * The shapes of the open datasets' descriptions (src/lib/datasets.ts) and the helpers that
 * write a field's type, constraints and its name and definition in Chinese and English.
 */
import { keys, terms, type VocabularyName } from "./vocabulary.ts";

/** Frictionless table-schema types used here ("yearmonth" is YYYY-MM). */
export type FieldType =
  "string" | "integer" | "number" | "yearmonth" | "date" | "datetime" | "array";

/** A text in Chinese and in English, in that order: ["名称", "Name"]. */
export type Words = readonly [zh: string, en: string];

/** Units of measure, as written in Chinese, and their English. */
export const UNITS_EN = {
  元: "yuan",
  "%": "%",
  人: "people",
  个: "count",
  天: "days",
  比例: "ratio",
  "比例（0—1）": "ratio (0–1)",
} as const;
export type Unit = keyof typeof UNITS_EN;

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Name for people, in Chinese. */
  title: string;
  /** Name for people, in English. */
  titleEn: string;
  /** Definition, in Chinese. */
  description: string;
  /** Definition, in English. */
  descriptionEn: string;
  unit?: Unit;
  constraints?: {
    required?: boolean;
    enum?: readonly string[];
    pattern?: string;
    minimum?: number;
    maximum?: number;
  };
}

/**
 * How a dataset reads as of a release: "as-of" rows are append-only or versioned and are
 * recomputed exactly as at the release's freeze moment; "static" never changes (the
 * statistical division codes).
 */
export type Versioning = "as-of" | "static";

export interface DatasetDef {
  name: string;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
  fields: readonly FieldDef[];
  primaryKey: readonly string[];
  foreignKeys: readonly { fields: string[]; resource: string; reference: string[] }[];
  versioning: Versioning;
  /** What `from`/`to` filter on (null: the dataset has no period and refuses them). */
  periodFilter: string | null;
  /** The same in English (null exactly when periodFilter is). */
  periodFilterEn: string | null;
  /** Whether `region` applies (a subtree of division codes). */
  regionFilter: boolean;
  updateSchedule: string;
  updateScheduleEn: string;
}

export const CODE = "^(\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12})$";
export const VILLAGE_CODE = "^\\d{12}$";

/** A field's name and definition in both languages; the helpers below add type and constraints. */
export const named = (
  name: string,
  type: FieldType,
  [title, titleEn]: Words,
  [description, descriptionEn]: Words,
) => ({ name, type, title, titleEn, description, descriptionEn });

export const code = (name: string, title: Words, description: Words, pattern = CODE): FieldDef => ({
  ...named(name, "string", title, description),
  constraints: { required: true, pattern },
});
export const yuan = (name: string, title: Words, description: Words): FieldDef => ({
  ...named(name, "integer", title, description),
  unit: "元",
  constraints: { required: true, minimum: 0 },
});
export const text = (
  name: string,
  title: Words,
  description: Words,
  required = false,
): FieldDef => ({
  ...named(name, "string", title, description),
  ...(required ? { constraints: { required } } : {}),
});
export const choice = (
  name: string,
  title: Words,
  description: Words,
  values: readonly string[],
) => ({
  ...named(name, "string", title, description),
  constraints: { required: true, enum: values },
});
/**
 * A field holding the keys of a vocabulary (src/lib/vocabulary.ts): they are its enum, and
 * its definition is the lead followed by each key with its label, in Chinese
 * ("planned 计划中、under_way 在建…") and English ("planned, under_way, … or suspended",
 * with the label in brackets where it says more than the key: "people (skills)").
 */
export const vocabularyChoice = (
  name: string,
  vocabulary: VocabularyName,
  title: Words,
  [lead, leadEn]: Words,
) => {
  const list = terms(vocabulary);
  const en = list.map((t) =>
    t.en.toLowerCase().replace(/\s/g, "") === t.key.replace(/_/g, "")
      ? t.key
      : `${t.key} (${t.en.toLowerCase()})`,
  );
  return choice(
    name,
    title,
    [
      `${lead}${list.map((t) => `${t.key} ${t.zh}`).join("、")}。`,
      `${leadEn} ${en.slice(0, -1).join(", ")} or ${en[en.length - 1]}.`,
    ],
    keys(vocabulary),
  );
};
export const date = (
  name: string,
  title: Words,
  description: Words,
  required = false,
): FieldDef => ({
  ...named(name, "date", title, description),
  ...(required ? { constraints: { required } } : {}),
});
export const stamp = (name: string, title: Words, description: Words): FieldDef => ({
  ...named(name, "datetime", title, description),
  constraints: { required: true },
});
export const id = (name: string, [title, titleEn]: Words): FieldDef => ({
  ...named(
    name,
    "integer",
    [title, titleEn],
    [
      `${title}，在本数据集内唯一且不变。`,
      `${titleEn}: unique within this dataset and never changes.`,
    ],
  ),
  constraints: { required: true, minimum: 1 },
});
/** A reference to another dataset's ID (many rows may share it). */
export const ref = (
  name: string,
  [title, titleEn]: Words,
  [dataset, datasetEn]: Words,
): FieldDef => ({
  ...named(
    name,
    "integer",
    [title, titleEn],
    [
      `${dataset}中的${title}。`,
      `The ${titleEn.charAt(0).toLowerCase()}${titleEn.slice(1)} in the ${datasetEn} dataset.`,
    ],
  ),
  constraints: { required: true, minimum: 1 },
});

export const MONTHLY = "每月：各村次月10日前报送上月报表，每月20日随月度发布冻结。";
export const MONTHLY_EN =
  "Monthly: each village files its return for a month by the 10th of the next month; the data is frozen with the monthly release on the 20th.";
export const AS_REPORTED = "随各地上报随时更新。";
export const AS_REPORTED_EN = "Updated whenever areas report.";

/** A count of villages (个): a whole number, never negative. */
export const count = (name: string, title: Words, description: Words): FieldDef => ({
  ...named(name, "integer", title, description),
  unit: "个",
  constraints: { required: true, minimum: 0 },
});

/** The first fields of a per-region dataset (levels above village): code, name, level. */
export const AREA_FIELDS: readonly FieldDef[] = [
  code(
    "region_code",
    ["地区代码", "Region code"],
    ["统计用区划代码（村以上各级）。", "Statistical division code (levels above village)."],
  ),
  text("region_name", ["地区名称", "Region name"], ["地区名称。", "Name of the region."], true),
  choice(
    "level",
    ["层级", "Level"],
    ["province、city、county 或 township。", "Level of the region (above village)."],
    ["province", "city", "county", "township"],
  ),
];
