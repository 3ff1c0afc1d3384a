import type { RequestState } from "../../../../shared/src/codes/tenders";
import { REQUEST_TRANSITIONS } from "../../../../shared/src/codes/tenders";
import type { Actor } from "../identity/actor";
import type { Viewer } from "./queries";

/** The council running the request: its commissioners are the buyer. */
export const isBuyer = (actor: Actor, request: { organisationId: string }) =>
  actor.role === "commissioner" && actor.organisationKind === "council" && actor.organisationId === request.organisationId;

/** A provider invited with at least one of its settings. */
export const isInvitedProvider = (actor: Actor, invitedOrganisationIds: readonly string[]) =>
  actor.role === "provider" && actor.organisationId !== null && invitedOrganisationIds.includes(actor.organisationId);

export const canMove = (from: RequestState, to: RequestState) => REQUEST_TRANSITIONS[from].includes(to);

/**
 * Sealed offers stay with their authors until the opening at the deadline; in urgent mode the
 * council sees each as it arrives.
 */
export const buyerSeesOffers = (request: { mode: string; state: RequestState; offersOpenedAt: Date | null }) =>
  request.mode === "urgent" || request.offersOpenedAt !== null;

/** Whether a viewer may see an offer's content: the council as above, a provider its own only. */
export const seesOfferContent = (viewer: Viewer, request: Parameters<typeof buyerSeesOffers>[0], offerOrganisationId: string) =>
  viewer.kind === "commissioner" ? buyerSeesOffers(request) : viewer.organisationId === offerOrganisationId;
