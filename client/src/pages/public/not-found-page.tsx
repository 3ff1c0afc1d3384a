import { Link } from "react-router";
import { usePageTitle } from "../../components/use-page-title";

/** GOV.UK's "page not found" pattern. */
export function NotFoundPage() {
  usePageTitle("Page not found");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Page not found</h1>
        <p className="govuk-body">If you typed the web address, check it is correct.</p>
        <p className="govuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p className="govuk-body">
          If the web address is correct or you selected a link or button, go to the{" "}
          <Link className="govuk-link" to="/">
            Placement Exchange home page
          </Link>
          .
        </p>
      </div>
    </div>
  );
}
