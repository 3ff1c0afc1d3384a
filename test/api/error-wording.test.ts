import request from "supertest";
import { buildMatrixActors, type MatrixActor, type Who } from "../access/actors";
import { ACCESS_MATRIX } from "../access/all-routes";
import type { MatrixEntry } from "../access/matrix";
import { realRequest } from "../access/real-request";
import { type JsonSchema, type Operation, operationsOf, optionsOf, withValueAt } from "../fuzz/openapi-schemas";
import { createTestApp } from "../setup/test-app";

/*
 * What a person reads when the service refuses an answer. Every operation the OpenAPI document
 * lists is sent empty, wrong-typed, huge and out-of-range input, one field at a time, by someone
 * the access matrix lets through to validation; every message that comes back must say what to
 * do in plain words: none of zod's own messages, no ISO timestamps, no "YYYY-MM-DD".
 */
const TECHNICAL: RegExp[] = [
  /expected .* received/i,
  /invalid (input|uuid|string|type|option|iso|date|email|url)/i,
  /YYYY|MM-DD/,
  /\d{4}-\d{2}-\d{2}T\d{2}/,
  /too (big|small)/i,
  /undefined/,
  /NaN/,
  /[<>]=/,
];
const technical = (message: string) => TECHNICAL.some((pattern) => pattern.test(message));

const t = await createTestApp({ seed: false, rateLimits: { signInPerMinute: 100_000, tokensPerHour: 100_000 } });
afterAll(() => t.close());
const operations = operationsOf((await request(t.app).get("/api/v1/openapi.json")).body);
const db = () => t.database.handle.db;

let actors: Record<Who, MatrixActor>;
beforeAll(async () => {
  actors = await buildMatrixActors(db());
});

/** Every field of an input, however deep (array items as index 0), objects included. */
function fieldsOf(schema: JsonSchema, path: (string | number)[] = []): { path: (string | number)[]; schema: JsonSchema }[] {
  return optionsOf(schema).flatMap((option) => [
    ...(path.length > 0 ? [{ path, schema: option }] : []),
    ...Object.entries(option.properties ?? {}).flatMap(([key, property]) => fieldsOf(property, [...path, key])),
    ...(option.items ? fieldsOf(option.items, [...path, 0]) : []),
  ]);
}

/** Values a person (or a careless client) might send in place of a field's. */
function badValuesFor(schema: JsonSchema): unknown[] {
  const values: unknown[] = [null, "", "not a value", 1.5, -1, true, [], {}];
  if (schema.type === "string" || schema.maxLength !== undefined) values.push("x".repeat(Math.min((schema.maxLength ?? 5_000) + 1, 100_000)));
  if (schema.type === "integer" || schema.type === "number") values.push((schema.maximum ?? 2 ** 40) + 1, (schema.minimum ?? -(2 ** 40)) - 1, "12");
  if (schema.format === "date" || schema.format === "date-time") values.push("2026-02-30", "31/12/2026", "2026-12-02T18:34:43.363Z");
  return values;
}

interface Attempt {
  what: string;
  path: string;
  send: (call: request.Test) => request.Test;
}

function attemptsFor(op: Operation, base: { path: string; body?: unknown }): Attempt[] {
  const attempts: Attempt[] = [];
  if (op.body) {
    const body = op.body;
    attempts.push({ what: "an empty body", path: base.path, send: (call) => call.send({}) });
    attempts.push({ what: "a list for a body", path: base.path, send: (call) => call.send([]) });
    for (const field of fieldsOf(body)) {
      for (const value of badValuesFor(field.schema)) {
        const sent = withValueAt(base.body ?? {}, body, field.path, value);
        attempts.push({
          what: `body.${field.path.join(".")} = ${JSON.stringify(value).slice(0, 40)}`,
          path: base.path,
          send: (call) => call.send(sent as object),
        });
      }
    }
  }
  for (const parameter of op.query) {
    for (const value of ["", "not a value", "-1", "1.5", "99999999999", "2026-02-30"]) {
      attempts.push({
        what: `query.${parameter.name} = ${JSON.stringify(value)}`,
        path: base.path,
        send: (call) => call.query({ [parameter.name]: value }),
      });
    }
  }
  const template = op.path.split("/");
  for (const parameter of op.params) {
    const segments = base.path.split("/");
    segments[template.indexOf(`{${parameter.name}}`)] = "not-a-reference";
    attempts.push({
      what: `params.${parameter.name}`,
      path: segments.join("/"),
      send: (call) => (base.body === undefined ? call : call.send(base.body as object)),
    });
  }
  return attempts;
}

const withInput = operations.filter((op) => op.body || op.query.length > 0 || op.params.length > 0);

describe("Error wording", () => {
  it("should catch zod's own wording, ISO timestamps and formats (the patterns fail on what they are for)", () => {
    expect(
      [
        "Invalid input: expected number, received undefined",
        "Too big: expected string to have <=500 characters",
        "Invalid UUID",
        "Enter the start date as YYYY-MM-DD",
        "Sent 2026-12-02T18:34:43.363Z",
      ].filter((message) => !technical(message)),
    ).toEqual([]);
    expect(technical("Reason must be 500 characters or fewer")).toBe(false);
  });

  it.each(withInput.map((op) => [op.route, op] as const))("%s should answer bad input in plain words", async (_route, op) => {
    const entry = ACCESS_MATRIX.find((e) => e.route === op.route) as MatrixEntry | undefined;
    if (!entry) throw new Error(`${op.route} is not in the access matrix`);
    const { headers, request: base } = await realRequest(db(), t.env, actors, entry);
    const wrong = new Set<string>();
    let heard = 0;
    for (const attempt of attemptsFor(op, base)) {
      const res = await attempt.send(request(t.app)[op.method](attempt.path).set(headers));
      if (res.status >= 500) wrong.add(`${attempt.what}: ${res.status}`);
      if (res.status < 400) continue;
      const body = res.body as { message?: string; issues?: { path: string; message: string }[] };
      for (const message of [body.message ?? "", ...(body.issues ?? []).map((issue) => `${issue.path}: ${issue.message}`)]) {
        heard += 1;
        if (technical(message)) wrong.add(message);
      }
    }
    expect(heard).toBeGreaterThan(0);
    expect([...wrong]).toEqual([]);
  });
});
