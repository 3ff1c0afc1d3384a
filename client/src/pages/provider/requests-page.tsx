import { providerRequestPath } from "../../lib/paths";
import { RequestsListPage } from "../requests/requests-list-page";

/** The requests the provider's settings are invited to: its inbox. */
export function ProviderRequestsPage() {
  return (
    <RequestsListPage
      title="Placement requests"
      intro={
        <p className="govuk-body">
          Requests your settings are invited to. Open one to read about the child, offer, decline or ask a question before the deadline.
        </p>
      }
      empty="None of your settings has been invited to a placement request yet."
      viewer="provider"
      pathOf={providerRequestPath}
    />
  );
}
