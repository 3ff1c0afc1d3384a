import { startMembershipCheckout, useMembership } from "../../api/payments";
import { useMe } from "../../api/session";
import { QueryView } from "../../components/query-view";
import { usePageTitle } from "../../components/use-page-title";
import { BackToPayments } from "./back-to-payments";
import { MembershipSummary } from "./membership-section";
import { StripeRedirectForm } from "./stripe-redirect-form";

/** After Stripe Checkout: the payment is confirmed by Stripe's webhook, which may come a moment later. */
export function MembershipSuccessPage() {
  usePageTitle("Membership payment received");
  const membership = useMembership();
  return (
    <>
      <div className="govuk-panel govuk-panel--confirmation">
        <h1 className="govuk-panel__title">Membership payment received</h1>
        <div className="govuk-panel__body">Stripe will email a receipt</div>
      </div>
      <p className="govuk-body">Your membership shows as paid once Stripe confirms the payment, usually within a minute.</p>
      <QueryView query={membership} what="your membership" loading="your membership">
        {(data) => <MembershipSummary membership={data} />}
      </QueryView>
      <BackToPayments />
    </>
  );
}

/** Checkout left without paying: nothing was taken, and it can be started again. */
export function MembershipCancelPage() {
  usePageTitle("Membership not paid");
  const orgAdmin = useMe().user.orgAdmin;
  return (
    <>
      <h1 className="govuk-heading-l">Membership not paid</h1>
      <p className="govuk-body">You left Stripe before paying. Nothing has been taken.</p>
      {orgAdmin ? <StripeRedirectForm label="Pay the annual membership" start={startMembershipCheckout} /> : null}
      <BackToPayments />
    </>
  );
}
