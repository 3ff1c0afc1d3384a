import type { SettingClaim } from "@shared/schemas/settings";

const TAGS: Record<SettingClaim["status"], { text: string; colour: string }> = {
  pending: { text: "Waiting for the hub", colour: "govuk-tag--yellow" },
  approved: { text: "Approved", colour: "govuk-tag--green" },
  rejected: { text: "Rejected", colour: "govuk-tag--red" },
};

export function ClaimStatusTag({ status }: { status: SettingClaim["status"] }) {
  return <strong className={`govuk-tag ${TAGS[status].colour}`}>{TAGS[status].text}</strong>;
}
