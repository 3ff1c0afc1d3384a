import { Link } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { usePageTitle } from "../../components/use-page-title";

export function SignedOutPage() {
  usePageTitle("You have signed out");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You have signed out</h1>
        <p className="govuk-body">You have signed out of Placement Exchange on this device.</p>
        <p className="govuk-body">If you are using a shared computer, also sign out of your organisation’s email and close the browser.</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={PAGE_PATHS.signIn}>
            Sign in again
          </Link>
        </p>
      </div>
    </div>
  );
}
