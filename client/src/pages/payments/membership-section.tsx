import { MEMBERSHIP_STATUS_LABELS } from "@shared/codes/payments";
import { formatPence } from "@shared/money";
import type { Membership } from "@shared/schemas/payments";
import { startMembershipCheckout, useMembership } from "../../api/payments";
import { QueryView } from "../../components/query-view";
import { SummaryList } from "../../components/summary-list";
import { WarningText } from "../../components/warning-text";
import { formatTimestampDate } from "../../lib/format-date";
import { StripeRedirectForm } from "./stripe-redirect-form";

/** Unpaid or overdue: the provider is told, and nothing else changes (the issue: never suspend anyone silently). */
export const membershipNeedsPaying = (m: Membership) => m.status === "unpaid" || m.status === "past_due" || m.status === "canceled";

function MembershipWarning({ membership }: { membership: Membership }) {
  if (!membershipNeedsPaying(membership)) return null;
  const what = membership.status === "past_due" ? "The payment for your annual membership is overdue." : "Your annual membership of the framework is not paid.";
  return <WarningText>{what} Pay it so the hub’s records are up to date; your placements and requests carry on as before.</WarningText>;
}

export function MembershipSummary({ membership }: { membership: Membership }) {
  return (
    <SummaryList
      rows={[
        { key: "Status", value: MEMBERSHIP_STATUS_LABELS[membership.status] },
        { key: "Annual fee", value: formatPence(membership.feePence) },
        ...(membership.currentPeriodEnd ? [{ key: "Paid until", value: formatTimestampDate(membership.currentPeriodEnd) }] : []),
      ]}
    />
  );
}

/** The provider's membership: its status, a warning while unpaid, and Stripe Checkout to pay. */
export function MembershipSection({ orgAdmin }: { orgAdmin: boolean }) {
  const membership = useMembership();
  return (
    <section aria-labelledby="membership-heading">
      <h2 className="govuk-heading-m" id="membership-heading">
        Framework membership
      </h2>
      <QueryView query={membership} what="your membership" loading="your membership">
        {(data) => (
          <>
            <MembershipWarning membership={data} />
            <MembershipSummary membership={data} />
            {data.status !== "active" && orgAdmin ? <StripeRedirectForm label="Pay the annual membership" start={startMembershipCheckout} /> : null}
            {data.status !== "active" && !orgAdmin ? <p className="govuk-body">An administrator of your organisation can pay the membership.</p> : null}
          </>
        )}
      </QueryView>
    </section>
  );
}
