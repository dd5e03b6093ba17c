/**
 * A small JSON Schema (2020-12 subset) validator, enough for the schemas that
 * @hono/zod-openapi writes into our OpenAPI 3.1 document: $ref, type (also as a list),
 * properties, required, additionalProperties, items, enum, const, anyOf/oneOf/allOf,
 * pattern, minimum/maximum, minItems. An unknown keyword fails loudly, so a schema this
 * validator cannot check is never passed silently.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  "$ref",
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "enum",
  "const",
  "anyOf",
  "oneOf",
  "allOf",
  "pattern",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "propertyNames",
  "description",
  "example",
  "examples",
  "default",
  "title",
  "format",
]);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Errors of `value` against `schema` (empty when valid); `root` resolves $ref. */
export function validate(value: unknown, schema: Schema, root: Schema, path = "$"): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(schema)) {
    if (!KNOWN.has(key)) errors.push(`${path}: the validator does not know the keyword ${key}`);
  }
  if (typeof schema.$ref === "string") {
    const target = schema.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((node, part) => (node as Schema | undefined)?.[part], root);
    if (!target) return [`${path}: unresolved ${schema.$ref}`];
    errors.push(...validate(value, target as Schema, root, path));
  }
  const actual = typeOf(value);
  if (schema.type !== undefined) {
    const types = ([] as unknown[]).concat(schema.type) as string[];
    const ok = types.some((t) => t === actual || (t === "number" && actual === "integer"));
    if (!ok) return [...errors, `${path}: ${actual} is not ${types.join(" or ")}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value))
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if ("const" in schema && schema.const !== value) errors.push(`${path}: is not ${schema.const}`);
  if (typeof value === "string" && typeof schema.pattern === "string") {
    if (!new RegExp(schema.pattern, "u").test(value))
      errors.push(`${path}: "${value}" does not match ${schema.pattern}`);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum)
      errors.push(`${path}: ${value} < ${schema.minimum}`);
    if (typeof schema.maximum === "number" && value > schema.maximum)
      errors.push(`${path}: ${value} > ${schema.maximum}`);
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === "number" && value.length < schema.minItems)
      errors.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.items)
      value.forEach((item, i) =>
        errors.push(...validate(item, schema.items as Schema, root, `${path}[${i}]`)),
      );
  }
  if (actual === "object") {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[]) {
      if (!(key in object)) errors.push(`${path}: missing ${key}`);
    }
    for (const [key, item] of Object.entries(object)) {
      const property = properties[key];
      if (property) errors.push(...validate(item, property, root, `${path}.${key}`));
      else if (schema.additionalProperties === false)
        errors.push(`${path}: unexpected property ${key}`);
      else if (typeof schema.additionalProperties === "object")
        errors.push(
          ...validate(item, schema.additionalProperties as Schema, root, `${path}.${key}`),
        );
    }
  }
  for (const [keyword, needed] of [
    ["anyOf", 1],
    ["oneOf", 1],
  ] as const) {
    const options = schema[keyword] as Schema[] | undefined;
    if (!options) continue;
    const passing = options.filter((o) => validate(value, o, root, path).length === 0).length;
    if (keyword === "anyOf" ? passing < needed : passing !== needed)
      errors.push(`${path}: matches ${passing} of the ${keyword} options`);
  }
  for (const part of (schema.allOf ?? []) as Schema[])
    errors.push(...validate(value, part, root, path));
  return errors;
}
