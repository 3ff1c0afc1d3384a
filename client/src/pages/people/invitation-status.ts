import type { Invitation } from "@shared/schemas/identity";

export type InvitationStatus = "open" | "accepted" | "revoked" | "expired";

export function invitationStatus(invitation: Invitation, now = Date.now()): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.revokedAt) return "revoked";
  if (invitation.expiresAt && Date.parse(invitation.expiresAt) <= now) return "expired";
  return "open";
}

export const INVITATION_STATUS_TAGS: Record<InvitationStatus, { text: string; className: string }> = {
  open: { text: "Open", className: "govuk-tag" },
  accepted: { text: "Accepted", className: "govuk-tag govuk-tag--green" },
  revoked: { text: "Revoked", className: "govuk-tag govuk-tag--grey" },
  expired: { text: "Expired", className: "govuk-tag govuk-tag--grey" },
};
