import { Link } from "react-router";
import { formatPence } from "@shared/money";
import type { ChildProfile } from "@shared/schemas/children";
import { requestReference } from "@shared/tenders/request-reference";
import { SummaryList } from "../../components/summary-list";
import { Table } from "../../components/table";
import { formatDate, formatDateTime } from "../../lib/format-date";
import { commissionerPlacementPath, commissionerRequestPath } from "../../lib/paths";
import { RequestStateTag } from "../requests/request-labels";

/** The child's current placement and its placement requests, newest first. */
export function ChildRequests({ child }: { child: Pick<ChildProfile, "requests" | "currentPlacement"> }) {
  const placement = child.currentPlacement;
  return (
    <>
      <h2 className="govuk-heading-m">Current placement</h2>
      {placement ? (
        <SummaryList
          rows={[
            {
              key: "Setting",
              value: (
                <Link className="govuk-link" to={commissionerPlacementPath(placement.id)}>
                  {placement.settingName}
                </Link>
              ),
            },
            { key: "Provider", value: placement.providerName },
            { key: "Started", value: formatDate(placement.startDate) },
            { key: "Weekly fee", value: formatPence(placement.weeklyFeePence) },
          ]}
        />
      ) : (
        <p className="govuk-body">The child is not in a placement made here.</p>
      )}
      <h2 className="govuk-heading-m">Placement requests</h2>
      {child.requests.length > 0 ? (
        <Table
          caption="The child’s placement requests, newest first"
          captionSize="s"
          columns={["Reference", "State", "Deadline"]}
          rows={child.requests.map((r) => ({
            key: r.id,
            header: (
              <Link className="govuk-link" to={commissionerRequestPath(r.id)}>
                {requestReference(r.id)}
              </Link>
            ),
            cells: [<RequestStateTag key="state" state={r.state} />, formatDateTime(r.deadline)],
          }))}
        />
      ) : (
        <p className="govuk-body">No placement request has been made for the child yet.</p>
      )}
    </>
  );
}
