import type { Actor } from "../identity/actor";

interface RoundRecord {
  regionId: string;
  forumIds: string[];
}

export const canOpenReviewRound = (actor: Actor) => actor.role === "regional_admin";

/** The region's hub, and panel members of the forums taking part; nobody else knows the round exists. */
export const canSeeReviewRound = (actor: Actor, round: RoundRecord) =>
  (actor.role === "regional_admin" && actor.regionId === round.regionId) || (actor.role === "parent_panel" && round.forumIds.includes(actor.organisationId ?? ""));

/** Voting and rating are the panel's voice, one per member. */
export const canTakePart = (actor: Actor, round: RoundRecord) => actor.role === "parent_panel" && round.forumIds.includes(actor.organisationId ?? "");
