/**
 * The open-data descriptions of src/lib/datapackage.ts checked against their standards' own
 * definitions (issue 12): the DCAT-AP catalogue (/data/catalog.jsonld, read as RDF) against
 * the DCAT-AP 3.0.1 SHACL shapes, and the data packages (/data/datapackage.json and each
 * release's bulk datapackage.json) against the Frictionless Data Package v2 JSON Schema
 * profiles, and their resources' paths and keys. Shapes and profiles are copies in
 * tests/fixtures/dcat-ap and tests/fixtures/frictionless (their READMEs say where from):
 * nothing is fetched, not even a JSON-LD context.
 */
import { readFileSync } from "node:fs";
import type { Quad, Term } from "@rdfjs/types";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import jsonld from "jsonld";
import { Parser, Store } from "n3";
import SHACLValidator from "rdf-validate-shacl";
import { describe, expect, it } from "vitest";
import { bulkDataPackage, dataPackage, dcatCatalog } from "../../../src/lib/datapackage.ts";
import { DATASETS } from "../../../src/lib/datasets.ts";

const ORIGIN = "https://village-ledger.example";
const UPDATED = "2026-10-20T02:00:00Z";

const fixture = (path: string) =>
  readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), "utf8");

/** A JSON-LD document loader that loads nothing: the catalogue's @context must be inline. */
async function refuseRemoteDocuments(url: string): Promise<never> {
  throw new Error(`JSON-LD tried to load ${url}: the catalogue's @context must be self-contained`);
}

/** The catalogue as served (JSON text), read as RDF: JSON-LD to N-Quads, then a dataset. */
async function catalogueGraph(): Promise<Store> {
  const served = JSON.parse(JSON.stringify(dcatCatalog(ORIGIN, UPDATED))) as object;
  const nquads = (await jsonld.toRDF(served, {
    format: "application/n-quads",
    documentLoader: refuseRemoteDocuments,
    // An @id or term that does not expand to an absolute IRI is an error, not a dropped triple.
    safe: true,
  } as jsonld.Options.ToRdf)) as unknown as string;
  return new Store(new Parser({ format: "N-Quads" }).parse(nquads));
}

function shapesGraph(files: readonly string[]): Store {
  const store = new Store();
  for (const file of files) {
    store.addQuads(new Parser({ format: "text/turtle" }).parse(fixture(`dcat-ap/${file}`)));
  }
  return store;
}

const SH = "http://www.w3.org/ns/shacl#";

/**
 * The profiles DCAT-AP 3.0.1 publishes, as the Interoperable Europe testbed combines them
 * (its "Full (individual constraints)", "Ranges", "Full" and "Controlled Vocabularies").
 */
const PROFILES: Record<string, readonly string[]> = {
  "individual constraints (shacl/dcat-ap-SHACL.ttl)": ["shacl/dcat-ap-SHACL.ttl"],
  // ranges.ttl adds range checks to the shapes of dcat-ap-SHACL.ttl (alone it names many
  // property shapes it does not define).
  "individual constraints with ranges (shacl/dcat-ap-SHACL.ttl + shacl/ranges.ttl)": [
    "shacl/dcat-ap-SHACL.ttl",
    "shacl/ranges.ttl",
  ],
  "base, ranges, recommendations and deprecations (html/shacl)": [
    "html/shacl/shapes.ttl",
    "html/shacl/range.ttl",
    "html/shacl/shapes_recommended.ttl",
    "html/shacl/deprecateduris.ttl",
  ],
  "controlled vocabularies (html/shacl/mdr-vocabularies.shape.ttl)": [
    "html/shacl/mdr-vocabularies.shape.ttl",
  ],
};

interface Finding {
  severity: string;
  line: string;
}

async function validate(data: Store, files: readonly string[]): Promise<Finding[]> {
  const shapes = shapesGraph(files);
  const validator = new SHACLValidator(shapes, {
    // deprecateduris.ttl owl:imports the ADMS status vocabulary; nothing is fetched, and the
    // catalogue uses no adms:status.
    importGraph: () => new Store(),
  });
  const report = await validator.validate(data);
  const name = (term: Term | null | undefined): string => {
    if (!term) return "-";
    if (term.termType !== "BlankNode") return term.value;
    // A blank node is named by what points at it.
    const [from] = data.getQuads(null, null, term, null) as Quad[];
    return from ? `${name(from.subject)} ${from.predicate.value} [${term.value}]` : term.value;
  };
  // The shapes carry few messages: say which constraint failed, with its parameter
  // (sh:ClassConstraintComponent and the shape's sh:class, and so on).
  const constraint = (component: Term | null | undefined, shape: Term | null | undefined) => {
    const kind = component?.value.replace(SH, "").replace(/ConstraintComponent$/, "") ?? "";
    const parameter = `${SH}${kind.charAt(0).toLowerCase()}${kind.slice(1)}`;
    const values = shape ? shapes.getObjects(shape, parameter, null).map((o) => name(o)) : [];
    return `sh:${kind} ${values.join(", ")}`.trim();
  };
  return report.results.map((r) => ({
    severity: r.severity?.value.replace(SH, "sh:") ?? "sh:Violation",
    line: [
      r.severity?.value.replace(SH, "") ?? "Violation",
      `focus: ${name(r.focusNode)}`,
      `path: ${name(r.path)}`,
      `value: ${name(r.value)}`,
      `constraint: ${constraint(r.sourceConstraintComponent, r.sourceShape)}`,
      `message: ${r.message.map((m) => m.value).join(" / ") || "-"}`,
      `shape: ${name(r.sourceShape)}`,
    ].join(" | "),
  }));
}

describe("the DCAT-AP catalogue", () => {
  it("reads as RDF without fetching anything, with its permanent identifiers", async () => {
    const data = await catalogueGraph();
    const dcat = "http://www.w3.org/ns/dcat#";
    const datasets = data.getSubjects(
      "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
      `${dcat}Dataset`,
      null,
    );
    expect(datasets.map((d) => d.value).sort()).toEqual(
      DATASETS.map((d) => `${ORIGIN}/data#${d.name}`).sort(),
    );
    expect(
      data.getQuads(`${ORIGIN}/data/catalog.jsonld`, `${dcat}dataset`, null, null),
    ).toHaveLength(DATASETS.length);
  });

  for (const [profile, files] of Object.entries(PROFILES)) {
    it(`has no violations of the DCAT-AP 3.0.1 shapes: ${profile}`, async () => {
      const findings = await validate(await catalogueGraph(), files);
      const violations = findings.filter((f) => f.severity === "sh:Violation").map((f) => f.line);
      expect(violations).toEqual([]);
    });
  }
});

/** The Frictionless v2 profiles (draft-07), with their editor-only keywords and format. */
function frictionless() {
  // Unknown keywords and formats are errors (strictSchema); strictTypes, strictTuples and
  // strictRequired judge how a schema is written, not the data, and the profiles leave
  // "type" out beside some keywords and require members defined in another branch.
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
  });
  addFormats(ajv);
  // "textarea" is a hint for form editors, not a format to check.
  ajv.addFormat("textarea", true);
  // Annotations of the profiles that JSON Schema does not define (they constrain nothing).
  for (const keyword of ["propertyOrder", "context", "options", "hidden", "notes", "item"]) {
    ajv.addKeyword(keyword);
  }
  const load = (name: string) =>
    ajv.compile(JSON.parse(fixture(`frictionless/${name}.json`)) as object);
  return {
    datapackage: load("datapackage"),
    dataresource: load("dataresource"),
    tableschema: load("tableschema"),
    tabledialect: load("tabledialect"),
  };
}

type Validate = ReturnType<typeof frictionless>["datapackage"];

function errors(validate: Validate, value: unknown, where: string): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (e) =>
      `${where}${e.instancePath} ${e.message ?? ""} (${e.schemaPath} ${JSON.stringify(e.params)})`,
  );
}

interface Package {
  $schema: string;
  resources: {
    name: string;
    path: string;
    dialect: unknown;
    schema: { foreignKeys?: unknown[] };
  }[];
}

/** A package as served: JSON text, so undefined members are gone. */
const served = (pkg: unknown) => JSON.parse(JSON.stringify(pkg)) as Package;

/** Every error of a package: as a package, then each resource, table schema and dialect. */
function packageErrors(pkg: Package): string[] {
  const profiles = frictionless();
  return [
    ...errors(profiles.datapackage, pkg, "package"),
    ...pkg.resources.flatMap((r) => [
      ...errors(profiles.dataresource, r, `resource ${r.name}`),
      ...errors(profiles.tableschema, r.schema, `resource ${r.name} schema`),
      ...errors(profiles.tabledialect, r.dialect, `resource ${r.name} dialect`),
    ]),
  ];
}

describe("the Frictionless data packages", () => {
  it("the whole data package meets the v2 profiles, with absolute paths", () => {
    const pkg = served(dataPackage(ORIGIN, UPDATED));
    expect(packageErrors(pkg)).toEqual([]);
    expect(pkg.$schema).toBe("https://datapackage.org/profiles/2.0/datapackage.json");
    for (const r of pkg.resources) {
      expect(r.path).toBe(`${ORIGIN}/api/v1/datasets/${r.name}.csv`);
    }
  });

  it("without an update time too", () => {
    expect(packageErrors(served(dataPackage(ORIGIN, null)))).toEqual([]);
  });

  it("a release's bulk data package meets the v2 profiles", () => {
    const files = new Map(DATASETS.map((d, i) => [d.name, { bytes: 1000 + i, rows: 10 * i }]));
    const pkg = served(bulkDataPackage("2026-09", "2026-10-01T02:00:00Z", files));
    expect(packageErrors(pkg)).toEqual([]);
    expect(pkg.resources.map((r) => [r.name, r.path])).toEqual(
      DATASETS.map((d) => [d.name, `${d.name}.csv.gz`]),
    );
  });

  it("keeps foreign keys where a dataset has them, and says nothing where it has none", () => {
    const pkg = served(dataPackage(ORIGIN, UPDATED));
    for (const def of DATASETS) {
      const r = pkg.resources.find((x) => x.name === def.name);
      expect(r?.schema.foreignKeys?.length ?? 0, def.name).toBe(def.foreignKeys.length);
      if (def.foreignKeys.length === 0) expect(r?.schema).not.toHaveProperty("foreignKeys");
    }
  });
});

describe("dataPackage", () => {
  it("describes every dataset with absolute paths and keys among its fields", () => {
    const pkg = dataPackage("https://ledger.example", "2026-11-10T02:00:00Z") as {
      resources: { path: string; schema: { fields: { name: string }[]; primaryKey: string[] } }[];
    };
    expect(pkg.resources).toHaveLength(DATASETS.length);
    for (const r of pkg.resources) {
      expect(r.path).toMatch(/^https:\/\/ledger\.example\/api\/v1\/datasets\/[a-z-]+\.csv$/);
      const names = r.schema.fields.map((f) => f.name);
      expect(r.schema.primaryKey.every((k) => names.includes(k))).toBe(true);
    }
  });
});
