import { and, eq } from "drizzle-orm";
import type { InvitationView, Offer } from "@shared/schemas/placement-requests";
import type { DbOrTx } from "../../db/client";
import { offers, offerVersions, organisations, type PlacementRequestRow, requestInvitations, settings } from "../../db/schema";
import type { Viewer } from "./policy";
import { seesOfferContent } from "./policy";
import { lastSubmittedAt, presentInvitation, presentOffer } from "./present";

export interface ResponseView {
  viewer: Viewer;
  invitation: InvitationView;
  /** Only where this viewer may see the offer's content (seesOfferContent). */
  offer: Offer | null;
}

/**
 * One setting's invitation and offer as each viewer's buildRequestView would show them: what
 * `response:received` carries. Three small queries for all viewers together, where two whole
 * views would re-read every invitation, offer and version of the request for each response
 * (with 50 invited providers, the live path's cost). Viewers who would not see the invitation
 * (another provider) are left out.
 */
export async function responseViews(db: DbOrTx, request: PlacementRequestRow, settingId: string, viewers: Viewer[]): Promise<ResponseView[]> {
  const [row] = await db
    .select({ invitation: requestInvitations, settingName: settings.name, organisationName: organisations.name })
    .from(requestInvitations)
    .innerJoin(settings, eq(settings.id, requestInvitations.settingId))
    .innerJoin(organisations, eq(organisations.id, requestInvitations.organisationId))
    .where(and(eq(requestInvitations.requestId, request.id), eq(requestInvitations.settingId, settingId)));
  if (!row) return [];
  const [offer] = await db
    .select()
    .from(offers)
    .where(and(eq(offers.requestId, request.id), eq(offers.settingId, settingId)));
  const versions = offer ? await db.select().from(offerVersions).where(eq(offerVersions.offerId, offer.id)) : [];
  const names = { settingName: row.settingName, organisationName: row.organisationName };
  const invitation = presentInvitation(row.invitation, { ...names, offeredAt: lastSubmittedAt(versions) });
  const presented = offer ? presentOffer(offer, versions, names) : null;
  return viewers
    .filter((viewer) => viewer.kind === "commissioner" || viewer.organisationId === row.invitation.organisationId)
    .map((viewer) => ({ viewer, invitation, offer: offer && seesOfferContent(viewer, request, offer.organisationId) ? presented : null }));
}
