import { commissionerRequestPath } from "../../lib/paths";
import { RequestsListPage } from "../requests/requests-list-page";

/** The council's placement requests; a new one starts from a child's page. */
export function CommissionerRequestsPage() {
  return (
    <RequestsListPage
      title="Placement requests"
      intro={<p className="govuk-body">Your council’s mini-competitions. To make one, open a child’s profile and invite settings to a placement request.</p>}
      empty="Your council has not made any placement requests yet."
      viewer="commissioner"
      pathOf={commissionerRequestPath}
    />
  );
}
