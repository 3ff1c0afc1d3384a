import type { Member } from "../../http/require-actor";
import type { Actor } from "../identity/actor";

/** Parent carer panel members give feedback; the regional hub moderates it before it counts. */
export const canGiveFeedback = (actor: Actor) => actor.role === "parent_panel";
export const canModerateFeedback = (actor: Actor) => actor.role === "regional_admin";
/** Aggregates only, and only above the minimum: for those who choose settings or co-produce the framework. */
export const canSeeFeedbackSummary = (actor: Actor) => actor.role === "commissioner" || actor.role === "regional_admin" || actor.role === "parent_panel";

/** The feedback list is for those who give feedback and those who moderate it. */
export const canSeeFeedbackList = (actor: Actor) => canModerateFeedback(actor) || canGiveFeedback(actor);

/** Which feedback the actor sees: the hub all of its region's (to moderate), a panel member their own. */
export const feedbackScope = (actor: Member): { regionId: string } | { authorUserId: string } =>
  actor.role === "regional_admin" ? { regionId: actor.regionId } : { authorUserId: actor.userId };

/** Feedback is given on, and summarised for, the settings commissioners of the actor's region can find: listed ones. */
export const canSeeSettingForFeedback = (actor: Actor, setting: { regionId: string }, listed: boolean) => setting.regionId === actor.regionId && listed;
