import request from "supertest";
import { ErrorCode } from "@shared/errors";
import { INT32, SAFE_TEXT_PATTERN } from "@shared/schemas/primitives";
import { buildMatrixActors, type MatrixActor, type Who } from "../access/actors";
import { ACCESS_MATRIX } from "../access/all-routes";
import type { MatrixEntry, MatrixRequest } from "../access/matrix";
import { realRequest } from "../access/real-request";
import { percentEncode } from "../fuzz/arbitraries";
import { type JsonSchema, type Leaf, leavesOf, type Operation, operationsOf, patternsOf, withValueAt } from "../fuzz/openapi-schemas";
import { createTestApp } from "../setup/test-app";

/*
 * What PostgreSQL cannot store — NUL in text, year 0 in a date, an integer beyond int4 — and
 * what no one types (other control characters, half an emoji) must be a 400 naming the field,
 * never a 500, in every input of every operation the OpenAPI document lists. The requests are
 * the access matrix's, made by someone the route lets through to validation, with one field
 * changed at a time.
 */
const t = await createTestApp({ seed: false, rateLimits: { signInPerMinute: 100_000, tokensPerHour: 100_000 } });
afterAll(() => t.close());
const operations = operationsOf((await request(t.app).get("/api/v1/openapi.json")).body);
const db = () => t.database.handle.db;

let actors: Record<Who, MatrixActor>;
beforeAll(async () => {
  actors = await buildMatrixActors(db());
});

const HOSTILE: Record<Leaf["kind"], unknown[]> = {
  text: ["before\u0000after", "bell\u0007", "half an emoji \ud83d"],
  date: ["0000-01-01", "1899-12-31", "2201-01-01"],
  "date-time": ["0000-01-01T00:00:00Z", "1899-12-31T23:59:59Z"],
  integer: [INT32.max + 1, INT32.min - 1],
  "record-key": ["bad\u0000key"],
};

/** Leaves of a body documented only as "any JSON" (a Placements Data Standard referral): its text and dates. */
function leavesOfValue(value: unknown, path: (string | number)[] = []): Leaf[] {
  if (typeof value === "string") return [{ path, kind: /^\d{4}-\d{2}-\d{2}$/.test(value) ? "date" : "text", schema: {} }];
  if (Array.isArray(value)) return value.flatMap((item, i) => leavesOfValue(item, [...path, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([key, item]) => leavesOfValue(item, [...path, key]));
  return [];
}

interface Attempt {
  where: "body" | "query" | "params";
  issuePath: string;
  send: (call: request.Test) => request.Test;
  path: string;
}

function attemptsFor(op: Operation, base: MatrixRequest): Attempt[] {
  const attempts: Attempt[] = [];
  const body = op.body;
  if (body) {
    for (const leaf of isAnyJson(body) ? leavesOfValue(base.body) : leavesOf(body)) {
      for (const value of HOSTILE[leaf.kind]) {
        const record = leaf.kind === "record-key";
        const path = record ? [...leaf.path, value as string] : leaf.path;
        const sent = withValueAt(base.body ?? {}, body, path, record ? "Some text" : value);
        attempts.push({ where: "body", issuePath: ["body", ...path].join("."), path: base.path, send: (call) => call.send(sent as object) });
      }
    }
  }
  for (const parameter of op.query) {
    for (const leaf of leavesOf(parameter.schema)) {
      for (const value of HOSTILE[leaf.kind]) {
        attempts.push({
          where: "query",
          issuePath: `query.${parameter.name}`,
          path: base.path,
          send: (call) => call.query({ [parameter.name]: String(value) }),
        });
      }
    }
  }
  const template = op.path.split("/");
  for (const parameter of op.params) {
    for (const leaf of leavesOf(parameter.schema)) {
      for (const value of HOSTILE[leaf.kind]) {
        const segments = base.path.split("/");
        segments[template.indexOf(`{${parameter.name}}`)] = percentEncode(String(value));
        // A lone surrogate cannot be UTF-8, so the router cannot decode it, let alone say which parameter it was in.
        const issuePath = /[\uD800-\uDFFF]/.test(String(value)) ? "params" : `params.${parameter.name}`;
        attempts.push({
          where: "params",
          issuePath,
          path: segments.join("/"),
          send: (call) => (base.body === undefined ? call : call.send(base.body as object)),
        });
      }
    }
  }
  return attempts;
}

/** A body documented as any JSON: its leaves come from the matrix's real request. */
const isAnyJson = (schema: JsonSchema) => schema.type === undefined && !schema.anyOf;
const withInput = operations.filter(
  (op) => (op.body && (isAnyJson(op.body) || leavesOf(op.body).length > 0)) || [...op.query, ...op.params].some((p) => leavesOf(p.schema).length > 0),
);

describe("Input PostgreSQL cannot store", () => {
  it("should find the operations to try in the OpenAPI document and the access matrix", () => {
    expect(withInput.filter((op) => op.body).length).toBeGreaterThan(30);
    const listed = new Set(ACCESS_MATRIX.map((e) => e.route));
    expect(withInput.map((op) => op.route).filter((route) => !listed.has(route))).toEqual([]);
  });

  it.each(withInput.map((op) => [op.route, op] as const))("%s should answer 400 naming the field, never 500", async (_route, op) => {
    const entry = ACCESS_MATRIX.find((e) => e.route === op.route) as MatrixEntry;
    const { headers, request: base } = await realRequest(db(), t.env, actors, entry);
    const attempts = attemptsFor(op, base);
    expect(attempts.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const attempt of attempts) {
      const res = await attempt.send(request(t.app)[op.method](attempt.path).set(headers));
      const issues = (res.body?.issues ?? []) as { path: string; message: string }[];
      if (res.status !== 400 || res.body?.code !== ErrorCode.ValidationError || !issues.some((i) => i.path === attempt.issuePath)) {
        failures.push(`${JSON.stringify(attempt.issuePath)}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("should document every text input as refusing control characters and every integer input within PostgreSQL's integer", () => {
    const inputs = operations.flatMap((op) => [
      ...(op.body ? leavesOf(op.body).map((leaf) => ({ at: `${op.route} body.${leaf.path.join(".")}`, leaf })) : []),
      ...[...op.query, ...op.params].flatMap((p) => leavesOf(p.schema).map((leaf) => ({ at: `${op.route} ${p.in}.${p.name}`, leaf }))),
    ]);
    expect(inputs.length).toBeGreaterThan(100);
    const safe = (schema: JsonSchema | undefined) => patternsOf(schema ?? {}).includes(SAFE_TEXT_PATTERN.source);
    const wrong = inputs.filter(({ leaf }) => {
      if (leaf.kind === "integer")
        return !(
          leaf.schema.minimum !== undefined &&
          leaf.schema.minimum >= INT32.min &&
          leaf.schema.maximum !== undefined &&
          leaf.schema.maximum <= INT32.max
        );
      if (leaf.kind === "text") return !safe(leaf.schema);
      if (leaf.kind === "record-key") return !safe(leaf.schema.propertyNames);
      return false;
    });
    expect(wrong.map((w) => w.at)).toEqual([]);
  });
});
