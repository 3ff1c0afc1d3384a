import type { Request } from "express";
import { DomainErrorCode } from "@shared/errors";
import type { Db } from "../../db/client";
import { forbidden } from "../../http/app-error";
import { type Member, memberOf } from "../../http/require-actor";
import { actsAsBuyer, respondsAsProvider } from "./policy";
import { loadRequestFor } from "./queries";

/** The request, for its council's commissioners only (anyone else who may see it gets 403, others 404). */
export async function loadAsBuyer(db: Db, req: Request, id: string) {
  const actor = memberOf(req);
  const { request, viewer } = await loadRequestFor(db, actor, id);
  if (!actsAsBuyer(viewer)) throw forbidden("Only the council running the request can do that.", DomainErrorCode.NotBuyer);
  return { actor, request };
}

/** The actor as an invited provider of an existing request (404 for anyone who may not see it, 403 for the council). */
export async function providerOf(db: Db, req: Request, id: string): Promise<Member> {
  const actor = memberOf(req);
  const { viewer } = await loadRequestFor(db, actor, id);
  if (!respondsAsProvider(viewer)) throw forbidden("Only invited providers respond to a request.", DomainErrorCode.NotInvited);
  return actor;
}
