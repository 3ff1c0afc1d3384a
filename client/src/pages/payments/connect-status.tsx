import type { ConnectStatus } from "@shared/schemas/payments";
import { startConnectOnboarding } from "../../api/payments";
import { SummaryList } from "../../components/summary-list";
import { StripeRedirectForm } from "./stripe-redirect-form";

const yesNo = (value: boolean) => (value ? "Yes" : "No");

/** What Stripe last said of the provider's connected account, and whether its placements can be invoiced. */
export function ConnectSummary({ status }: { status: ConnectStatus }) {
  return (
    <>
      <SummaryList
        rows={[
          { key: "Connected to Stripe", value: yesNo(status.connected) },
          { key: "Details submitted", value: yesNo(status.detailsSubmitted) },
          { key: "Can take payments", value: yesNo(status.chargesEnabled) },
          { key: "Payouts to your bank", value: yesNo(status.payoutsEnabled) },
          {
            key: "What Stripe still needs",
            value:
              status.requirementsDue.length === 0 ? (
                "Nothing"
              ) : (
                <ul className="govuk-list govuk-list--bullet">
                  {status.requirementsDue.map((item) => (
                    <li key={item}>{item}</li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
      {status.canBeInvoiced ? (
        <p className="govuk-body">Councils are invoiced for your placements, and pay into your Stripe account.</p>
      ) : (
        <div className="govuk-inset-text">Your placements cannot be invoiced yet{status.reason ? `: ${status.reason}` : ""}. Councils see the same reason.</div>
      )}
    </>
  );
}

/** Onboarding happens on Stripe's pages; only the organisation's administrators start it (the API checks again). */
export function ConnectButton({ status, orgAdmin }: { status: ConnectStatus; orgAdmin: boolean }) {
  const complete = status.detailsSubmitted && status.chargesEnabled && status.payoutsEnabled && status.requirementsDue.length === 0;
  if (complete) return null;
  if (!orgAdmin) return <p className="govuk-body">An administrator of your organisation can set up payments with Stripe.</p>;
  return <StripeRedirectForm label={status.connected ? "Continue setting up with Stripe" : "Connect with Stripe"} start={startConnectOnboarding} />;
}
