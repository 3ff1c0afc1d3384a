import { Link } from "react-router";
import { ROLE_HOME } from "@shared/page-paths";
import type { Me } from "@shared/schemas/identity";
import { usePageTitle } from "../../components/use-page-title";

/** A signed-in person on a page for another role, or for their organisation's administrators. */
export function ForbiddenPage({ me }: { me: Me }) {
  usePageTitle("You do not have permission to see this page");
  const home = me.user.role ? ROLE_HOME[me.user.role] : undefined;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">You do not have permission to see this page</h1>
        <p className="govuk-body">
          This page is for people with another role, or for an organisation’s administrators. If you think you should be able to see it, ask{" "}
          {me.organisation ? `an administrator at ${me.organisation.name}` : "your organisation’s administrator"}.
        </p>
        {home ? (
          <p className="govuk-body">
            <Link className="govuk-link" to={home}>
              Go to your home page
            </Link>
          </p>
        ) : null}
      </div>
    </div>
  );
}
