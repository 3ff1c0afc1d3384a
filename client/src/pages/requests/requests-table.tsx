import { Link } from "react-router";
import type { RequestListItem } from "@shared/schemas/placement-requests";
import { Table } from "../../components/table";
import { formatDateTime } from "../../lib/format-date";
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
    <Table
      caption={`${items.length === 1 ? "1 request" : `${items.length} requests`}, newest first`}
      captionSize="m"
      columns={[council ? "Child" : "Council", "Lot and mode", "Deadline", "State", council ? "Offers" : "Your response"]}
      rows={items.map((item) => ({
        key: item.id,
        header: (
          <Link className="govuk-link" to={pathOf(item.id)}>
            {council ? (item.childReference ?? "Request") : `${item.councilName}, lot ${item.lotNumber}`}
          </Link>
        ),
        cells: [
          `Lot ${item.lotNumber}, ${modeName(item.mode).toLowerCase()}`,
          formatDateTime(item.deadline),
          <RequestStateTag state={item.state} />,
          council ? `${item.offers ?? 0} of ${item.invited} invited` : item.yourStatus ? <InvitationStatusTag status={item.yourStatus} /> : "None",
        ],
      }))}
    />
  );
}
