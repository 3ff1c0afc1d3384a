import type { RequestHandler } from "express";
import type { Db } from "../../db/client";
import { unauthorized } from "../../http/app-error";
import { actorForToken } from "../api-tokens/queries";
import { loadActor } from "../identity/actor";

/**
 * Sets req.actor from `Authorization: Bearer <token>` or the session. A bearer header that
 * does not name a live token is a 401 at once, not a silent fall-back to the cookie.
 */
export function authenticate(db: Db): RequestHandler {
  return async (req, _res, next) => {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      const actor = token ? await actorForToken(db, token) : undefined;
      if (!actor) return next(unauthorized());
      req.actor = actor;
      return next();
    }
    const userId = req.session?.passport?.user;
    if (userId) {
      const actor = await loadActor(db, userId, "session");
      // A removed or disabled person's session is over, wherever it is.
      if (!actor) return req.session.destroy(() => next());
      req.actor = actor;
    }
    next();
  };
}
