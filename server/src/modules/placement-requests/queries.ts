import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { databaseNow } from "../../db/clock";
import { organisations, type PlacementRequestRow, placementRequests, placements, requestInvitations, settings } from "../../db/schema";
import { notFound } from "../../http/app-error";
import type { Actor } from "../identity/actor";
import { type ListScope, mayBeInvitedViewer, seesPlacement, type Viewer, viewerOf } from "./policy";

export type { Viewer };

/** The request as the actor may see it, and as whom; 404 for anyone neither buyer nor invited. */
export async function loadRequestFor(
  db: DbOrTx,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ request: PlacementRequestRow; viewer: Viewer }> {
  const base = db.select().from(placementRequests).where(eq(placementRequests.id, id));
  const [request] = options.forUpdate ? await base.for("update") : await base;
  if (!request) throw notFound("The placement request");
  const invited = mayBeInvitedViewer(actor, request)
    ? (await db.select({ organisationId: requestInvitations.organisationId }).from(requestInvitations).where(eq(requestInvitations.requestId, id))).map(
        (i) => i.organisationId,
      )
    : [];
  const viewer = viewerOf(actor, request, invited);
  if (!viewer) throw notFound("The placement request");
  return { request, viewer };
}

export { databaseNow };

/** The council's requests, or those a provider is invited to (not drafts), newest first. */
export async function listRequestIds(db: Db, scope: ListScope): Promise<string[]> {
  if (scope.kind === "council") {
    const rows = await db
      .select({ id: placementRequests.id })
      .from(placementRequests)
      .where(eq(placementRequests.organisationId, scope.organisationId))
      .orderBy(desc(placementRequests.createdAt));
    return rows.map((r) => r.id);
  }
  const invited = db
    .selectDistinct({ id: requestInvitations.requestId })
    .from(requestInvitations)
    .where(eq(requestInvitations.organisationId, scope.organisationId));
  const rows = await db
    .select({ id: placementRequests.id })
    .from(placementRequests)
    .where(and(inArray(placementRequests.id, invited), sql`${placementRequests.state} <> 'draft'`))
    .orderBy(desc(placementRequests.createdAt));
  return rows.map((r) => r.id);
}

/** A placement with its setting's and provider's names, for the council that made it and the provider delivering it; 404 for anyone else. */
export async function loadPlacementFor(db: Db, actor: Actor, id: string) {
  const [row] = await db
    .select({ placement: placements, settingName: settings.name, organisationName: organisations.name })
    .from(placements)
    .innerJoin(settings, eq(settings.id, placements.settingId))
    .innerJoin(organisations, eq(organisations.id, placements.providerId))
    .where(eq(placements.id, id));
  if (!row || !seesPlacement(actor, row.placement)) throw notFound("The placement");
  return row;
}
