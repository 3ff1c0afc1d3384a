import { useEffect, useRef, useState } from "react";
import { startConnectOnboarding, useSyncedConnectStatus } from "../../api/payments";
import { useMe } from "../../api/session";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi } from "../../components/form-errors";
import { QueryView } from "../../components/query-view";
import { usePageTitle } from "../../components/use-page-title";
import { BackToPayments } from "./back-to-payments";
import { ConnectButton, ConnectSummary } from "./connect-status";

/** Where Stripe sends the provider after onboarding: Stripe is asked now, as its webhook may come later. */
export function ConnectReturnPage() {
  usePageTitle("Your Stripe account");
  const status = useSyncedConnectStatus();
  const orgAdmin = useMe().user.orgAdmin;
  return (
    <>
      <h1 className="govuk-heading-l">Your Stripe account</h1>
      <QueryView query={status} what="your Stripe account" loading="what Stripe says about your account">
        {(data) => (
          <>
            {data.canBeInvoiced ? <p className="govuk-body">Your organisation is set up to be paid.</p> : null}
            <ConnectSummary status={data} />
            <ConnectButton status={data} orgAdmin={orgAdmin} />
          </>
        )}
      </QueryView>
      <BackToPayments />
    </>
  );
}

/**
 * Where Stripe sends the provider when an onboarding link has expired or was used: a new link
 * is made at once and the browser goes back to Stripe (Stripe's own advice for the refresh URL).
 */
export function ConnectRefreshPage() {
  usePageTitle("Continuing with Stripe");
  const [problem, setProblem] = useState<unknown>();
  // Once per visit, although React runs effects twice in development.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    startConnectOnboarding().then((url) => window.location.assign(url), setProblem);
  }, []);
  const errors = problem === undefined ? undefined : errorsFromApi({}, problem);
  return (
    <>
      {errors ? <ErrorSummary errors={errors.summary} /> : null}
      <h1 className="govuk-heading-l">Continuing with Stripe</h1>
      {errors ? null : (
        <p className="govuk-body" role="status">
          Taking you back to Stripe to carry on setting up your account…
        </p>
      )}
      <BackToPayments />
    </>
  );
}
