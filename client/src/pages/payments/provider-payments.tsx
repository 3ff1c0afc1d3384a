import type { ReactNode } from "react";
import type { BillingSettings } from "@shared/schemas/payments";
import { useConnectStatus } from "../../api/payments";
import { QueryView } from "../../components/query-view";
import { ConnectButton, ConnectSummary } from "./connect-status";
import { InvoicesBrowser } from "./invoices-browser";
import { MembershipSection } from "./membership-section";
import { PayoutsSection } from "./payouts-section";

/** The provider's payments: its Stripe account, what it is owed, its membership, and the invoices for its placements (no child references). */
export function ProviderPayments({ heading, settings, orgAdmin }: { heading: ReactNode; settings: BillingSettings; orgAdmin: boolean }) {
  const connect = useConnectStatus();
  return (
    <>
      {heading}
      <section aria-labelledby="connect-heading">
        <h2 className="govuk-heading-m" id="connect-heading">
          Getting paid through Stripe
        </h2>
        <p className="govuk-body">Councils pay the invoices for your placements through Stripe, into your organisation’s Stripe account.</p>
        <QueryView query={connect} what="your Stripe account" loading="your Stripe account">
          {(status) => (
            <>
              <ConnectSummary status={status} />
              <ConnectButton status={status} orgAdmin={orgAdmin} />
            </>
          )}
        </QueryView>
      </section>
      <PayoutsSection />
      {settings.membershipEnabled ? <MembershipSection orgAdmin={orgAdmin} /> : null}
      <InvoicesBrowser viewer="provider" level={2} />
    </>
  );
}
