import { useState } from "react";
import { DECLINE_REASON_LABELS } from "@shared/codes/tenders";
import type { InvitationView, OfferReceipt, RequestView } from "@shared/schemas/placement-requests";
import { withdrawOffer } from "../../api/placement-requests";
import { ErrorMessage } from "../../components/error-message";
import { errorsFromApi } from "../../components/form-errors";
import { formatTime } from "../../lib/format-date";
import type { RequestLive } from "../../realtime/use-request-live";
import { OfferDetails } from "../requests/offer-details";
import { InvitationStatusTag } from "../requests/request-labels";
import { DeclineForm } from "./decline-form";
import { OfferForm } from "./offer-form";
import { PriceRevisionForm } from "./price-revision-form";

interface InvitationResponseProps {
  view: RequestView;
  invitation: InvitationView;
  /** Unique on the page, for the forms' ids. */
  prefix: string;
  live: RequestLive;
  onChanged(view: RequestView, notice: string): void;
}

/** The receipt, by the server's clock: the live one if it is for the offer shown, else the stored version's. */
function receiptLine(offerVersion: { version: number; submittedAt: string }, receipt: OfferReceipt | null): string {
  const latest =
    receipt && receipt.version >= offerVersion.version
      ? { version: receipt.version, at: receipt.serverTime }
      : { version: offerVersion.version, at: offerVersion.submittedAt };
  return `Offer received at ${formatTime(latest.at)}, version ${latest.version}`;
}

/** One invited setting's side of the request: offer, revise, withdraw or decline; the price round. */
export function InvitationResponse({ view, invitation, prefix, live, onChanged }: InvitationResponseProps) {
  const { request } = view;
  const offer = view.offers.find((o) => o.settingId === invitation.settingId);
  const active = offer?.status === "active" ? offer : undefined;
  const receipt = live.receipt?.settingId === invitation.settingId ? live.receipt : null;
  const open = request.state === "open";
  const sent = () => live.resync();
  const [withdrawProblem, setWithdrawProblem] = useState<string>();
  const withdraw = (offerId: string) =>
    withdrawOffer(request.id, offerId).then(
      (next) => onChanged(next, "You withdrew your offer."),
      (error: unknown) => setWithdrawProblem(errorsFromApi({}, error).summary[0]?.text),
    );

  return (
    <section aria-labelledby={`${prefix}-heading`} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-m" id={`${prefix}-heading`}>
        Your response for {invitation.settingName}
      </h2>
      <p className="govuk-body">
        <InvitationStatusTag status={invitation.status} />
      </p>
      <div aria-live="polite">
        {active ? (
          <p className="govuk-body govuk-!-font-weight-bold" id={`${prefix}-receipt`}>
            {receiptLine(active.current, receipt)}
          </p>
        ) : null}
      </div>
      {invitation.status === "declined" ? (
        <p className="govuk-body">You declined: {invitation.declineReason ? DECLINE_REASON_LABELS[invitation.declineReason] : "no reason given"}.</p>
      ) : null}
      {active ? <OfferDetails offer={active} criteria={request.criteria} title="Your offer" /> : null}
      {open && invitation.status !== "declined" ? (
        <>
          {active ? (
            <>
              <h3 className="govuk-heading-m">Revise your offer</h3>
              <p className="govuk-body">A revision is a new version; the council sees the latest, and every version stays on record.</p>
            </>
          ) : (
            <h3 className="govuk-heading-m">Make an offer</h3>
          )}
          <OfferForm key={active?.current.version ?? 0} request={request} settingId={invitation.settingId} prefix={prefix} offer={active} onSent={sent} />
          {active ? (
            <>
              {withdrawProblem ? <ErrorMessage id={`${prefix}-withdraw-error`}>{withdrawProblem}</ErrorMessage> : null}
              <button
                type="button"
                className="govuk-button govuk-button--warning"
                data-module="govuk-button"
                aria-describedby={withdrawProblem ? `${prefix}-withdraw-error` : undefined}
                onClick={() => void withdraw(active.id)}
              >
                Withdraw your offer<span className="govuk-visually-hidden"> for {invitation.settingName}</span>
              </button>
            </>
          ) : (
            <DeclineForm
              requestId={request.id}
              settingId={invitation.settingId}
              prefix={prefix}
              onDeclined={(next) => onChanged(next, "You declined the request.")}
            />
          )}
        </>
      ) : null}
      {request.state === "price_round" && active ? (
        <PriceRevisionForm
          key={active.current.version}
          request={request}
          offer={active}
          prefix={`${prefix}-price`}
          rank={view.ranks.find((r) => r.offerId === active.id)}
          onSent={sent}
        />
      ) : null}
    </section>
  );
}
