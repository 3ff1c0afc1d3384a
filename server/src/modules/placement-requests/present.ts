import type { Amendment, Clarification, InvitationView, Offer, OfferVersion, Placement, RequestSummary } from "@shared/schemas/placement-requests";
import { questionsCloseAt } from "@shared/tenders/questions-cut-off";
import { requestReference } from "@shared/tenders/request-reference";
import { isoDate } from "../../db/dates";
import type { AmendmentRow, ClarificationRow, InvitationRow, OfferRow, OfferVersionRow, PlacementRequestRow, PlacementRow } from "../../db/schema";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSummary(
  row: PlacementRequestRow,
  extra: { councilName: string; childReference: string | null; intentionWithdrawnBy?: string | null },
): RequestSummary {
  return {
    id: row.id,
    reference: requestReference(row.id),
    state: row.state,
    mode: row.mode,
    lotNumber: row.lotNumber,
    priceBand: row.priceBand as RequestSummary["priceBand"],
    bandCeilingPence: row.bandCeilingPence,
    deadline: row.deadline.toISOString(),
    priceRoundClosesAt: iso(row.priceRoundClosesAt),
    questionsCloseAt: questionsCloseAt(row).toISOString(),
    weights: { quality: row.qualityWeight, price: row.priceWeight },
    criteria: row.criteria,
    childReference: extra.childReference,
    councilName: extra.councilName,
    createdAt: row.createdAt.toISOString(),
    standstillDays: row.standstillDays,
    standstillReason: row.standstillReason,
    intentionWithdrawnAt: iso(row.intentionWithdrawnAt),
    intentionWithdrawnReason: row.intentionWithdrawnReason,
    intentionWithdrawnBy: extra.intentionWithdrawnBy ?? null,
  };
}

/** When an offer was last submitted (its newest version), or null without one: an invitation's offeredAt. */
export function lastSubmittedAt(versions: OfferVersionRow[]): Date | null {
  return versions.length ? new Date(Math.max(...versions.map((v) => v.submittedAt.getTime()))) : null;
}

export function presentInvitation(row: InvitationRow, extra: { settingName: string; organisationName: string; offeredAt: Date | null }): InvitationView {
  return {
    settingId: row.settingId,
    settingName: extra.settingName,
    organisationId: row.organisationId,
    organisationName: extra.organisationName,
    status: row.status,
    invitedAt: row.invitedAt.toISOString(),
    viewedAt: iso(row.viewedAt),
    declinedAt: iso(row.declinedAt),
    declineReason: row.declineReason,
    offeredAt: iso(extra.offeredAt),
  };
}

export function presentVersion(v: OfferVersionRow): OfferVersion {
  return {
    version: v.version,
    fee: { corePence: v.corePence, staffingPence: v.staffingPence, therapiesPence: v.therapiesPence, otherPence: v.otherPence },
    weeklyFeePence: v.weeklyFeePence ?? v.corePence + v.staffingPence + v.therapiesPence + v.otherPence,
    startDate: isoDate(v.startDate),
    criteria: v.criteriaResponses,
    notes: v.notes,
    justification: v.justification,
    submittedAt: v.submittedAt.toISOString(),
  };
}

/** An offer with its versions (oldest first); the last is current. */
export function presentOffer(row: OfferRow, versions: OfferVersionRow[], extra: { settingName: string; organisationName: string }): Offer {
  const sorted = [...versions].sort((a, b) => a.version - b.version);
  const current = sorted.find((v) => v.version === row.currentVersion) ?? sorted[sorted.length - 1];
  if (!current) throw new Error(`offer ${row.id} has no versions`);
  return {
    id: row.id,
    requestId: row.requestId,
    settingId: row.settingId,
    settingName: extra.settingName,
    organisationName: extra.organisationName,
    status: row.status,
    current: presentVersion(current),
    history: sorted.filter((v) => v.version !== current.version).map(presentVersion),
  };
}

/** `askedBy` is the asking organisation's name, given only to the council and the asker. */
export function presentClarification(row: ClarificationRow, askedBy: string | null): Clarification {
  return {
    id: row.id,
    question: row.question,
    askedAt: row.askedAt.toISOString(),
    askedBy,
    answer: row.answer,
    visibility: row.visibility,
    answeredAt: iso(row.answeredAt),
  };
}

export function presentPlacement(row: PlacementRow, extra: { settingName: string; organisationName: string }): Placement {
  return {
    id: row.id,
    requestId: row.requestId,
    childId: row.childId,
    settingId: row.settingId,
    settingName: extra.settingName,
    organisationName: extra.organisationName,
    weeklyFeePence: row.weeklyFeePence,
    startDate: isoDate(row.startDate),
    reviewDates: row.reviewDates.map((d) => isoDate(d)),
    endDate: isoDate(row.endDate),
    endReason: row.endReason,
    breakdown: row.breakdown,
  };
}

/** An amendment as every viewer sees it: what changed and why, not who (that is in the audit). */
export function presentAmendment(row: AmendmentRow): Amendment {
  const { deadline, questionsCloseAt, criteria, note } = row.changes;
  return {
    number: row.number,
    amendedAt: row.amendedAt.toISOString(),
    reason: row.reason,
    deadline: deadline ?? null,
    questionsCloseAt: questionsCloseAt ?? null,
    criteria: criteria ?? [],
    note: note ?? null,
  };
}
