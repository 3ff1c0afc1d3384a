import type { ChildProfile } from "@shared/schemas/children";
import { useShortlist } from "../../api/children";
import { QueryView } from "../../components/query-view";
import { ChildProfileGate } from "./child-profile-gate";
import { ChildSubpage } from "./child-subpage";
import { RequestCreateForm } from "./request-create-form";

/** From a child's page: invite settings to a placement request (mini-competition). */
export function NewRequestPage() {
  return <ChildProfileGate>{(child) => <NewRequest child={child} />}</ChildProfileGate>;
}

function NewRequest({ child }: { child: ChildProfile }) {
  const shortlist = useShortlist(child.id);
  return (
    <ChildSubpage child={child}>
      <span className="govuk-caption-l">{child.reference}</span>
      <h1 className="govuk-heading-l">Invite settings to a placement request</h1>
      <p className="govuk-body">
        Invited providers see the child’s needs without the reference, the month of birth or any free text but section F. They can offer, decline or ask you a
        question until the deadline.
      </p>
      <QueryView query={shortlist} what="the shortlist">
        {(data) => <RequestCreateForm child={child} shortlist={data} />}
      </QueryView>
    </ChildSubpage>
  );
}
