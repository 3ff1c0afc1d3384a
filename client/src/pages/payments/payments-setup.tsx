import type { ReactNode } from "react";
import type { BillingSettings } from "@shared/schemas/payments";
import { useBillingSettings } from "../../api/payments";
import { QueryView } from "../../components/query-view";

/**
 * Said on every payments page when the service has no Stripe keys (the embedded default): the
 * rest of the service works, and whoever runs it learns what to set.
 */
function PaymentsNotSetUp() {
  return (
    <div className="govuk-warning-text" data-testid="payments-not-set-up">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-2">Payments are not set up on this service</p>
        <p className="govuk-body govuk-!-margin-bottom-0">
          Whoever runs the service sets <code>STRIPE_SECRET_KEY</code> and <code>STRIPE_WEBHOOK_SECRET</code> and restarts it: see “Payments” in the README.
          Everything else in the service works without them.
        </p>
      </div>
    </div>
  );
}

/** Loads the region's billing settings first: without Stripe a page shows only its heading and the warning. */
export function WithPaymentsSetUp({ fallbackHeading, children }: { fallbackHeading?: ReactNode; children(settings: BillingSettings): ReactNode }) {
  const settings = useBillingSettings();
  return (
    <QueryView query={settings} what="the payments" loading="the payments">
      {(data) =>
        data.stripeConfigured ? (
          children(data)
        ) : (
          <>
            {fallbackHeading ?? <h1 className="govuk-heading-l">Payments</h1>}
            <PaymentsNotSetUp />
          </>
        )
      }
    </QueryView>
  );
}
