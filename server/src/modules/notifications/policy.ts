import type { NotificationKind } from "@shared/codes/notifications";
import type { Member } from "../../http/require-actor";

// Who reads the centre and which kinds of notification are theirs to choose how to receive.

/** Every member has a centre of their own; the queries keep each person to their own entries. */
export const readsOwnNotifications = (_member: Member) => true;

/** The kinds each role is told of (the catalogue in shared/src/codes/notifications.ts). */
const KINDS_BY_ROLE: Record<Member["role"], readonly NotificationKind[]> = {
  provider: ["request_invited", "clarification_answered", "request_amended", "deadline_24h", "deadline_1h", "offers_opened", "outcome"],
  commissioner: ["question_received", "request_closed", "request_no_offers"],
  parent_panel: ["round_opened", "round_closed", "round_summary_published", "moderation_decided"],
  regional_admin: [],
};

/** Decisions about the organisation itself go to its administrators. */
const ADMIN_KINDS: readonly NotificationKind[] = ["application_decided", "claim_decided", "membership_payment_failed"];

/** A provider's administrators set its framework prices, so they hear of a ceiling lowered below one. */
const PROVIDER_ADMIN_KINDS: readonly NotificationKind[] = ["band_ceiling_lowered"];

/**
 * The kinds a person has preferences for: their role's, and the administrators' kinds too for an
 * organisation's administrators. join_invitation is never here: it goes to people not yet users.
 */
export const notificationKindsFor = (member: Member): readonly NotificationKind[] =>
  member.orgAdmin ? [...KINDS_BY_ROLE[member.role], ...ADMIN_KINDS, ...(member.role === "provider" ? PROVIDER_ADMIN_KINDS : [])] : KINDS_BY_ROLE[member.role];

/** The hub watches the e-mails that did not go (and, in development, what would be sent). */
export const watchesOutbox = (member: Member) => member.role === "regional_admin";
