/**
 * Every documented public endpoint is called, and each response is checked against what
 * /api/openapi.json says: its status is documented, its content type too, its body
 * validates against the documented schema, and its documented headers are present.
 */
import { env, exports } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { validate } from "../support/json-schema.ts";
import { loadDatasetFixture } from "./dataset-fixture.ts";

type Schema = Record<string, unknown>;
interface Operation {
  parameters?: { name: string; in: string }[];
  responses: Record<
    string,
    { content?: Record<string, { schema: Schema }>; headers?: Record<string, unknown> }
  >;
}

let doc: Schema & { paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  await loadDatasetFixture(env.DB);
  const response = await exports.default.fetch(new Request("http://ledger.test/api/openapi.json"));
  doc = await response.json();
});

/** Calls for each documented path: successes and errors, with the statuses expected. */
const CALLS: Record<string, [query: string, status: number][]> = {
  "/api/v1/regions/{code}": [
    ["/api/v1/regions/450422", 200],
    ["/api/v1/regions/999999", 404],
    ["/api/v1/regions/12x", 400],
  ],
  "/api/v1/regions/{code}/summary": [
    ["/api/v1/regions/450422/summary", 200],
    ["/api/v1/regions/450422/summary?period=2025-12&release=2025-12", 200],
    ["/api/v1/regions/450422104211/summary?period=2025-06", 200],
    ["/api/v1/regions/450422/summary?period=2031-01", 404],
    ["/api/v1/regions/450422/summary?release=2019-01", 404],
    ["/api/v1/regions/450422/summary?period=1", 400],
  ],
  "/api/v1/regions/{code}/series": [
    ["/api/v1/regions/450422/series?indicator=coverage", 200],
    ["/api/v1/regions/450422/series?indicator=yoy_growth&release=2026-01", 200],
    ["/api/v1/regions/450422/series?indicator=nope", 400],
  ],
  "/api/v1/regions/{code}/children": [
    ["/api/v1/regions/45/children", 200],
    ["/api/v1/regions/45/children?level=village", 200],
    ["/api/v1/regions/45/children?level=planet", 400],
    ["/api/v1/regions/46/children", 404],
  ],
  "/api/v1/regions/{code}/charts/{file}": [
    ["/api/v1/regions/450422/charts/income.json", 200],
    ["/api/v1/regions/450422/charts/income.csv", 200],
    ["/api/v1/regions/450422/charts/coverage.xlsx?lang=en", 200],
    ["/api/v1/regions/450422/charts/sources.svg?period=2025-12", 200],
    ["/api/v1/regions/450422/charts/nope.csv", 400],
  ],
  "/api/v1/regions/{code}/projects": [
    ["/api/v1/regions/450422/projects", 200],
    ["/api/v1/regions/999999/projects", 404],
  ],
  "/api/v1/regions/{code}/problems": [
    ["/api/v1/regions/450422/problems", 200],
    ["/api/v1/regions/999999/problems", 404],
  ],
  "/api/v1/regions/{code}/targets": [
    ["/api/v1/regions/450422/targets", 200],
    ["/api/v1/regions/999999/targets", 404],
  ],
  "/api/v1/datasets": [["/api/v1/datasets", 200]],
  "/api/v1/datasets/{name}.csv": [
    ["/api/v1/datasets/village-income.csv?release=2025-12", 200],
    ["/api/v1/datasets/regions.csv?region=450422&bom=1", 200],
    ["/api/v1/datasets/village-income.csv?to=2025-13", 400],
    ["/api/v1/datasets/nope.csv", 404],
  ],
  "/api/v1/datasets/{name}.xlsx": [
    ["/api/v1/datasets/village-income.xlsx?release=2025-12", 200],
    ["/api/v1/datasets/regions.xlsx?region=450422&lang=en", 200],
    ["/api/v1/datasets/village-income.xlsx?lang=fr", 400],
    ["/api/v1/datasets/nope.xlsx", 404],
  ],
  "/api/v1/datasets/{name}.json": [
    ["/api/v1/datasets/region-indicators.json?limit=5", 200],
    ["/api/v1/datasets/problem-events.json?release=2026-01", 200],
    ["/api/v1/datasets/targets.json", 200],
    ["/api/v1/datasets/projects.json?release=2025-12", 200],
    ["/api/v1/datasets/problems.json?release=2026-01", 200],
    ["/api/v1/datasets/targets.json?release=2025-12", 200],
    ["/api/v1/datasets/work-teams.json?release=2025-12", 200],
    ["/api/v1/datasets/releases.json?release=2025-12", 200],
    ["/api/v1/datasets/releases.json?region=45", 400],
    ["/api/v1/datasets/village-income.json?release=2030-01", 404],
  ],
  "/api/v1/releases/{period}/changes.csv": [
    ["/api/v1/releases/2026-01/changes.csv", 200],
    ["/api/v1/releases/2026-1/changes.csv", 400],
    ["/api/v1/releases/2030-01/changes.csv", 404],
  ],
  "/api/v1/search": [
    ["/api/v1/search?q=lizhai", 200],
    ["/api/v1/search?q=4504&limit=3", 200],
    ["/api/v1/search?q=", 400],
  ],
  "/api/v1/compare/{file}": [
    ["/api/v1/compare/income.json?codes=450422,450422104211", 200],
    ["/api/v1/compare/income.xlsx?codes=450422,450422104211&lang=en", 200],
    ["/api/v1/compare/income.csv?codes=450422,45&period=2025-12&bom=1", 200],
    ["/api/v1/compare/income.csv?codes=450422,abc", 400],
    ["/api/v1/compare/income.csv?codes=450422,999999", 404],
  ],
  "/api/v1/rankings": [
    ["/api/v1/rankings?level=township&within=450422", 200],
    ["/api/v1/rankings?level=village", 400],
    ["/api/v1/rankings?level=county&within=99", 404],
  ],
};

describe("the OpenAPI document", () => {
  it("documents exactly the public endpoints called here", () => {
    const documented = Object.keys(doc.paths).filter((p) => p.startsWith("/api/v1/"));
    expect(documented.sort()).toEqual(Object.keys(CALLS).sort());
  });

  it("documents every parameter's limits and the 429 of the rate limit", () => {
    const json = doc.paths["/api/v1/datasets/{name}.json"]?.get as Operation;
    expect(json.parameters?.map((p) => p.name).sort()).toEqual(
      ["cursor", "from", "limit", "name", "region", "release", "to"].sort(),
    );
    expect(JSON.stringify(json)).toContain("at most 5000");
    expect(Object.keys(json.responses)).toEqual(
      expect.arrayContaining(["200", "304", "400", "404", "429"]),
    );
  });
});

describe("the validator", () => {
  it("rejects bodies that break the documented schema", () => {
    const schema = doc.paths["/api/v1/regions/{code}/summary"]?.get?.responses["200"]?.content?.[
      "application/json"
    ]?.schema as Schema;
    expect(validate({}, schema, doc).length).toBeGreaterThan(3);
    expect(validate({ region: { code: 45 } }, schema, doc).join("\n")).toMatch(
      /code: integer is not string/,
    );
    expect(validate([], schema, doc)).not.toEqual([]);
  });
});

describe("every response matches the document", () => {
  for (const [template, calls] of Object.entries(CALLS)) {
    for (const [path, expected] of calls) {
      it(`${path} → ${expected}`, async () => {
        const response = await exports.default.fetch(new Request(`http://ledger.test${path}`));
        expect(response.status).toBe(expected);
        const operation = doc.paths[template]?.get as Operation;
        const documented = operation.responses[String(response.status)];
        expect(documented, `status ${response.status} of ${template} is documented`).toBeDefined();
        const type = (response.headers.get("content-type") ?? "").split(";")[0] as string;
        const content = documented?.content?.[type];
        expect(content, `${type} of ${template} ${response.status} is documented`).toBeDefined();
        for (const header of Object.keys(documented?.headers ?? {})) {
          expect(response.headers.get(header), header).not.toBeNull();
        }
        const body = type.endsWith("json") ? await response.json() : await response.text();
        const errors = validate(body, content?.schema ?? {}, doc);
        expect(errors).toEqual([]);
      });
    }
  }
});
