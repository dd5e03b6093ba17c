/**
 * Revisions of income returns: a revised return and the one it replaced, turned into one
 * line per figure that changed (what changes.csv and a release page list).
 */
import { SOURCES, type ReturnFigures } from "./indicators.ts";

export const REVISED_FIELDS = ["total", ...SOURCES] as const;
export type RevisedField = (typeof REVISED_FIELDS)[number];

/** A revised return with the figures it replaced. */
export interface RevisionPair {
  village_code: string;
  village_name: string;
  period: string;
  revised_at: string;
  reason: string | null;
  old: ReturnFigures;
  new: ReturnFigures;
}

export interface RevisedValue {
  village_code: string;
  village_name: string;
  period: string;
  field: RevisedField;
  old_value: number;
  new_value: number;
  difference: number;
  revised_at: string;
  reason: string | null;
}

/** One line per changed figure, total first; a revision that changed nothing gives none. */
export function revisedValues(pair: RevisionPair): RevisedValue[] {
  return REVISED_FIELDS.filter((f) => pair.old[f] !== pair.new[f]).map((field) => ({
    village_code: pair.village_code,
    village_name: pair.village_name,
    period: pair.period,
    field,
    old_value: pair.old[field],
    new_value: pair.new[field],
    difference: pair.new[field] - pair.old[field],
    revised_at: pair.revised_at,
    reason: pair.reason,
  }));
}

/** Columns of changes.csv, in order. */
export const CHANGE_COLUMNS = [
  "village_code",
  "village_name",
  "period",
  "field",
  "old_value",
  "new_value",
  "difference",
  "revised_at",
  "reason",
] as const;
