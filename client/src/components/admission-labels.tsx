import type { AdmissionStatus } from "@shared/codes/directory";
import type { Framework, ProviderApplication } from "@shared/schemas/framework";

const TAGS: Record<AdmissionStatus, { text: string; colour: string }> = {
  applied: { text: "Applied", colour: "govuk-tag--blue" },
  admitted: { text: "Admitted", colour: "govuk-tag--green" },
  rejected: { text: "Rejected", colour: "govuk-tag--red" },
  suspended: { text: "Suspended", colour: "govuk-tag--orange" },
};

export function AdmissionStatusTag({ status }: { status: AdmissionStatus }) {
  return <strong className={`govuk-tag ${TAGS[status].colour}`}>{TAGS[status].text}</strong>;
}

export type LotAdmission = ProviderApplication["lots"][number];

/** Each lot's standing from the provider's latest application that includes it. */
export function latestAdmissions(applications: readonly ProviderApplication[]): Map<number, LotAdmission> {
  const byLot = new Map<number, LotAdmission>();
  const oldestFirst = [...applications].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
  for (const application of oldestFirst) for (const lot of application.lots) byLot.set(lot.lotNumber, lot);
  return byLot;
}

export const openRound = (framework: Framework) => framework.rounds.find((round) => round.state === "open");

export const latestTerms = (framework: Framework) => [...framework.termsVersions].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))[0];
