import type { Actor } from "../identity/actor";

/**
 * Tokens are made only from a signed-in browser session: a token that could mint tokens would
 * let one leaked secret outlive its own revocation.
 */
export const canManageTokens = (actor: Actor) => actor.via === "session";

/**
 * API tokens are for a council's or a provider's systems. A parent carer panel member reviews
 * and gives feedback in the browser and has no system to connect, so is not given one: a token
 * would only be a second, longer-lived way into their account.
 */
export const canMakeTokens = (actor: Actor) => canManageTokens(actor) && actor.role !== "parent_panel";
