import { Link, Navigate } from "react-router";
import { PAGE_PATHS, ROLE_HOME } from "@shared/page-paths";
import { useSession } from "../../api/session";
import { Loading, QueryProblem } from "../../components/query-problem";
import { usePageTitle } from "../../components/use-page-title";

/** Signed in, but in no organisation: nobody has invited this address yet. */
export function NoAccessPage() {
  usePageTitle("You do not have access to Placement Exchange yet");
  const { state, refresh } = useSession();
  if (state.status === "loading") return <Loading what="your account" />;
  if (state.status === "error") return <QueryProblem what="this page" onRetry={refresh} />;
  if (state.status === "signed-out") return <Navigate to={PAGE_PATHS.signIn} replace />;

  const { user } = state.me;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You do not have access to Placement Exchange yet</h1>
        {user.role ? (
          <p className="govuk-body">
            You now have access.{" "}
            <Link className="govuk-link" to={ROLE_HOME[user.role]}>
              Go to your home page
            </Link>
            .
          </p>
        ) : (
          <>
            <p className="govuk-body">You signed in as:</p>
            <p className="govuk-body govuk-!-font-weight-bold">{user.email}</p>
            <p className="govuk-body">This address has not been invited to an organisation on Placement Exchange, so you cannot use the service yet.</p>
            <h2 className="govuk-heading-m">Who to ask</h2>
            <ul className="govuk-list govuk-list--bullet">
              <li>Your organisation’s administrator: they invite people by email address. Tell them the address above, then sign in again with it.</li>
              <li>The regional commissioning hub, if your organisation is not on Placement Exchange yet, or you do not know who its administrator is.</li>
            </ul>
            <p className="govuk-body">If you were invited with a different address, sign out and sign in again with that one.</p>
          </>
        )}
      </div>
    </div>
  );
}
