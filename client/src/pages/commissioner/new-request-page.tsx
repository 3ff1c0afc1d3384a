import { Link } from "react-router";
import { type ChildProfile, OPEN_REQUEST_STATES } from "@shared/schemas/children";
import { requestReference } from "@shared/tenders/request-reference";
import { useShortlist } from "../../api/children";
import { QueryView } from "../../components/query-view";
import { WarningText } from "../../components/warning-text";
import { commissionerChildEditPath } from "../../lib/paths";
import { ChildProfileGate } from "./child-profile-gate";
import { ChildSubpage } from "./child-subpage";
import { RequestCreateForm, type SecondRequest } from "./request-create-form";

/** From a child's page: invite settings to a placement request (mini-competition). */
export function NewRequestPage() {
  return <ChildProfileGate>{(child) => <NewRequest child={child} />}</ChildProfileGate>;
}

function NewRequest({ child }: { child: ChildProfile }) {
  const shortlist = useShortlist(child.id);
  const openRequests = child.requests.filter((r) => OPEN_REQUEST_STATES.includes(r.state));
  const needsConfirming = child.currentPlacement !== null || openRequests.length > 0;
  return (
    <ChildSubpage child={child}>
      <span className="govuk-caption-l">{child.reference}</span>
      <h1 className="govuk-heading-l">Invite settings to a placement request</h1>
      {child.status === "draft" ? (
        <p className="govuk-body">
          The child’s profile is a draft.{" "}
          <Link className="govuk-link" to={commissionerChildEditPath(child.id)}>
            Answer its remaining questions and complete it
          </Link>{" "}
          before you invite settings.
        </p>
      ) : (
        <>
          <p className="govuk-body">
            Invited providers see the child’s needs without the reference, the month of birth or any free text but section F. They can offer, decline or ask you
            a question until the deadline.
          </p>
          <QueryView query={shortlist} what="the shortlist">
            {(data) => <RequestCreateForm child={child} shortlist={data} secondRequest={needsConfirming ? secondRequest(child, openRequests) : null} />}
          </QueryView>
        </>
      )}
    </ChildSubpage>
  );
}

/** A child already placed, or with a request going, rarely needs another: said before the form, and a tick to go on. */
function secondRequest(child: ChildProfile, openRequests: ChildProfile["requests"]): SecondRequest {
  const placement = child.currentPlacement;
  return {
    warning: (
      <WarningText>
        {placement ? `${child.reference} is placed at ${placement.settingName}. ` : null}
        {openRequests.length > 0
          ? `${child.reference} already has ${openRequests.length === 1 ? "an open placement request" : `${openRequests.length} open placement requests`} (${openRequests.map((r) => requestReference(r.id)).join(", ")}). `
          : null}
        Make another request only if the child needs a new placement.
      </WarningText>
    ),
    label: `I want to make another placement request for ${child.reference}`,
    message: `Confirm that you want to make another placement request for ${child.reference}`,
  };
}
