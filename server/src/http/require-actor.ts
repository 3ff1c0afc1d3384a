import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { Role } from "@shared/codes/roles";
import { ErrorCode } from "@shared/errors";
import type { Actor } from "../modules/identity/actor";
import { AppError, forbidden, unauthorized } from "./app-error";

// Two guards, one per kind of route: `requireSignedIn` + `actorOf(req)` for what anyone signed in
// may do (their account, their tokens); `requireMember()` + `memberOf(req)` for everything else,
// which is done as a member of an organisation. Who may do what beyond that is the module's
// policy.ts, never a check here or in a route.

/** A signed-in person who belongs to an organisation: everything about it is known, nothing is null. */
export type Member = Actor & {
  role: Role;
  organisationId: string;
  organisationName: string;
  organisationKind: NonNullable<Actor["organisationKind"]>;
  regionId: string;
};

const isMember = (actor: Actor): actor is Member =>
  actor.role !== null && actor.organisationId !== null && actor.organisationName !== null && actor.organisationKind !== null && actor.regionId !== null;

const notJoined = () => new AppError(ErrorCode.Forbidden, 403, "You have not joined an organisation yet. Ask your organisation's administrator to invite you.");

/** 401 unless signed in (a session or an API token). */
export const requireSignedIn: RequestHandler = (req, _res, next) => next(req.actor ? undefined : unauthorized());

/**
 * 401 unless signed in, 403 unless the actor is a member of an organisation (so `memberOf(req)`
 * holds in the handler) and, given a policy predicate (the module's policy.ts), one it allows.
 */
export function requireMember(may?: (member: Member) => boolean): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.actor) return next(unauthorized());
    if (!isMember(req.actor)) return next(notJoined());
    if (may && !may(req.actor)) return next(forbidden());
    next();
  };
}

/** The actor of a request that passed requireSignedIn: maybe in no organisation yet. */
export function actorOf(req: Request): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

/**
 * The actor of a request that passed requireMember: a member of an organisation, typed so, instead
 * of `actor.organisationId ?? ""` at every use (403 for a person in no organisation, as requireMember).
 */
export function memberOf(req: Request): Member {
  const actor = actorOf(req);
  if (!isMember(actor)) throw notJoined();
  return actor;
}
