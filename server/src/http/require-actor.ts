import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Role } from "../../../shared/src/codes/roles";
import type { Actor } from "../modules/identity/actor";
import { AppError, forbidden, unauthorized } from "./app-error";
import { ErrorCode } from "../../../shared/src/errors";

/** 401 unless signed in (a session or an API token). */
export const requireSignedIn: RequestHandler = (req, _res, next) => next(req.actor ? undefined : unauthorized());

/** 401 unless signed in, 403 unless the actor belongs to an organisation with one of these roles. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.actor) return next(unauthorized());
    if (!req.actor.role) {
      return next(new AppError(ErrorCode.Forbidden, 403, "You have not joined an organisation yet. Ask your organisation's administrator to invite you."));
    }
    if (roles.length > 0 && !roles.includes(req.actor.role)) return next(forbidden());
    next();
  };
}

/** The actor of a request that passed requireSignedIn/requireRole. */
export function actorOf(req: Request): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

/** A signed-in person who belongs to an organisation: everything about it is known, nothing is null. */
export type Member = Actor & { role: Role; organisationId: string; organisationName: string; organisationKind: NonNullable<Actor["organisationKind"]>; regionId: string };

const isMember = (actor: Actor): actor is Member =>
  actor.role !== null && actor.organisationId !== null && actor.organisationName !== null && actor.organisationKind !== null && actor.regionId !== null;

/**
 * The actor of a request that passed requireRole: a member of an organisation, typed so, instead
 * of `actor.organisationId ?? ""` at every use (403 for a person in no organisation, as requireRole).
 */
export function memberOf(req: Request): Member {
  const actor = actorOf(req);
  if (!isMember(actor)) throw new AppError(ErrorCode.Forbidden, 403, "You have not joined an organisation yet. Ask your organisation's administrator to invite you.");
  return actor;
}
