import { Link } from "react-router";
import type { RequestListItem } from "../../../../shared/src/schemas/placement-requests";
import { formatDateTime } from "../../components/format-date";
import { TableHead } from "../../components/table-head";
import { InvitationStatusTag, modeName, RequestStateTag } from "./request-labels";

interface RequestsTableProps {
  items: RequestListItem[];
  /** The council sees its children's references and offer counts; a provider the council and its own response. */
  viewer: "commissioner" | "provider";
  pathOf(id: string): string;
}

/** Placement requests, newest first, each linking to its live page. */
export function RequestsTable({ items, viewer, pathOf }: RequestsTableProps) {
  const council = viewer === "commissioner";
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{items.length === 1 ? "1 request" : `${items.length} requests`}, newest first</caption>
      <TableHead columns={[council ? "Child" : "Council", "Lot and mode", "Deadline", "State", council ? "Offers" : "Your response"]} />
      <tbody className="govuk-table__body">
        {items.map((item) => (
          <tr key={item.id} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" to={pathOf(item.id)}>
                {council ? (item.childReference ?? "Request") : `${item.councilName}, lot ${item.lotNumber}`}
              </Link>
            </th>
            <td className="govuk-table__cell">
              Lot {item.lotNumber}, {modeName(item.mode).toLowerCase()}
            </td>
            <td className="govuk-table__cell">{formatDateTime(item.deadline)}</td>
            <td className="govuk-table__cell">
              <RequestStateTag state={item.state} />
            </td>
            <td className="govuk-table__cell">
              {council ? `${item.offers ?? 0} of ${item.invited} invited` : item.yourStatus ? <InvitationStatusTag status={item.yourStatus} /> : "None"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
