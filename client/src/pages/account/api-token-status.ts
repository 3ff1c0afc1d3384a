import type { ApiToken } from "@shared/schemas/identity";

export type ApiTokenStatus = "active" | "revoked" | "expired";

export function apiTokenStatus(token: ApiToken, now = Date.now()): ApiTokenStatus {
  if (token.revokedAt) return "revoked";
  if (Date.parse(token.expiresAt) <= now) return "expired";
  return "active";
}

export const API_TOKEN_STATUS_TAGS: Record<ApiTokenStatus, { text: string; className: string }> = {
  active: { text: "Active", className: "govuk-tag govuk-tag--green" },
  revoked: { text: "Revoked", className: "govuk-tag govuk-tag--grey" },
  expired: { text: "Expired", className: "govuk-tag govuk-tag--grey" },
};
