/** zod schemas of the projects, problems and targets endpoints (and their OpenAPI part). */
import { z } from "@hono/zod-openapi";
import { PROBLEM_CATEGORIES, PROBLEM_CHANNELS } from "../src/db/problems.ts";
import { PROJECT_CATEGORIES, PROJECT_STATUSES } from "../src/db/projects.ts";
import { TARGET_CATEGORIES, TARGET_PHASES, TARGET_STATUSES } from "../src/db/targets.ts";
import { PROBLEM_STATUSES } from "../src/lib/problem-indicators.ts";
import { RegionRefSchema } from "./schemas.ts";

export const MAX_PER_PAGE = 50;

export const PageQuery = z.object({
  page: z.coerce
    .number({ error: "must be a whole number from 1 up" })
    .int({ error: "must be a whole number from 1 up" })
    .min(1, { error: "must be a whole number from 1 up" })
    .default(1)
    .openapi({
      param: { name: "page", in: "query" },
      description: "Which page of the list (1 = first). A page past the end has no items.",
      example: 1,
    }),
  per_page: z.coerce
    .number({ error: `must be a whole number from 1 to ${MAX_PER_PAGE}` })
    .int({ error: `must be a whole number from 1 to ${MAX_PER_PAGE}` })
    .min(1, { error: `must be a whole number from 1 to ${MAX_PER_PAGE}` })
    .max(MAX_PER_PAGE, { error: `must be a whole number from 1 to ${MAX_PER_PAGE}` })
    .default(20)
    .openapi({
      param: { name: "per_page", in: "query" },
      description: `Items per page, 1 to ${MAX_PER_PAGE}.`,
      example: 20,
    }),
});

const Ratio = z
  .object({ value: z.number().nullable(), numerator: z.number(), denominator: z.number() })
  .openapi("Ratio");
const Median = z
  .object({
    value: z.number().nullable().openapi({ description: "Days; null when there are no cases." }),
    sample: z.number().openapi({ description: "How many problems the median is taken over." }),
  })
  .openapi("MedianDays");
const Paging = z
  .object({ page: z.number(), per_page: z.number(), total: z.number(), pages: z.number() })
  .openapi("Paging");
const Place = z.object({ code: z.string(), name: z.string() });
const counts = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<T[number], z.ZodNumber>);

const Context = {
  region: RegionRefSchema,
  data_date: z
    .string()
    .nullable()
    .openapi({
      description:
        "Status is as of this day (YYYY-MM-DD), the end of the latest period of the data; " +
        "overdue means past a due date before it.",
    }),
  data_updated_at: z.string().nullable(),
  sample_data: z.boolean(),
  paging: Paging,
};

const Sums = z.object({ projects: z.number(), budget: z.number(), invested: z.number() });

export const ProjectsResponse = z
  .object({
    ...Context,
    summary: Sums.extend({
      overdue: z.number(),
      invested_share: Ratio,
      by_status: counts(PROJECT_STATUSES),
      by_category: z.object(
        Object.fromEntries(PROJECT_CATEGORIES.map((c) => [c, Sums])) as Record<
          (typeof PROJECT_CATEGORIES)[number],
          typeof Sums
        >,
      ),
      by_batch: z.array(Sums.extend({ batch: z.string() })),
    }),
    items: z.array(
      z.object({
        id: z.number(),
        title: z.string(),
        region: Place,
        category: z.enum(PROJECT_CATEGORIES),
        supporting_unit: z.string().nullable(),
        batch: z.string().nullable(),
        start_date: z.string(),
        planned_completion: z.string(),
        completed_date: z.string().nullable(),
        budget: z.number().openapi({ description: "Yuan." }),
        invested: z.number().openapi({ description: "Yuan invested to date." }),
        progress: z.number().openapi({ description: "Percent complete, 0-100." }),
        status: z.enum(PROJECT_STATUSES),
        overdue: z.boolean(),
      }),
    ),
  })
  .openapi("RegionProjects");

export const ProblemsResponse = z
  .object({
    ...Context,
    summary: z.object({
      collected: z.number(),
      by_status: counts(PROBLEM_STATUSES),
      reached: z.object({ claimed: z.number(), resolved: z.number(), closed: z.number() }),
      unresolved: z.number(),
      overdue: z.number(),
      resolution_rate: Ratio.openapi({ description: "办结率 = (resolved + closed) / collected." }),
      median_days_to_claim: Median,
      median_days_to_resolve: Median,
    }),
    by_department: z.array(
      z.object({ department: z.string().nullable(), unresolved: z.number(), overdue: z.number() }),
    ),
    items: z.array(
      z.object({
        id: z.number(),
        title: z.string(),
        region: Place,
        project: z.object({ id: z.number(), title: z.string().nullable() }).nullable(),
        category: z.enum(PROBLEM_CATEGORIES),
        channel: z.enum(PROBLEM_CHANNELS),
        raised_on: z.string(),
        due_on: z.string().nullable(),
        department: z.string().nullable(),
        claimed_on: z.string().nullable(),
        resolved_on: z.string().nullable(),
        closed_on: z.string().nullable(),
        status: z.enum(PROBLEM_STATUSES),
        overdue: z.boolean(),
        events: z.array(
          z.object({
            status: z.enum(PROBLEM_STATUSES),
            date: z.string(),
            department: z.string().nullable(),
            note: z.string().nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi("RegionProblems");

export const TargetsResponse = z
  .object({
    ...Context,
    summary: z.object({
      targets: z.number(),
      signed_off: z.number(),
      by_phase: counts(TARGET_PHASES),
      by_status: counts(TARGET_STATUSES),
      by_phase_status: z.object(
        Object.fromEntries(TARGET_PHASES.map((p) => [p, counts(TARGET_STATUSES)])) as Record<
          (typeof TARGET_PHASES)[number],
          ReturnType<typeof counts<typeof TARGET_STATUSES>>
        >,
      ),
      teams: z.object({
        teams: z.number(),
        members: z.number().openapi({ description: "Team members, a count only." }),
        villages: z.number(),
        units: z.number().openapi({ description: "Distinct dispatching units." }),
      }),
      units: z.array(z.object({ unit: z.string(), teams: z.number(), members: z.number() })),
    }),
    items: z.array(
      z.object({
        id: z.number(),
        title: z.string(),
        village: Place,
        dispatching_unit: z.string(),
        category: z.enum(TARGET_CATEGORIES),
        phase: z.enum(TARGET_PHASES),
        status: z.enum(TARGET_STATUSES),
        measures: z.array(z.string()),
        metric: z.string(),
        unit: z.string(),
        baseline: z.number(),
        target: z.number(),
        actual: z.number().nullable(),
        progress: z.number().nullable().openapi({
          description: "(actual − baseline) / (target − baseline); 1 = target reached.",
        }),
        due_on: z.string(),
        signed_off_by: z.string().nullable(),
      }),
    ),
  })
  .openapi("RegionTargets");
