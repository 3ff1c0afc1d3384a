/**
 * PostgreSQL's unique_violation (23505), whether the driver's error arrives as is or wrapped
 * by Drizzle (which keeps the driver's error as `cause`).
 */
export const isUniqueViolation = (error: unknown): boolean =>
  ((error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code) === "23505";

// SQLSTATEs that mean "the database cannot serve right now", not "this statement is wrong":
// class 08 (connection exceptions), 57P01 admin_shutdown (a fast restart ends every session),
// 57P02 crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down) and 53300
// too_many_connections.
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);
// The driver's and the operating system's ways of saying the server is not there.
const UNAVAILABLE_SYSCALL_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// node-postgres says these in words only (no code): a pool that waited connectionTimeoutMillis
// for a connection, a connection the server closed, a client that lost its connection earlier,
// a statement unanswered within query_timeout, a statement sent on the connection such a timeout
// dropped (a transaction's ROLLBACK), and the health check's own timeout (client.ts).
const UNAVAILABLE_MESSAGES = [
  "timeout exceeded when trying to connect",
  "Connection terminated",
  "Client has encountered a connection error and is not queryable",
  "Query read timeout",
  "Client was closed and is not queryable",
  "database did not answer within",
];

/**
 * The database is unreachable or refusing sessions (down, restarting, failing over): the request
 * may succeed if sent again shortly, so it is a 503 with Retry-After, not a 500. Looks through
 * Drizzle's wrapper (`cause`) and a failed dual-stack connect (AggregateError's `errors`).
 */
export const isDatabaseUnavailable = (error: unknown): boolean => unavailableReason(error) !== undefined;

/**
 * Why the database could not serve (isDatabaseUnavailable), as the driver or the system said it:
 * a SQLSTATE or system error code, or one of node-postgres's fixed messages above. None of these
 * holds anything a statement was sent, so a log may give it: a pool waiting for a connection and
 * a server that went away otherwise look alike in the log (error-for-log.ts).
 */
export function unavailableReason(error: unknown, depth = 0): string | undefined {
  if (typeof error !== "object" || error === null || depth > 5) return undefined;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string" && (code.startsWith("08") || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SYSCALL_CODES.has(code))) return code;
  const known = typeof message === "string" ? UNAVAILABLE_MESSAGES.find((m) => message.includes(m)) : undefined;
  if (known) return known;
  for (const e of Array.isArray(errors) ? errors : []) {
    const reason = unavailableReason(e, depth + 1);
    if (reason) return reason;
  }
  return unavailableReason(cause, depth + 1);
}
