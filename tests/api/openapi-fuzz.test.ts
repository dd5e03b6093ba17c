/**
 * The API fuzzed from its own contract: for every GET operation under /api/v1 in
 * /api/openapi.json, fast-check draws path and query parameters from each parameter's
 * documented schema (enums, patterns, integer ranges, with codes and periods that exist in
 * the fixture) mixed with hostile strings (FTS5 syntax, 10,000+ characters, control
 * characters and NUL, lone surrogates, invalid percent-encoding, huge, negative and
 * non-finite numbers, empty values, repeated and unknown parameters). The URL is written
 * by hand, so that invalid percent-encoding reaches the Worker as sent.
 *
 * Properties, for every request: no status ≥ 500; the answer is a 304, or a status the
 * operation documents, with a documented content type and documented headers, whose body
 * validates against the documented schema; an error is problem+json whose status is the
 * response's, with a detail and a Chinese detail_zh. And a value that breaks its parameter's
 * schema (as the server receives it: not written raw, not repeated) is refused: 400 (404 for
 * a path parameter: no such dataset, or an empty segment), as is a missing required one.
 * A request that the Request constructor refuses would be skipped and counted: the counts
 * of what was sent and answered are printed per operation at the end.
 *
 * The seed is fixed (SEED below, one per operation after it), so every run sends the same
 * requests; a failure prints the seed, the shrunk counterexample and its URL. Change SEED
 * to explore other inputs.
 */
import { env, exports } from "cloudflare:workers";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reindexSubtree } from "../../src/db/search.ts";
import { validate } from "../support/json-schema.ts";
import { PROBLEMS } from "./activity-fixture.ts";
import { loadDatasetFixture } from "./dataset-fixture.ts";
import { PERIODS, REGIONS } from "./fixture.ts";

type Schema = Record<string, unknown>;
interface Parameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: Schema;
}
interface Operation {
  parameters?: Parameter[];
  responses: Record<
    string,
    { content?: Record<string, { schema: Schema }>; headers?: Record<string, unknown> }
  >;
}
type Doc = Schema & { paths: Record<string, Record<string, Operation>> };

const SEED = 20_260_112;
const NUM_RUNS = 150;
const ORIGIN = "http://ledger.test";

/** The document, read before the tests are declared: they are made from its operations. */
const doc: Doc = await (
  await exports.default.fetch(new Request(`${ORIGIN}/api/openapi.json`))
).json();
// ---------------------------------------------------------------------------------------
// Values

/** Codes that exist in the fixture, and well-formed ones that do not. */
const CODES = [
  ...REGIONS.map(([code]) => code),
  "47",
  "4599",
  "450423",
  "450422107",
  "450422104299",
];
/** A province without any data: its summary has no indicators, its ranking rows no value. */
const NO_DATA = "46";
/** Words that find regions of the fixture: names, parts of them, pinyin, initials, codes. */
const WORDS = [
  ...REGIONS.map(([, name]) => name),
  "黎寨",
  "寨",
  "lizhai",
  "li zhai",
  "lz",
  "LiZhai",
  "zhai",
  "tengxian",
  "梧州",
  "海南",
  "4504",
  "450422104",
];
/** Periods with data, the releases (published and provisional), and months without data. */
const MONTHS = [...PERIODS, "2025-12", "2026-01", "2026-02", "2024-11", "2030-01", "1900-01"];

/** Strings meant to break something: the query syntax of FTS5, SQL, encodings, sizes. */
const HOSTILE: string[] = [
  "",
  " ",
  '"',
  '""',
  "*",
  "li*",
  '"lizhai"*',
  "NEAR(",
  "NEAR(li zhai, 2)",
  "AND OR NOT",
  "li AND zhai",
  "NOT",
  "^",
  "^li",
  ":",
  "names : lizhai",
  "{names parts}: li",
  "(",
  ")",
  "-",
  "+",
  "' OR 1=1 --",
  "450422' --",
  "%' OR '1'='1",
  "_",
  "\\",
  "a".repeat(10_001),
  "4".repeat(12_000),
  "黎".repeat(10_000),
  "2025-12".repeat(1_500),
  "\u0000",
  "a\u0000b",
  "450422\u0000",
  "2025-12\u0000",
  "\u0001\u001f\u007f",
  "\t\n\r",
  "2025-12\n",
  "450422 ",
  "\u2028\u2029",
  "\ufeff450422",
  "\u200b",
  "\ud800",
  "\udc00x",
  "x\ud83d",
  "４５０４２２",
  "２０２５-１２",
  "①",
  "Ⅷ",
  "ǅ",
  "İ",
  "ﬁ",
  "__proto__",
  "constructor",
  "toString",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
];

/** Written into the URL as they are: percent signs that do not decode. */
const RAW_PERCENT = [
  "%",
  "%%",
  "%zz",
  "%2",
  "%E4%B8",
  "%E4%B8%",
  "%C0%AF",
  "%FF",
  "%FE%FF",
  "%ED%A0%80",
  "%F4%90%80%80",
  "%00",
  "%25",
  "%2F",
  "%2e%2e%2F",
  "450422%",
  "2025-12%",
  "%E9%BB%8E%E5%AF%A8",
];

const NUMBERS = [
  "0",
  "-0",
  "-1",
  "-9999999999",
  "1.5",
  "1e3",
  "1e309",
  "-1e309",
  "NaN",
  "Infinity",
  "-Infinity",
  "0x10",
  "0b11",
  "+5",
  " 7",
  "1_000",
  "1,5",
  "9007199254740991",
  "9007199254740993",
  "18446744073709551616",
  "9".repeat(400),
  "1".repeat(10_001),
];

/** Names a parameter may have though no operation takes it. */
const UNKNOWN_NAMES = [
  "unknown",
  "",
  "__proto__",
  "constructor",
  "hasOwnProperty",
  "q[]",
  "a.b",
  "%zz",
  "x".repeat(10_001),
  "release",
  "period",
  "cursor",
  "limit",
];

/** base64url of JSON: the shape of a cursor, with whatever inside. */
const cursorOf = (value: unknown) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value) ?? "null")))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

const cursorArb = fc
  .array(
    fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(...CODES, ...MONTHS, ...HOSTILE.filter((h) => h.length < 40)),
      fc.integer(),
      fc.double(),
      fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER, -0, 0.5, null, true),
      fc.array(fc.integer(), { maxLength: 2 }),
    ),
    { maxLength: 5 },
  )
  .map(cursorOf);

/** A next_cursor the API itself gave, to send to every dataset (mostly the wrong one). */
let realCursor = "";

beforeAll(async () => {
  await loadDatasetFixture(env.DB);
  // Problem lists too (the dataset fixture has none), so that their items are checked.
  const projects = new Set([1, 2]);
  const regions = new Set(REGIONS.map(([code]) => code));
  const rows = PROBLEMS.filter((p) => regions.has(p[1]));
  await env.DB.batch(
    rows.flatMap((p) => [
      env.DB.prepare(
        `INSERT INTO problems (id, region_code, project_id, title, category, channel, raised_on,
           due_on, department, claimed_on, resolved_on, closed_on, status, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, '2026-01-10T02:00:00Z')`,
      ).bind(...p.map((v, i) => (i === 2 && !projects.has(v as number) ? null : v))),
      env.DB.prepare(
        `INSERT INTO problem_events (problem_id, status, event_date, department, note, recorded_at)
         VALUES (?1, 'open', ?2, NULL, '收集', '2026-01-10T02:00:00Z')`,
      ).bind(p[0], p[6]),
    ]),
  );
  // A province without any data, and the search index of every region.
  await env.DB.prepare(
    "INSERT INTO regions (code, name, level, parent_code, kind) VALUES (?1, '海南省', 'province', NULL, 'area')",
  )
    .bind(NO_DATA)
    .run();
  await reindexSubtree(env.DB, "45");
  await reindexSubtree(env.DB, NO_DATA);
  const page = await (
    await exports.default.fetch(
      new Request(`${ORIGIN}/api/v1/datasets/village-income.json?limit=1`),
    )
  ).json<{ next_cursor: string }>();
  realCursor = page.next_cursor;
});

/** Valid values of a parameter, from its documented schema (and the fixture's data). */
function validValues(param: Parameter): fc.Arbitrary<string> {
  const schema = param.schema ?? {};
  const options: fc.Arbitrary<string>[] = [];
  if (Array.isArray(schema.enum)) options.push(fc.constantFrom(...schema.enum.map(String)));
  if (typeof schema.pattern === "string") {
    const pattern = new RegExp(schema.pattern);
    const known = [...CODES, ...MONTHS].filter((v) => pattern.test(v));
    // Mostly values the fixture knows (and its province without data), else any match.
    if (known.length > 0) options.push(fc.constantFrom(...known), fc.constantFrom(...known));
    if (pattern.test(NO_DATA)) options.push(fc.constant(NO_DATA));
    options.push(fc.stringMatching(pattern));
  }
  if (schema.type === "integer" || schema.type === "number") {
    const min = typeof schema.minimum === "number" ? schema.minimum : -1_000_000;
    const max = typeof schema.maximum === "number" ? schema.maximum : Number.MAX_SAFE_INTEGER;
    options.push(fc.integer({ min, max: Math.min(max, min + 100) }).map(String));
    options.push(
      fc
        .maxSafeInteger()
        .filter((n) => n >= min && n <= max)
        .map(String),
    );
    options.push(fc.constantFrom(String(min), String(max)));
  }
  if (schema.type === "string" && !schema.pattern && !schema.enum) {
    const maxLength = typeof schema.maxLength === "number" ? schema.maxLength : 60;
    options.push(fc.string({ maxLength }));
    if (param.name !== "cursor") options.push(fc.constantFrom(...WORDS));
    if (param.name === "cursor") options.push(cursorArb, fc.constant(realCursor));
  }
  for (const key of ["example", "default"] as const) {
    const value = (param as unknown as Schema)[key] ?? schema[key];
    if (typeof value === "string" || typeof value === "number")
      options.push(fc.constant(String(value)));
  }
  if (options.length === 0) options.push(fc.string({ maxLength: 20 }));
  return fc.oneof(...options);
}

/** Anything: hostile strings, numbers as text, arbitrary code points, a lone surrogate. */
const hostileValues: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 4 },
  { arbitrary: fc.constantFrom(...NUMBERS), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 30 }), weight: 2 },
  {
    arbitrary: fc
      .tuple(
        fc.constantFrom(...CODES, ...MONTHS),
        fc.constantFrom(...HOSTILE.filter((h) => h.length < 40)),
      )
      .map(([valid, junk]) => valid + junk),
    weight: 2,
  },
);

// ---------------------------------------------------------------------------------------
// URLs

/** How a value is written into the URL. */
type Mode = "encoded" | "raw" | "plus";
interface Value {
  value: string;
  mode: Mode;
}
interface Input {
  path: Record<string, Value>;
  query: { name: string; value: Value | null }[];
  ifNoneMatch: string | null;
}

/** UTF-8 percent-encoding of every byte but unreserved characters; a lone surrogate as the
 * 3 bytes it would take (WTF-8), which no UTF-8 decoder accepts. */
function percentEncode(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    let cp = unit;
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      cp = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (cp < 0x80 && /[A-Za-z0-9\-._~]/.test(String.fromCharCode(cp))) {
      out += String.fromCharCode(cp);
      continue;
    }
    const bytes =
      cp < 0x80
        ? [cp]
        : cp < 0x800
          ? [0xc0 | (cp >> 6), 0x80 | (cp & 63)]
          : cp < 0x10000
            ? [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)]
            : [
                0xf0 | (cp >> 18),
                0x80 | ((cp >> 12) & 63),
                0x80 | ((cp >> 6) & 63),
                0x80 | (cp & 63),
              ];
    out += bytes.map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
  }
  return out;
}

/** A value as written in a path segment or a query: raw values keep the URL's structure. */
function write({ value, mode }: Value, where: "path" | "query"): string {
  if (mode === "encoded") return percentEncode(value);
  if (mode === "plus") return percentEncode(value).replaceAll("%20", "+");
  // Raw: as typed, but what would end the segment, the query or the URL is encoded, and a
  // path segment of dots (which the URL parser removes) gets a prefix.
  const structural = where === "path" ? /[/\\?#]/g : /[#&=]/g;
  const text = value.replace(structural, (c) => percentEncode(c));
  return where === "path" && /^(\.|%2e){1,2}$/i.test(text) ? `x${text}` : text;
}

function urlOf(template: string, input: Input): string {
  const path = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = input.path[name];
    if (!value) throw new Error(`no value for the path parameter ${name}`);
    return write(value, "path");
  });
  const query = input.query
    .map(({ name, value }) =>
      value === null ? percentEncode(name) : `${percentEncode(name)}=${write(value, "query")}`,
    )
    .join("&");
  return `${ORIGIN}${path}${query ? `?${query}` : ""}`;
}

const MODES = fc.constantFrom<Mode>("encoded", "encoded", "raw", "plus");

/** A value of a parameter: valid ones only, or mixed with hostile ones and bad encodings. */
function valueArb(param: Parameter, clean: boolean): fc.Arbitrary<Value> {
  if (clean) return fc.record({ value: validValues(param), mode: MODES });
  return fc.oneof(
    {
      arbitrary: fc.record({
        value: fc.oneof(
          { arbitrary: validValues(param), weight: 1 },
          { arbitrary: hostileValues, weight: 1 },
        ),
        mode: MODES,
      }),
      weight: 9,
    },
    {
      arbitrary: fc.record({
        value: fc.constantFrom(...RAW_PERCENT),
        mode: fc.constant<Mode>("raw"),
      }),
      weight: 1,
    },
  );
}

/**
 * A request of an operation. Clean: every parameter valid (which reaches the data with many
 * combinations); otherwise each parameter is as likely hostile as valid, required ones are
 * now and then absent, some are repeated. Both may carry unknown parameters.
 */
function requestArb(operation: Operation, clean: boolean): fc.Arbitrary<Input> {
  const parameters = operation.parameters ?? [];
  const path = Object.fromEntries(
    parameters.filter((p) => p.in === "path").map((p) => [p.name, valueArb(p, clean)]),
  );
  const documented = parameters
    .filter((p) => p.in === "query")
    .map((p) =>
      fc
        .oneof(
          { arbitrary: fc.constant(0), weight: p.required ? (clean ? 0 : 1) : 5 },
          { arbitrary: fc.constant(1), weight: p.required ? 10 : 4 },
          { arbitrary: fc.constant(2), weight: clean ? 0 : 1 },
        )
        .chain((count) => fc.array(valueArb(p, clean), { minLength: count, maxLength: count }))
        .map((values) => values.map((value) => ({ name: p.name, value }))),
    );
  const unknown = fc.array(
    fc.record({
      name: fc.oneof(fc.constantFrom(...UNKNOWN_NAMES), fc.string({ maxLength: 8 })),
      value: fc.option(valueArb({ name: "unknown", in: "query" }, false), { freq: 8 }),
    }),
    { maxLength: clean ? 1 : 2 },
  );
  return fc.record({
    path: fc.record(path),
    query: fc
      .tuple(fc.tuple(...documented), unknown, fc.boolean())
      .map(([known, extra, reverse]) => {
        const all = [...known.flat(), ...extra];
        return reverse ? all.reverse() : all;
      }),
    ifNoneMatch: fc.oneof(
      { arbitrary: fc.constant(null), weight: 12 },
      { arbitrary: fc.constantFrom("*", '"nope"', "W/*", ",", ""), weight: 1 },
    ),
  });
}

function inputArb(operation: Operation): fc.Arbitrary<Input> {
  return fc.oneof(
    { arbitrary: requestArb(operation, true), weight: 2 },
    { arbitrary: requestArb(operation, false), weight: 3 },
  );
}

// ---------------------------------------------------------------------------------------
// The check

const HAN = /\p{Script=Han}/u;
/** Whether a string has a lone surrogate (which cannot be sent as itself). */
const hasLoneSurrogate = (text: string) =>
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

/**
 * Whether a value the server receives breaks its parameter's documented schema: true, false,
 * or null when the document does not decide (an integer written as 0x10, 1e3 or +5, which
 * the API reads leniently as the number it denotes).
 */
function breaks(schema: Schema, value: string): boolean | null {
  if (Array.isArray(schema.enum) && !schema.enum.map(String).includes(value)) return true;
  if (typeof schema.pattern === "string" && !new RegExp(schema.pattern).test(value)) return true;
  // Measured as the API does (q: "spaces and punctuation are ignored"), without the spaces
  // around the value.
  if (typeof schema.maxLength === "number" && value.trim().length > schema.maxLength) return true;
  if (schema.type === "integer" || schema.type === "number") {
    const number = Number(value);
    if (!value.trim() || !Number.isFinite(number)) return true;
    if (!/^-?[0-9]+$/.test(value)) return null;
    if (typeof schema.minimum === "number" && number < schema.minimum) return true;
    if (typeof schema.maximum === "number" && number > schema.maximum) return true;
  }
  return false;
}

/** The value the server decodes, when it is exactly the one generated (else null). */
function received(value: Value | null, where: "path" | "query"): string | null {
  if (value === null) return "";
  if (hasLoneSurrogate(value.value)) return null;
  if (value.mode === "encoded" || (value.mode === "plus" && where === "query")) return value.value;
  return null;
}

/**
 * The statuses a request must get because a parameter breaks the document: a path parameter
 * 400 or 404 (no such dataset, or no route for an empty segment), a query parameter 400, a
 * required one missing 400. Null when nothing is known to be wrong (or it cannot be told:
 * a raw or repeated value, an integer read leniently).
 */
function refusal(operation: Operation, input: Input): number[] | null {
  const parameters = operation.parameters ?? [];
  // A path parameter that cannot be told valid may answer 404 before the query is read.
  let pathUnknown = false;
  for (const p of parameters.filter((p) => p.in === "path")) {
    const value = received(input.path[p.name] ?? null, "path");
    const broken = value === null ? null : breaks(p.schema ?? {}, value);
    if (broken) return [400, 404];
    if (broken === null) pathUnknown = true;
  }
  const queryRefused = pathUnknown ? [400, 404] : [400];
  for (const p of parameters.filter((p) => p.in === "query")) {
    const sent = input.query.filter((q) => q.name === p.name);
    if (sent.length === 0 && p.required) return queryRefused;
    if (sent.length !== 1) continue;
    const value = received(sent[0]?.value ?? null, "query");
    if (value !== null && breaks(p.schema ?? {}, value)) return queryRefused;
  }
  return null;
}

/** What is wrong with a response, against the operation's documentation (empty: nothing). */
async function conformance(operation: Operation, response: Response): Promise<string[]> {
  const text = await response.text();
  const status = response.status;
  if (status >= 500) return [`status ${status}: ${text.slice(0, 600)}`];
  if (status === 304) return [];
  const documented = operation.responses[String(status)];
  if (!documented) {
    return [
      `status ${status} is not documented (${Object.keys(operation.responses).join(", ")}): ${text.slice(0, 300)}`,
    ];
  }
  const type = (response.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
  const content = documented.content?.[type];
  if (!content) return [`content type "${type}" of status ${status} is not documented`];
  const errors: string[] = [];
  for (const header of Object.keys(documented.headers ?? {})) {
    if (response.headers.get(header) === null) errors.push(`header ${header} is missing`);
  }
  let body: unknown = text;
  if (type.endsWith("json")) {
    try {
      body = JSON.parse(text);
    } catch {
      return [...errors, `the body is not JSON: ${text.slice(0, 300)}`];
    }
  }
  errors.push(...validate(body, content.schema, doc));
  if (status >= 400) {
    if (type !== "application/problem+json") errors.push(`an error answered as ${type}`);
    const problem = body as { status?: unknown; detail?: unknown; detail_zh?: unknown };
    if (problem.status !== status)
      errors.push(`problem status ${String(problem.status)} ≠ ${status}`);
    if (typeof problem.detail !== "string" || !problem.detail.trim()) errors.push("no detail");
    if (typeof problem.detail_zh !== "string" || !HAN.test(problem.detail_zh)) {
      errors.push(`detail_zh is not Chinese: ${JSON.stringify(problem.detail_zh)}`);
    }
  }
  return errors;
}

/** What happened per operation: printed at the end, and checked for a fuzz that found nothing. */
const stats = new Map<
  string,
  { sent: number; unsendable: number; statuses: Record<number, number> }
>();
let client = 0;

const shortUrl = (url: string) =>
  url.length > 300 ? `${url.slice(0, 300)}… (${url.length} characters)` : url;

afterAll(() => {
  const lines = [...stats].map(
    ([template, s]) =>
      `${template}: ${s.sent} sent, ${s.unsendable} refused by new Request(); statuses ${JSON.stringify(s.statuses)}`,
  );
  console.log(`openapi fuzz (seed ${SEED}, ${NUM_RUNS} runs each)\n${lines.join("\n")}`);
});

/** The GET operations under /api/v1, as the document lists them. */
const OPERATIONS = Object.entries(doc.paths)
  .filter(([path, methods]) => path.startsWith("/api/v1/") && methods.get)
  .map(([path, methods]) => [path, methods.get as Operation] as const);

describe("the API fuzzed from its OpenAPI document", () => {
  it("documents the GET operations under /api/v1 fuzzed here", () => {
    expect(OPERATIONS.length).toBeGreaterThanOrEqual(14);
  });

  it("writes every nullable reference so that null validates", () => {
    // zod-to-openapi writes `.nullable()` of a registered schema as
    // allOf: [{ $ref }, { type: [..., "null"] }], which null cannot pass (refOrNull instead).
    const found: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== "object") return;
      const all = (node as Schema).allOf;
      if (
        Array.isArray(all) &&
        all.some((s: Schema) => s.$ref) &&
        all.some((s: Schema) => ([] as unknown[]).concat(s.type).includes("null"))
      ) {
        found.push(at);
      }
      for (const [key, child] of Object.entries(node)) walk(child, `${at}/${key}`);
    };
    walk(doc, "#");
    expect(found).toEqual([]);
  });

  for (const [index, [template, operation]] of OPERATIONS.entries()) {
    it(`GET ${template}: documented answers only, never ≥ 500`, { timeout: 60_000 }, async () => {
      const s = { sent: 0, unsendable: 0, statuses: {} as Record<number, number> };
      stats.set(template, s);
      const property = fc.asyncProperty(inputArb(operation), async (input) => {
        const url = urlOf(template, input);
        const n = client++;
        const headers: Record<string, string> = {
          // One client address per request: the rate limit never answers for the API.
          "CF-Connecting-IP": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        };
        if (input.ifNoneMatch !== null) headers["If-None-Match"] = input.ifNoneMatch;
        let request: Request;
        try {
          request = new Request(url, { headers });
        } catch {
          s.unsendable++;
          return;
        }
        s.sent++;
        const response = await exports.default.fetch(request);
        s.statuses[response.status] = (s.statuses[response.status] ?? 0) + 1;
        const errors = await conformance(operation, response);
        if (response.status === 429) errors.push("rate limited: the fuzz sent too fast");
        const refused = refusal(operation, input);
        if (refused && !refused.includes(response.status)) {
          errors.push(`a parameter breaks the document: expected ${refused.join(" or ")}`);
        }
        if (errors.length > 0) {
          throw new Error(`GET ${shortUrl(url)} → ${response.status}\n${errors.join("\n")}`);
        }
      });
      await fc.assert(property, { numRuns: NUM_RUNS, seed: SEED + index });
      // The fuzz reached the data: the operation answered 200 at least once.
      expect(s.statuses[200] ?? 0, "answers 200 at least once").toBeGreaterThan(0);
    });
  }
});
