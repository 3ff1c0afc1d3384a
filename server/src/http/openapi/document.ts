import { z } from "zod";
import { ApiErrorSchema } from "@shared/errors";
import { VERSION } from "../../paths";
import { type DocumentedOperation, documentedOperations } from "./registry";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

export const toOpenApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z0-9_]+)/g, "{$1}");

function parameters(op: DocumentedOperation): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const where of ["path", "query"] as const) {
    const schema = op.input?.[where === "path" ? "params" : "query"];
    if (!schema) continue;
    const shape = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(shape.properties ?? {})) {
      out.push({ name, in: where, required: where === "path" || (shape.required ?? []).includes(name), schema: property });
    }
  }
  return out;
}

function operationObject(op: DocumentedOperation): JsonSchema {
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(op.responses)) {
    responses[status] = {
      description: response.description,
      ...(response.schema ? { content: { "application/json": { schema: jsonSchema(response.schema, "output") } } } : {}),
    };
  }
  responses.default = {
    description: "An error, with a machine-readable code",
    content: { "application/json": { schema: { $ref: "#/components/schemas/ApiError" } } },
  };
  return {
    operationId: `${op.method}${toOpenApiPath(op.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    summary: op.summary,
    tags: [op.tag],
    security: op.access === "public" ? [] : [{ session: [] }, { bearer: [] }],
    parameters: parameters(op),
    ...(op.input?.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.input.body, "input") } } } } : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document for every route defined with defineRoute(). */
export function buildOpenApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of documentedOperations().sort((a, b) => a.path.localeCompare(b.path))) {
    const path = toOpenApiPath(op.path);
    paths[path] = { ...paths[path], [op.method]: operationObject(op) };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Placement Exchange API",
      version: VERSION,
      description:
        "Regional purchasing of SEND placements. Errors always carry a `code` (see ApiError). " + "Children are identified only by pseudonymised references.",
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: { ApiError: jsonSchema(ApiErrorSchema, "output") },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "px.sid" },
        bearer: { type: "http", scheme: "bearer", description: "A personal API token" },
      },
    },
  };
}
