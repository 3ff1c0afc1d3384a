import type { RequestState } from "@shared/codes/tenders";
import { REQUEST_TRANSITIONS } from "@shared/codes/tenders";
import { questionsCloseAt } from "@shared/tenders/questions-cut-off";
import type { Actor } from "../identity/actor";

// Who may do what with a placement request, and who sees which part of it: small pure functions
// of the actor (or the viewer it resolved to) and the record. Queries, views and routes ask
// these; none decides by role or organisation on its own.

/** Whom a request is shown to: its council's commissioners, or one invited provider organisation. */
export type Viewer = { kind: "commissioner" } | { kind: "provider"; organisationId: string };

/** The council running the request: its commissioners are the buyer. */
export const isBuyer = (actor: Actor, request: { organisationId: string }) =>
  actor.role === "commissioner" && actor.organisationKind === "council" && actor.organisationId === request.organisationId;

/** A provider invited with at least one of its settings. */
export const isInvitedProvider = (actor: Actor, invitedOrganisationIds: readonly string[]) =>
  actor.role === "provider" && actor.organisationId !== null && invitedOrganisationIds.includes(actor.organisationId);

/**
 * Whether a provider's invitations need reading to decide: drafts are the council's own working
 * papers, so providers learn of a request when it opens.
 */
export const mayBeInvitedViewer = (actor: Actor, request: { state: RequestState }): actor is Actor & { organisationId: string } =>
  request.state !== "draft" && actor.role === "provider" && actor.organisationId !== null;

/** The organisation whose invitation could make the actor a viewer of some request: a provider's own. */
export const invitableOrganisationOf = (actor: Actor): string | null => (actor.role === "provider" ? actor.organisationId : null);

/**
 * As whom the actor sees a request, or undefined (a 404: it does not exist for them). The caller
 * reads the invited organisations only when `mayBeInvitedViewer` says they can change the answer.
 */
export const viewerOf = (
  actor: Actor,
  request: { organisationId: string; state: RequestState },
  invitedOrganisationIds: readonly string[],
): Viewer | undefined => {
  if (isBuyer(actor, request)) return { kind: "commissioner" };
  if (mayBeInvitedViewer(actor, request) && isInvitedProvider(actor, invitedOrganisationIds)) return { kind: "provider", organisationId: actor.organisationId };
  return undefined;
};

/** Which requests a list shows: a council's own, or those a provider is invited to. */
export type ListScope = { kind: "council" | "provider"; organisationId: string };

/** The list's scope for the actor; undefined (an empty list) for anyone else. */
export const listScopeOf = (actor: Actor): ListScope | undefined => {
  if (actor.role === "commissioner" && actor.organisationId) return { kind: "council", organisationId: actor.organisationId };
  if (actor.role === "provider" && actor.organisationId) return { kind: "provider", organisationId: actor.organisationId };
  return undefined;
};

/** The viewer a list line is built for (the list shows only requests the scope already admits). */
export const listViewerOf = (scope: ListScope): Viewer =>
  scope.kind === "council" ? { kind: "commissioner" } : { kind: "provider", organisationId: scope.organisationId };

/** Requests, offers and prices are for the councils' commissioners and the providers taking part. */
export const takesPartInRequests = (actor: Actor) => actor.role === "commissioner" || actor.role === "provider";

/** Council steps (open, cancel, score, evaluate, price round, award, answer): the buyer only. */
export const actsAsBuyer = (viewer: Viewer): viewer is { kind: "commissioner" } => viewer.kind === "commissioner";

/** Offers, revisions, withdrawals, declines and questions: an invited provider only. */
export const respondsAsProvider = (viewer: Viewer): viewer is { kind: "provider"; organisationId: string } => viewer.kind === "provider";

export const canMove = (from: RequestState, to: RequestState) => REQUEST_TRANSITIONS[from].includes(to);

/** Offers are evaluated once the request has closed (in urgent mode, as they arrive), until the evaluation is completed. */
export const canScore = (request: { mode: string; state: RequestState }) =>
  request.state === "closed" || (request.mode === "urgent" && request.state === "open");

// Evaluation (issue 16). Every commissioner of the council may evaluate: each declares any
// conflict of interest first; one who has a conflict neither scores nor moderates. Evaluators
// score on their own: another's scores are hidden until moderation starts. One evaluator without
// a conflict starts moderation (every evaluator's scores must be complete) and alone records the
// agreed scores, the note, and completes the evaluation.

/** Scores and moderates: declared, with no conflict of interest. */
export const evaluatesFreely = (declaration: { conflict: boolean } | undefined) => declaration !== undefined && !declaration.conflict;

/** Own scores are a draft until moderation starts; then they are the record the moderator works from. */
export const evaluatorScoresOpen = (request: { mode: string; state: RequestState }, moderation: object | undefined) =>
  canScore(request) && moderation === undefined;

/** The agreed scores, the note and the completion: the moderator's alone. */
export const isModerator = (actor: Actor, moderation: { moderatorId: string } | undefined) => moderation?.moderatorId === actor.userId;

/** An evaluator sees their own scores; everyone's once moderation starts (providers never: they are not buyers). */
export const seesEvaluatorScores = (actor: Actor, evaluatorId: string, moderation: object | undefined) =>
  evaluatorId === actor.userId || moderation !== undefined;

/** Sealed and ranked requests are awarded after evaluation; an urgent one as soon as an offer is in. */
export const canAward = (request: { mode: string; state: RequestState }) =>
  request.state === "evaluated" || (request.mode === "urgent" && (request.state === "open" || request.state === "closed"));

/** A request may be amended while it is open and before its deadline (by the database's clock), never after. */
export const amendable = (request: { state: RequestState; deadline: Date }, now: Date): "not_open" | "past_deadline" | undefined =>
  request.state !== "open" ? "not_open" : now >= request.deadline ? "past_deadline" : undefined;

/** Providers may ask questions until the cut-off (the council's, or the default before the deadline). */
export const questionsOpen = (request: Parameters<typeof questionsCloseAt>[0], now: Date) => now < questionsCloseAt(request);

/** Questions are answered while offers are being made and weighed, not after the award or a cancellation. */
export const clarificationsOpen = (request: { state: RequestState }) => ["open", "closed", "evaluated", "price_round"].includes(request.state);

/**
 * Sealed offers stay with their authors until the opening at the deadline; in urgent mode the
 * council sees each as it arrives.
 */
export const buyerSeesOffers = (request: { mode: string; state: RequestState; offersOpenedAt: Date | null }) =>
  request.mode === "urgent" || request.offersOpenedAt !== null;

/** Whether a viewer may see an offer's content: the council as above, a provider its own only. */
export const seesOfferContent = (viewer: Viewer, request: Parameters<typeof buyerSeesOffers>[0], offerOrganisationId: string) =>
  viewer.kind === "commissioner" ? buyerSeesOffers(request) : viewer.organisationId === offerOrganisationId;

/** What belongs to a provider organisation (its invitation, offer, question, placement): the council sees all, a provider its own. */
export const seesOwn = (viewer: Viewer, organisationId: string | null) =>
  viewer.kind === "commissioner" || (organisationId !== null && organisationId === viewer.organisationId);

/** The child's council reference is the council's alone; providers see the anonymised child. */
export const seesChildReference = (viewer: Viewer) => viewer.kind === "commissioner";

/** Who withdrew an intention to award: the council's own people; providers read that the council did. */
export const seesWhoWithdrew = (viewer: Viewer) => viewer.kind === "commissioner";

/** A question: the council always; the asker; every invited provider once it is answered to all. */
export const seesClarification = (
  viewer: Viewer,
  clarification: { askedByOrganisationId: string | null; answeredAt: Date | null; visibility: string | null },
) => seesOwn(viewer, clarification.askedByOrganisationId) || (clarification.answeredAt !== null && clarification.visibility === "all");

/** Whether the asker's name is shown with a question: to the council and to the asker, never to other providers. */
export const seesAsker = (viewer: Viewer, askedByOrganisationId: string | null): askedByOrganisationId is string =>
  askedByOrganisationId !== null && seesOwn(viewer, askedByOrganisationId);

/** Scores and ranks: the council's; a provider learns its own with the intention to award, not before. */
export const seesEvaluationOf = (viewer: Viewer, request: { state: RequestState }, offerOrganisationId: string | null) =>
  viewer.kind === "commissioner" || (seesOwn(viewer, offerOrganisationId) && (request.state === "standstill" || request.state === "awarded"));

/** The winning provider's next steps (the council's contact, the award letter): once the award is confirmed, to the winner only. */
export const seesNextSteps = (viewer: Viewer, request: { state: RequestState }, winnerOrganisationId: string | null) =>
  viewer.kind === "provider" && request.state === "awarded" && seesOwn(viewer, winnerOrganisationId);

/** Exact price scores and totals would disclose the lowest fee: the council's only (providers get ranges). */
export const seesExactPriceScores = (viewer: Viewer) => viewer.kind === "commissioner";

/** Ranked mode's price round: each provider sees its own rank live. */
export const seesRanks = (viewer: Viewer, request: { mode: string; state: RequestState }) =>
  viewer.kind === "provider" && request.mode === "ranked" && request.state === "price_round";

/** A placement: the council that made it and the provider delivering it. */
export const seesPlacement = (actor: Actor, placement: { councilId: string; providerId: string }) =>
  isBuyer(actor, { organisationId: placement.councilId }) || (actor.role === "provider" && actor.organisationId === placement.providerId);

/** How a placement ended is recorded by the council that made it. */
export const endsPlacement = (actor: Actor, placement: { councilId: string }) => isBuyer(actor, { organisationId: placement.councilId });
