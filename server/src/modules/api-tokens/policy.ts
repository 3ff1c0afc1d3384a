import type { Actor } from "../identity/actor";

/**
 * Tokens are made only from a signed-in browser session: a token that could mint tokens would
 * let one leaked secret outlive its own revocation.
 */
export const canManageTokens = (actor: Actor) => actor.via === "session";
