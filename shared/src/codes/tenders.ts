/** How a placement request (mini-competition) shows offers (DOMAIN.md, step 4). */
export const REQUEST_MODES = ["sealed", "urgent", "ranked"] as const;
export type RequestMode = (typeof REQUEST_MODES)[number];
export const REQUEST_MODE_LABELS: Record<RequestMode, string> = {
  sealed: "Sealed: offers open together at the deadline",
  urgent: "Urgent: offers seen as they arrive, award before the deadline",
  ranked: "Ranked: a sealed round, then a price-only round with each provider told its rank",
};

/**
 * A request's life. "price_round" is the ranked mode's second round (after quality scoring):
 * evaluated -> price_round -> evaluated. "standstill" is the intention to award: confirmed after the
 * standstill period (awarded) or withdrawn (back to evaluated, or closed for an urgent request
 * never evaluated).
 */
export const REQUEST_STATES = ["draft", "open", "closed", "evaluated", "price_round", "standstill", "awarded", "cancelled", "no_offers"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const REQUEST_STATE_LABELS: Record<RequestState, string> = {
  draft: "Draft",
  open: "Open for offers",
  closed: "Closed",
  evaluated: "Evaluated",
  price_round: "Price round open",
  standstill: "Intention to award (standstill)",
  awarded: "Awarded",
  cancelled: "Cancelled",
  no_offers: "No offers",
};

/** The only moves a request may make; anything else is a 409 with the current state. */
export const REQUEST_TRANSITIONS: Record<RequestState, readonly RequestState[]> = {
  draft: ["open", "cancelled"],
  open: ["closed", "no_offers", "cancelled", "standstill"],
  closed: ["evaluated", "cancelled", "standstill"],
  evaluated: ["standstill", "price_round", "cancelled"],
  price_round: ["evaluated", "cancelled"],
  standstill: ["awarded", "evaluated", "closed"],
  awarded: [],
  cancelled: [],
  no_offers: [],
};

/** Calendar days of standstill between the intention to award and its confirmation (issue 16). */
export const STANDSTILL_DAYS = { default: 8, max: 30 } as const;

/** Default quality criteria of a request (the commissioner may change them). */
export const DEFAULT_QUALITY_CRITERIA = [
  { id: "section_f", label: "Meeting the section F provision and outcomes" },
  { id: "staffing", label: "Staffing: ratio, skills and continuity" },
  { id: "therapies", label: "Therapies" },
  { id: "transition", label: "Transition plan" },
] as const;

/** Where an invited provider is with a request: the commissioner sees these live, never offers' content while sealed. */
export const INVITATION_STATUSES = ["invited", "viewed", "declined", "offered", "withdrawn"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
export const INVITATION_STATUS_LABELS: Record<InvitationStatus, string> = {
  invited: "Invited",
  viewed: "Viewed",
  declined: "Declined",
  offered: "Offered",
  withdrawn: "Withdrawn",
};

export const DECLINE_REASONS = ["no_vacancy", "cannot_meet_needs", "cannot_manage_risks", "location", "staffing", "price", "other"] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  no_vacancy: "No vacancy at the date needed",
  cannot_meet_needs: "Cannot meet the child's needs",
  cannot_manage_risks: "Cannot manage the risks",
  location: "Too far from the child's home",
  staffing: "Cannot staff the placement",
  price: "Cannot offer within the band",
  other: "Another reason",
};

/** How a placement ended; breakdowns feed the high-risk insights. */
export const PLACEMENT_END_REASONS = [
  "planned_end",
  "moved_to_less_restrictive",
  "breakdown_needs_not_met",
  "breakdown_risk_escalated",
  "breakdown_provider_notice",
  "breakdown_safeguarding",
  "breakdown_family_request",
  "other",
] as const;
export type PlacementEndReason = (typeof PLACEMENT_END_REASONS)[number];
export const PLACEMENT_END_REASON_LABELS: Record<PlacementEndReason, string> = {
  planned_end: "Planned end",
  moved_to_less_restrictive: "Moved to a less restrictive placement",
  breakdown_needs_not_met: "Breakdown: needs not met",
  breakdown_risk_escalated: "Breakdown: risk escalated",
  breakdown_provider_notice: "Breakdown: the provider gave notice",
  breakdown_safeguarding: "Breakdown: safeguarding concern",
  breakdown_family_request: "Breakdown: the family asked to end it",
  other: "Another reason",
};
export const isBreakdown = (reason: PlacementEndReason) => reason.startsWith("breakdown_");
