import express, { type RequestHandler } from "express";
import { ErrorCode } from "@shared/errors";

export const BODY_LIMIT = "1mb";

/** Requests with a body must send JSON; anything else is refused before it is read. */
const requireJson: RequestHandler = (req, res, next) => {
  const hasBody = req.headers["transfer-encoding"] !== undefined || Number(req.headers["content-length"] ?? 0) > 0;
  if (!hasBody || req.is("application/json")) return next();
  res.status(415).json({ code: ErrorCode.UnsupportedMediaType, message: "Send the request body as JSON with Content-Type: application/json." });
};

export function jsonBody(): RequestHandler[] {
  return [requireJson, express.json({ limit: BODY_LIMIT, strict: true })];
}
