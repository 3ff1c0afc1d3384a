import { randomUUID } from "node:crypto";

/** The JSON Schema subset zod's toJSONSchema writes into our OpenAPI document. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}

export interface Parameter {
  name: string;
  in: "path" | "query";
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  /** As documented, e.g. /api/v1/children/{id}. */
  path: string;
  /** As the access matrix names it, e.g. "GET /api/v1/children/:id". */
  route: string;
  body?: JsonSchema;
  params: Parameter[];
  query: Parameter[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: { "application/json": { schema: JsonSchema } } } }>>;
}

/** Every operation of the document, with its inputs' JSON schemas. */
export function operationsOf(document: unknown): Operation[] {
  const { paths } = document as OpenApiDocument;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method as Operation["method"],
      path,
      route: `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ":$1")}`,
      ...(op.requestBody ? { body: op.requestBody.content["application/json"].schema } : {}),
      params: (op.parameters ?? []).filter((p) => p.in === "path"),
      query: (op.parameters ?? []).filter((p) => p.in === "query"),
    })),
  );
}

/** The options of a nullable or union schema, without the null. */
export const optionsOf = (schema: JsonSchema): JsonSchema[] => (schema.anyOf ? schema.anyOf.filter((s) => s.type !== "null").flatMap(optionsOf) : [schema]);

/** Every pattern a string schema must match (zod writes a second one under allOf). */
export const patternsOf = (schema: JsonSchema): string[] => [...(schema.pattern ? [schema.pattern] : []), ...(schema.allOf ?? []).flatMap(patternsOf)];

/** What a leaf of an input holds, as far as what PostgreSQL can store goes. */
export type LeafKind = "text" | "date" | "date-time" | "integer" | "record-key";
export interface Leaf {
  /** Keys and array indexes from the input's root; for a record key, the record's path. */
  path: (string | number)[];
  kind: LeafKind;
  schema: JsonSchema;
}

export function kindOf(schema: JsonSchema): LeafKind | undefined {
  if (schema.type === "integer") return "integer";
  if (schema.type !== "string" || schema.enum || schema.const !== undefined) return undefined;
  if (schema.format === "date") return "date";
  if (schema.format === "date-time") return "date-time";
  if (schema.format === "uuid" || schema.format === "email") return undefined;
  return "text";
}

/** Every text, date, date-time and integer field of a schema, however deep (array items as index 0). */
export function leavesOf(schema: JsonSchema, path: (string | number)[] = []): Leaf[] {
  return optionsOf(schema).flatMap((option): Leaf[] => {
    const kind = kindOf(option);
    if (kind) return [{ path, kind, schema: option }];
    const leaves: Leaf[] = [];
    for (const [key, property] of Object.entries(option.properties ?? {})) leaves.push(...leavesOf(property, [...path, key]));
    if (option.items) leaves.push(...leavesOf(option.items, [...path, 0]));
    if (option.propertyNames && kindOf(option.propertyNames) === "text") leaves.push({ path, kind: "record-key", schema: option });
    return leaves;
  });
}

/** A plain, probably valid value for a schema: enough to reach a field inside it. */
export function sampleOf(schema: JsonSchema): unknown {
  const [option] = optionsOf(schema);
  if (!option) return null;
  if (option.const !== undefined) return option.const;
  if (option.enum) return option.enum[0];
  if (option.default !== undefined) return option.default;
  switch (option.type) {
    case "object":
      return Object.fromEntries((option.required ?? []).map((key) => [key, sampleOf(option.properties?.[key] ?? {})]));
    case "array":
      return Array.from({ length: option.minItems ?? 0 }, () => sampleOf(option.items ?? {}));
    case "integer":
    case "number":
      return Math.max(option.minimum ?? 1, Math.min(option.maximum ?? 1, 1));
    case "boolean":
      return true;
    case "string":
      if (option.format === "uuid") return randomUUID();
      if (option.format === "date") return "2030-01-02";
      if (option.format === "date-time") return "2030-01-02T03:04:05Z";
      if (option.format === "email") return "someone@example.org";
      return "a".repeat(Math.max(option.minLength ?? 1, 1));
    default:
      return null;
  }
}

/** `root` with `value` at `path`, filling in what is missing on the way from the schema. */
export function withValueAt(root: unknown, schema: JsonSchema, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const option = optionsOf(schema).find((o) => (typeof key === "number" ? o.type === "array" : o.type === "object")) ?? {};
  const child = typeof key === "number" ? (option.items ?? {}) : (option.properties?.[key] ?? {});
  if (typeof key === "number") {
    const list = Array.isArray(root) && root.length > 0 ? [...root] : [sampleOf(child)];
    list[key] = withValueAt(list[key], child, rest, value);
    return list;
  }
  const base = root && typeof root === "object" && !Array.isArray(root) ? root : sampleOf(option);
  const object = { ...(base && typeof base === "object" ? (base as Record<string, unknown>) : {}) };
  object[key] = withValueAt(object[key], child, rest, value);
  return object;
}
