import type { ErrorRequestHandler, RequestHandler } from "express";
import { ZodError } from "zod";
import { type ApiError, DomainErrorCode, ErrorCode } from "@shared/errors";
import { isDatabaseUnavailable, isUniqueViolation } from "../db/errors";
import { AppError } from "./app-error";

// About one readiness probe period (health/probes.ts): by then a restarted PostgreSQL is usually back.
const DATABASE_RETRY_AFTER_SECONDS = 5;

interface BodyParserError extends Error {
  type?: string;
  status?: number;
}

function send(res: Parameters<ErrorRequestHandler>[2], status: number, body: ApiError): void {
  res.status(status).json({ ...body, requestId: String(res.req.id ?? "") || undefined });
}

/** Unknown routes under /api answer JSON, not the client's HTML page. */
export const apiNotFound: RequestHandler = (req, res) => {
  send(res, 404, { code: ErrorCode.NotFound, message: `There is no ${req.method} ${req.originalUrl.split("?")[0]} in this API. See /api/docs.` });
};

/** The one place errors become responses. Unknown errors show nothing of their insides. */
export const errorHandler: ErrorRequestHandler = (error: unknown, req, res, next) => {
  if (res.headersSent) return next(error);
  if (error instanceof AppError) {
    return send(res, error.status, {
      code: error.code,
      message: error.message,
      ...(error.reason ? { reason: error.reason } : {}),
      ...(error.issues ? { issues: error.issues } : {}),
      ...error.extra,
    });
  }
  if (error instanceof ZodError) {
    return send(res, 400, {
      code: ErrorCode.ValidationError,
      message: "The request has problems; see issues for each one.",
      issues: error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })),
    });
  }
  const parserError = error as BodyParserError;
  switch (parserError.type) {
    case "entity.parse.failed":
      return send(res, 400, { code: ErrorCode.InvalidJson, message: "The request body is not valid JSON." });
    case "entity.too.large":
      return send(res, 413, { code: ErrorCode.PayloadTooLarge, message: "The request body is larger than 1 MB." });
    case "encoding.unsupported":
    case "charset.unsupported":
      return send(res, 415, { code: ErrorCode.UnsupportedMediaType, message: "Send the body as UTF-8 JSON." });
  }
  // The router could not decode a path parameter (%-escapes that are not UTF-8, e.g. half an emoji).
  if (error instanceof URIError && (error as { status?: number }).status === 400) {
    const issue = { path: "params", message: "Part of the address is not valid: its %-escapes are not UTF-8. Check the address and try again." };
    return send(res, 400, { code: ErrorCode.ValidationError, message: "The request has problems; see issues for each one.", issues: [issue] });
  }
  // serve-static's "no such file" for a missing asset.
  if ((error as { status?: number }).status === 404) {
    return send(res, 404, { code: ErrorCode.NotFound, message: `There is no ${req.originalUrl.split("?")[0]} here.` });
  }
  // PostgreSQL restarting or out of reach: nothing is wrong with the request, so say when to send
  // it again instead of a 500. A write answered this way was not acknowledged (success is
  // answered only after commit); where a route takes an Idempotency-Key, sending it again with
  // the same key stores it once.
  if (isDatabaseUnavailable(error)) {
    req.log?.warn({ err: error }, "database unavailable");
    res.setHeader("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
    return send(res, 503, {
      code: ErrorCode.ServiceUnavailable,
      reason: DomainErrorCode.DatabaseUnavailable,
      message: "The service cannot reach its database just now. Wait a few seconds and try again.",
    });
  }
  if (isUniqueViolation(error)) {
    return send(res, 409, {
      code: ErrorCode.Conflict,
      reason: DomainErrorCode.AlreadyExists,
      message: "That already exists. Reload to see the current record, then try again.",
    });
  }
  req.log?.error({ err: error }, "unhandled error");
  send(res, 500, { code: ErrorCode.InternalError, message: "Something went wrong on our side. Try again later." });
};
