import { Link, useSearchParams } from "react-router";
import { ROLE_HOME } from "@shared/page-paths";
import { useSession } from "../../api/session";
import { ErrorSummary } from "../../components/error-summary";
import { usePageTitle } from "../../components/use-page-title";

const SIGN_IN_FAILED = "We could not sign you in. Try again, or contact your organisation’s administrator";

export function SignInPage() {
  const [params] = useSearchParams();
  const failed = params.get("error") === "failed";
  const { state } = useSession();
  usePageTitle("Sign in to Placement Exchange", { hasErrors: failed });
  const me = state.status === "signed-in" ? state.me : undefined;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {failed ? <ErrorSummary errors={[{ text: SIGN_IN_FAILED }]} /> : null}
        <h1 className="govuk-heading-xl">Sign in to Placement Exchange</h1>
        {me ? (
          <p className="govuk-body">
            You are signed in as {me.user.email}.{" "}
            <Link className="govuk-link" to={me.user.role ? ROLE_HOME[me.user.role] : "/no-access"}>
              Go to your home page
            </Link>
            .
          </p>
        ) : null}
        <p className="govuk-body">You can sign in if you work for an organisation that takes part in Placement Exchange:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>a council’s SEND or children’s commissioning team</li>
          <li>a provider on the regional framework, such as an independent special school or children’s home</li>
          <li>a council’s Parent Carer Forum</li>
          <li>the regional commissioning hub</li>
        </ul>
        <p className="govuk-body">
          Your organisation’s administrator invites you by email address. Sign in with that address the first time, and you join your organisation.
        </p>
        {/* A full page navigation: the server starts the sign-in with the identity provider. */}
        <a href="/auth/login" role="button" draggable="false" className="govuk-button govuk-button--start" data-module="govuk-button">
          Sign in
          <svg
            className="govuk-button__start-icon"
            xmlns="http://www.w3.org/2000/svg"
            width="17.5"
            height="19"
            viewBox="0 0 33 40"
            aria-hidden="true"
            focusable="false"
          >
            <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
          </svg>
        </a>
        <h2 className="govuk-heading-m">If you cannot sign in</h2>
        <p className="govuk-body">
          Contact your organisation’s administrator. If your organisation is not on Placement Exchange yet, contact your regional commissioning hub.
        </p>
      </div>
    </div>
  );
}
