/** The vocabulary's labels the activity sections show (src/components/activity/labels.ts). */
import { describe, expect, it } from "vitest";
import { ACTIVITY_LABELS as ACTIVITY_TEXT } from "../../../../src/components/activity/labels.ts";
import { labels } from "../../../../src/lib/vocabulary.ts";

describe("labels", () => {
  it("are what the activity pages show, in both languages", () => {
    for (const lang of ["zh", "en"] as const) {
      const text = ACTIVITY_TEXT[lang];
      expect(text.projects.statuses).toEqual(labels("project_status", lang));
      expect(text.projects.categories).toEqual(labels("project_category", lang));
      expect(text.problems.statuses).toEqual(labels("problem_status", lang));
      expect(text.problems.categories).toEqual(labels("problem_category", lang));
      expect(text.problems.channels).toEqual(labels("problem_channel", lang));
      expect(text.targets.phases).toEqual(labels("target_phase", lang));
      expect(text.targets.statuses).toEqual(labels("target_status", lang));
      expect(text.targets.categories).toEqual(labels("target_category", lang));
    }
  });
});
