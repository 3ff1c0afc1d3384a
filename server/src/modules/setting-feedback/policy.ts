import type { Actor } from "../identity/actor";

/** Parent carer panel members give feedback; the regional hub moderates it before it counts. */
export const canGiveFeedback = (actor: Actor) => actor.role === "parent_panel";
export const canModerateFeedback = (actor: Actor) => actor.role === "regional_admin";
/** Aggregates only, and only above the minimum: for those who choose settings or co-produce the framework. */
export const canSeeFeedbackSummary = (actor: Actor) => actor.role === "commissioner" || actor.role === "regional_admin" || actor.role === "parent_panel";
