import { databaseNow } from "../../db/clock";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { placementRequests, requestInvitations, type PlacementRequestRow } from "../../db/schema";
import { notFound } from "../../http/app-error";
import type { Actor } from "../identity/actor";
import { isBuyer, isInvitedProvider } from "./policy";

export type Viewer = { kind: "commissioner" } | { kind: "provider"; organisationId: string };

/** The request as the actor may see it, and as whom; 404 for anyone neither buyer nor invited. */
export async function loadRequestFor(db: DbOrTx, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<{ request: PlacementRequestRow; viewer: Viewer }> {
  const base = db.select().from(placementRequests).where(eq(placementRequests.id, id));
  const [request] = options.forUpdate ? await base.for("update") : await base;
  if (!request) throw notFound("The placement request");
  if (isBuyer(actor, request)) return { request, viewer: { kind: "commissioner" } };
  // Drafts are the council's own working papers: providers learn of a request when it opens.
  if (request.state !== "draft" && actor.role === "provider" && actor.organisationId) {
    const invited = await db.select({ organisationId: requestInvitations.organisationId }).from(requestInvitations).where(eq(requestInvitations.requestId, id));
    if (isInvitedProvider(actor, invited.map((i) => i.organisationId))) return { request, viewer: { kind: "provider", organisationId: actor.organisationId } };
  }
  throw notFound("The placement request");
}

export { databaseNow };

/** The council's requests, or those a provider is invited to (not drafts), newest first. */
export async function listRequestIds(db: Db, actor: Actor): Promise<string[]> {
  if (actor.role === "commissioner" && actor.organisationId) {
    const rows = await db.select({ id: placementRequests.id }).from(placementRequests).where(eq(placementRequests.organisationId, actor.organisationId)).orderBy(desc(placementRequests.createdAt));
    return rows.map((r) => r.id);
  }
  if (actor.role === "provider" && actor.organisationId) {
    const invited = db.selectDistinct({ id: requestInvitations.requestId }).from(requestInvitations).where(eq(requestInvitations.organisationId, actor.organisationId));
    const rows = await db
      .select({ id: placementRequests.id })
      .from(placementRequests)
      .where(and(inArray(placementRequests.id, invited), sql`${placementRequests.state} <> 'draft'`))
      .orderBy(desc(placementRequests.createdAt));
    return rows.map((r) => r.id);
  }
  return [];
}
