import type { Request, RequestHandler, Response, Router } from "express";
import type { z } from "zod";
import { registerOperation } from "./openapi/registry";
import { type InputOf, type InputSchemas, validate } from "./validate";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

export interface RouteSpec<S extends InputSchemas> {
  method: HttpMethod;
  /** Express path, e.g. /api/v1/regions/:id; documented as /api/v1/regions/{id}. */
  path: string;
  summary: string;
  tag: string;
  /** Who may call it; documented, and enforced by the middleware given in `before`. */
  access: "public" | "signed-in";
  input?: S;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** Middleware before validation, e.g. authentication (auth -> validate -> handler). */
  before?: RequestHandler[];
  handler: (req: Request, res: Response, input: InputOf<S>) => Promise<void> | void;
}

/**
 * Mounts a route and documents it in the OpenAPI registry from the same zod schemas, so the
 * document cannot drift from what the server validates.
 */
export function defineRoute<S extends InputSchemas = Record<string, never>>(router: Router, spec: RouteSpec<S>): void {
  registerOperation(spec);
  const input = spec.input ?? ({} as S);
  router[spec.method](spec.path, ...(spec.before ?? []), validate(input), async (req: Request, res: Response) => {
    await spec.handler(req, res, req.input as InputOf<S>);
  });
}
