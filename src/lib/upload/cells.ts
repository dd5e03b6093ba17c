/**
 * Cell parsers shared by the upload kinds: each turns the text of one cell into a value or
 * a Chinese message naming what is wrong, as people write it in Excel or WPS.
 */
import { z } from "zod";
import { matchTerm, terms, type VocabularyKey, type VocabularyName } from "../vocabulary.ts";

/**
 * A cell holding a term of a vocabulary (src/lib/vocabulary.ts): its key, label or alias
 * as matchTerm reads it (NFKC, spaces ignored) becomes the key; anything else is an issue
 * that shows the value as given and the accepted labels, e.g.
 * “已竣工”不是有效的项目状态，应为：计划中、在建、已完工、暂停.
 */
export function choice<N extends VocabularyName>(name: N, what: string) {
  return z.string().transform((value, ctx) => {
    const term = matchTerm(name, value);
    if (term) return term.key as VocabularyKey<N>;
    ctx.addIssue({
      code: "custom",
      message: `“${value}”不是有效的${what}，应为：${terms(name)
        .map((t) => t.zh)
        .join("、")}`,
    });
    return z.NEVER;
  });
}

export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const date = z
  .string()
  .refine((v) => DATE.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), {
    error: (i) => `“${String(i.input)}”不是日期，应写成 2026-11-15`,
  });
export const id = z
  .string()
  .regex(/^\d{1,9}$/, { error: (i) => `“${String(i.input)}”不是编号` })
  .transform(Number);
export const text = (max: number) =>
  z
    .string()
    .max(max, { error: `不能超过${max}字` })
    .transform((v) => v.trim() || null);
export const wholeNumber = (what: string, max: number) =>
  z.string().transform((value, ctx) => {
    const v = value.replace(/[,，\s%％]/g, "");
    if (!/^-?\d+(\.0*)?$/.test(v)) {
      ctx.addIssue({ code: "custom", message: `“${value}”不是整数${what}` });
      return z.NEVER;
    }
    const n = Number(v.split(".")[0]);
    if (n < 0 || n > max) {
      ctx.addIssue({ code: "custom", message: `“${value}”超出范围（0—${max}）` });
      return z.NEVER;
    }
    return n;
  });

/** A decimal number, or null for an empty cell. */
export const decimal = z.string().transform((value, ctx) => {
  const v = value.replace(/[,，\s]/g, "");
  if (v === "") return null;
  if (!/^-?\d+(\.\d+)?$/.test(v)) {
    ctx.addIssue({ code: "custom", message: `“${value}”不是数字` });
    return z.NEVER;
  }
  return Number(v);
});
