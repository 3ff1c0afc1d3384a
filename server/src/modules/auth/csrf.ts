import type { RequestHandler } from "express";
import { forbidden } from "../../http/app-error";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated writes must come from our own pages: the browser's Origin header must be
 * ours, or the request must carry the session's CSRF token. Bearer-token requests carry no
 * ambient credentials, so they need neither.
 */
export function csrfProtection(publicUrl: string): RequestHandler {
  const ownOrigin = new URL(publicUrl).origin;
  return (req, _res, next) => {
    if (SAFE.has(req.method) || req.headers.authorization !== undefined || !req.session?.passport?.user) return next();
    const origin = req.headers.origin;
    const token = req.headers["x-csrf-token"];
    if (origin === ownOrigin) return next();
    if (origin === undefined && typeof token === "string" && token.length > 0 && token === req.session.csrfToken) return next();
    next(forbidden("This request did not come from Placement Exchange's own pages. Reload the page and try again."));
  };
}
