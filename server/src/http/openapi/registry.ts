import type { z } from "zod";
import type { HttpMethod } from "../route";

export interface DocumentedOperation {
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  access: "public" | "signed-in";
  input?: { body?: z.ZodType; query?: z.ZodType; params?: z.ZodType };
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

// Module-level because routes are defined once per process; re-registering the same
// method+path (a second app in one test process) replaces the entry rather than duplicating it.
const operations = new Map<string, DocumentedOperation>();

export function registerOperation(operation: DocumentedOperation): void {
  operations.set(`${operation.method} ${operation.path}`, operation);
}

export function documentedOperations(): DocumentedOperation[] {
  return [...operations.values()];
}
