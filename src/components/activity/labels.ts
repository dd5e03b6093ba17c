/**
 * The vocabulary's labels the projects, problems and targets sections show, by language:
 * the terms of src/lib/vocabulary.ts (data kept in both languages), through the translator.
 */
import { LANGS, translator, type Lang } from "../../i18n/index.ts";

function labelsIn(lang: Lang) {
  const t = translator(lang);
  return {
    projects: {
      statuses: t.labels("project_status"),
      categories: t.labels("project_category"),
    },
    problems: {
      statuses: t.labels("problem_status"),
      categories: t.labels("problem_category"),
      channels: t.labels("problem_channel"),
    },
    targets: {
      phases: t.labels("target_phase"),
      statuses: t.labels("target_status"),
      categories: t.labels("target_category"),
    },
  };
}

export const ACTIVITY_LABELS = Object.fromEntries(
  LANGS.map((lang) => [lang, labelsIn(lang)]),
) as Record<Lang, ReturnType<typeof labelsIn>>;
