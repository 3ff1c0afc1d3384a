import { unavailableReason } from "./db/errors";

/**
 * What of an error may be logged. A failed statement's error carries everything it was sent:
 * Drizzle's message and `params` hold every parameter (a child's reference, month of birth,
 * needs; feedback text; addresses), and PostgreSQL's `detail` and many of its messages quote
 * the offending value. Logs are kept longer and seen by more people than the database, so a
 * database error is logged as its SQLSTATE code, the statement's kind and table, and the
 * constraint or column it names: enough to find the fault, nothing of what was written.
 */
export interface LoggedError {
  type: string;
  message?: string;
  code?: string;
  /** Why the database could not serve, where it says so without a SQLSTATE (db/errors.ts). */
  unavailable?: string;
  statement?: string;
  table?: string;
  constraint?: string;
  column?: string;
  stack?: string;
}

interface DatabaseErrorLike {
  code: string;
  table?: string;
  constraint?: string;
  column?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

function databaseError(error: unknown): DatabaseErrorLike | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && SQLSTATE.test(code) && "severity" in e) return e as unknown as DatabaseErrorLike;
  }
  return undefined;
}

function queryText(error: unknown): string | undefined {
  const query = (error as { query?: unknown }).query;
  return typeof query === "string" ? query : undefined;
}

/** "insert settings", "select child_profiles": the verb and first table, never the values. */
export function statementSummary(query: string): string {
  const verb = /^\s*(with|select|insert|update|delete)\b/i.exec(query)?.[1]?.toLowerCase() ?? "statement";
  const table = /\b(?:into|update|from)\s+"?([a-z_][a-z0-9_]*)"?/i.exec(query)?.[1];
  return table ? `${verb} ${table}` : verb;
}

/** Only the stack's frames: its head repeats the message (over several lines), and a serialized one appends the cause's. */
const framesOnly = (stack: string) =>
  stack
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");

/**
 * An Error, or what pino's standard serializer made of one (pino-http hands custom serializers
 * the plain object: type, message, stack and every enumerable property, `params` included).
 */
interface ErrorLike {
  name?: unknown;
  type?: unknown;
  message?: unknown;
  stack?: unknown;
}

export function errorForLog(value: unknown): LoggedError {
  if (!value || typeof value !== "object") return { type: typeof value };
  // pino's serializer keeps the original error as `raw`: read its causes from there.
  const raw = (value as { raw?: unknown }).raw;
  const error = raw && typeof raw === "object" ? raw : value;
  const e = error as ErrorLike;
  const type = typeof e.name === "string" ? e.name : typeof e.type === "string" ? e.type : "Error";
  const stack = typeof e.stack === "string" ? e.stack : undefined;
  const db = databaseError(error);
  const query = queryText(error);
  if (db || query !== undefined) {
    // PostgreSQL's own code says it all; without one, the driver's or the system's fixed words may.
    const unavailable = db ? undefined : unavailableReason(error);
    return {
      type: "DatabaseError",
      ...(db ? { code: db.code } : {}),
      ...(unavailable ? { unavailable } : {}),
      ...(query !== undefined ? { statement: statementSummary(query) } : {}),
      ...(db?.table ? { table: db.table } : {}),
      ...(db?.constraint ? { constraint: db.constraint } : {}),
      ...(db?.column ? { column: db.column } : {}),
      ...(stack ? { stack: framesOnly(stack) } : {}),
    };
  }
  return { type, ...(typeof e.message === "string" ? { message: e.message } : {}), ...(stack ? { stack } : {}) };
}
