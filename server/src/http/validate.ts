import type { NextFunction, Request, Response } from "express";
import type { z } from "zod";
import type { ValidationIssue } from "@shared/errors";
import { issuesFromZod } from "@shared/zod-issues";
import { validationFailed } from "./app-error";

export interface InputSchemas {
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
export type InputOf<S extends InputSchemas> = { body: Out<S["body"]>; query: Out<S["query"]>; params: Out<S["params"]> };

declare module "express-serve-static-core" {
  interface Request {
    /** The parsed, validated input; handlers read this, never req.body. */
    input?: unknown;
  }
}

/**
 * Parses body, query and params with their schemas and fails with every problem at once (not
 * just the first), so a form can show all its errors together.
 */
export function validate(schemas: InputSchemas) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const issues: ValidationIssue[] = [];
    const input: Record<string, unknown> = {};
    for (const part of ["body", "query", "params"] as const) {
      const schema = schemas[part];
      if (!schema) continue;
      // A missing JSON body arrives as undefined; treat it as an empty object so field errors show.
      const raw = part === "body" ? (req.body ?? {}) : req[part];
      const result = schema.safeParse(raw);
      if (result.success) input[part] = result.data;
      else issues.push(...issuesFromZod(part, result.error));
    }
    if (issues.length > 0) return next(validationFailed(issues));
    req.input = input;
    next();
  };
}
