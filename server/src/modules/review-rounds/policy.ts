import type { Member } from "../../http/require-actor";
import type { Actor } from "../identity/actor";

interface RoundRecord {
  regionId: string;
  forums: { id: string }[];
}

const isForumOf = (actor: Actor, round: RoundRecord) => actor.organisationId !== null && round.forums.some((f) => f.id === actor.organisationId);

/** "What changed since your last visit" is kept for panel members only. */
export const isPanelMember = (actor: Actor) => actor.role === "parent_panel";

export const canOpenReviewRound = (actor: Actor) => actor.role === "regional_admin";

/** Review rounds are for parent carer panels and the regional hub; nobody else has any to see. */
export const canSeeReviewRounds = (actor: Actor) => actor.role === "regional_admin" || actor.role === "parent_panel";

/** Which rounds the actor sees: the hub all of its region's, a panel member those their forum takes part in. */
export const roundScope = (actor: Member): { regionId: string } | { forumId: string } =>
  actor.role === "regional_admin" ? { regionId: actor.regionId } : { forumId: actor.organisationId };

/** The region's hub, and panel members of the forums taking part; nobody else knows the round exists. */
export const canSeeReviewRound = (actor: Actor, round: RoundRecord) =>
  (actor.role === "regional_admin" && actor.regionId === round.regionId) || (actor.role === "parent_panel" && isForumOf(actor, round));

/** Voting, rating and commenting are the panel's voice, one per member. */
export const canTakePart = (actor: Actor, round: RoundRecord) => actor.role === "parent_panel" && isForumOf(actor, round);

/** Hiding a comment (and showing it again) is the hub's. */
export const canModerateComments = (actor: Actor) => actor.role === "regional_admin";

/** "You said, we did": the hub groups comments into themes and answers them. */
export const canAnswerThemes = (actor: Actor) => actor.role === "regional_admin";

/** A hidden comment keeps its text and reason only for its author and the hub; everyone else sees that it was hidden. */
export const seesHiddenComment = (viewer: Pick<Actor, "userId" | "role">, comment: { authorUserId: string }) =>
  viewer.role === "regional_admin" || viewer.userId === comment.authorUserId;
