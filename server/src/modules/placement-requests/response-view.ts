import { and, eq, sql } from "drizzle-orm";
import type { InvitationView, Offer } from "@shared/schemas/placement-requests";
import { builtOnce } from "../../db/built-once";
import type { Db } from "../../db/client";
import { offers, offerVersions, organisations, placementRequests, requestInvitations, settings } from "../../db/schema";
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
 * Built once (builtOnce): every offer, price change, withdrawal, decline and first look runs it.
 * The request's state is read with it: a read of its own was a round trip more before the
 * council heard of each offer (bench:live: 1.3 to 1.7 ms of an offer's 15).
 */
const responseQuery = builtOnce((db) =>
  db
    .select({
      request: { mode: placementRequests.mode, state: placementRequests.state, offersOpenedAt: placementRequests.offersOpenedAt },
      invitation: requestInvitations,
      settingName: settings.name,
      organisationName: organisations.name,
      offer: offers,
      version: offerVersions,
    })
    .from(requestInvitations)
    .innerJoin(placementRequests, eq(placementRequests.id, requestInvitations.requestId))
    .innerJoin(settings, eq(settings.id, requestInvitations.settingId))
    .innerJoin(organisations, eq(organisations.id, requestInvitations.organisationId))
    .leftJoin(offers, and(eq(offers.requestId, requestInvitations.requestId), eq(offers.settingId, requestInvitations.settingId)))
    .leftJoin(offerVersions, eq(offerVersions.offerId, offers.id))
    .where(and(eq(requestInvitations.requestId, sql.placeholder("requestId")), eq(requestInvitations.settingId, sql.placeholder("settingId")))),
);

/**
 * One setting's invitation and offer as each viewer's buildRequestView would show them: what
 * `response:received` carries. One query for all viewers together (the invitation, its offer and
 * the offer's versions, a row per version), where two whole views would re-read every invitation,
 * offer and version of the request for each response (with 50 invited providers, the live path's
 * cost). Viewers who would not see the invitation (another provider) are left out.
 */
export async function responseViews(db: Db, requestId: string, settingId: string, viewers: Viewer[]): Promise<ResponseView[]> {
  const rows = await responseQuery(db).execute({ requestId, settingId });
  const [row] = rows;
  if (!row) return [];
  const { request, offer } = row;
  const versions = rows.flatMap((r) => (r.version ? [r.version] : []));
  const names = { settingName: row.settingName, organisationName: row.organisationName };
  const invitation = presentInvitation(row.invitation, { ...names, offeredAt: lastSubmittedAt(versions) });
  const presented = offer ? presentOffer(offer, versions, names) : null;
  return viewers
    .filter((viewer) => viewer.kind === "commissioner" || viewer.organisationId === row.invitation.organisationId)
    .map((viewer) => ({ viewer, invitation, offer: offer && seesOfferContent(viewer, request, offer.organisationId) ? presented : null }));
}
