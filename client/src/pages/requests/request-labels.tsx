import {
  DECLINE_REASON_LABELS,
  INVITATION_STATUS_LABELS,
  type InvitationStatus,
  REQUEST_MODE_LABELS,
  REQUEST_STATE_LABELS,
  type RequestMode,
  type RequestState,
} from "@shared/codes/tenders";
import { formatPence } from "@shared/money";
import type { InvitationView, RequestSummary } from "@shared/schemas/placement-requests";
import { lotLabel } from "../../components/setting-labels";
import type { SummaryRow } from "../../components/summary-list";
import { formatTime, formatTimestampDate } from "../../lib/format-date";

const STATE_COLOURS: Record<RequestState, string> = {
  draft: "govuk-tag--grey",
  open: "govuk-tag--blue",
  closed: "govuk-tag--yellow",
  evaluated: "govuk-tag--purple",
  price_round: "govuk-tag--orange",
  standstill: "govuk-tag--turquoise",
  awarded: "govuk-tag--green",
  cancelled: "govuk-tag--red",
  no_offers: "govuk-tag--grey",
};

export function RequestStateTag({ state }: { state: RequestState }) {
  return <strong className={`govuk-tag ${STATE_COLOURS[state]}`}>{REQUEST_STATE_LABELS[state]}</strong>;
}

const STATUS_COLOURS: Record<InvitationStatus, string> = {
  invited: "govuk-tag--grey",
  viewed: "govuk-tag--blue",
  declined: "govuk-tag--red",
  offered: "govuk-tag--green",
  withdrawn: "govuk-tag--yellow",
};

export function InvitationStatusTag({ status }: { status: InvitationStatus }) {
  return <strong className={`govuk-tag ${STATUS_COLOURS[status]}`}>{INVITATION_STATUS_LABELS[status]}</strong>;
}

/** A provider's outcome from the intention to award on, instead of "Offered". */
export function OutcomeTag({ outcome }: { outcome: "successful" | "unsuccessful" }) {
  return outcome === "successful" ? (
    <strong className="govuk-tag govuk-tag--green">Successful</strong>
  ) : (
    <strong className="govuk-tag govuk-tag--grey">Unsuccessful</strong>
  );
}

/** "8 calendar days", or "None: <why>" for a request with no standstill. */
export const standstillLabel = (request: Pick<RequestSummary, "standstillDays" | "standstillReason">) =>
  request.standstillDays === 0
    ? `None: ${request.standstillReason ?? "no reason recorded"}`
    : `${request.standstillDays} calendar ${request.standstillDays === 1 ? "day" : "days"} between the intention to award and the award`;

/** "Sealed" from "Sealed: offers open together at the deadline". */
export const modeName = (mode: RequestMode) => REQUEST_MODE_LABELS[mode].split(":")[0] ?? mode;

const at = (iso: string) => `${formatTimestampDate(iso)}, ${formatTime(iso)}`;

/** When each step of an invitation happened, to the second: "Viewed 3 May 2026, 14:03:22". */
export function invitationTimes(invitation: InvitationView): string[] {
  return [
    `Invited ${at(invitation.invitedAt)}`,
    invitation.viewedAt ? `Viewed ${at(invitation.viewedAt)}` : null,
    invitation.offeredAt ? `${invitation.status === "withdrawn" ? "Last offered" : "Offered"} ${at(invitation.offeredAt)}` : null,
    invitation.declinedAt
      ? `Declined ${at(invitation.declinedAt)}${invitation.declineReason ? `: ${DECLINE_REASON_LABELS[invitation.declineReason]}` : ""}`
      : null,
  ].filter((line): line is string => line !== null);
}

/** The terms every viewer reads the same way: lot, band, mode, weights and what is scored. */
export function requestTermsRows(request: RequestSummary): SummaryRow[] {
  return [
    { key: "Placement type", value: lotLabel(request.lotNumber) },
    {
      key: "Price band",
      value: request.priceBand
        ? `Band ${request.priceBand}${request.bandCeilingPence !== null ? `, ceiling ${formatPence(request.bandCeilingPence)} a week` : ""}`
        : "Not set",
    },
    { key: "How offers are seen", value: REQUEST_MODE_LABELS[request.mode] },
    { key: "Weights", value: `Quality ${request.weights.quality}%, price ${request.weights.price}%` },
    { key: "Standstill period", value: standstillLabel(request) },
    {
      key: "Quality criteria (scored 0 to 5)",
      value: (
        <ul className="govuk-list govuk-list--bullet">
          {request.criteria.map((c) => (
            <li key={c.id}>{c.label}</li>
          ))}
        </ul>
      ),
    },
  ];
}
