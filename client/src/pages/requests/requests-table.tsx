import { Link } from "react-router";
import type { RequestListItem } from "@shared/schemas/placement-requests";
import { Table } from "../../components/table";
import { formatDateTime } from "../../lib/format-date";
import { InvitationStatusTag, modeName, OutcomeTag, RequestStateTag } from "./request-labels";

interface RequestsTableProps {
  items: RequestListItem[];
  /** The council sees its children's references and offer counts; a provider the council and its own response. */
  viewer: "commissioner" | "provider";
  pathOf(id: string): string;
}

/** A provider's own response; once the council intends to award, whether its offer was successful. */
function ProviderResponse({ item }: { item: RequestListItem }) {
  if (item.yourOutcome) return <OutcomeTag outcome={item.yourOutcome} />;
  return item.yourStatus ? <InvitationStatusTag status={item.yourStatus} /> : "None";
}

/** Placement requests, newest first, each linking to its live page. */
export function RequestsTable({ items, viewer, pathOf }: RequestsTableProps) {
  const council = viewer === "commissioner";
  return (
    <Table
      caption="Placement requests, newest first"
      captionSize="m"
      columns={["Request", "Lot and mode", council ? "Deadline" : "Closes", "State", council ? "Offers" : "Your response"]}
      rows={items.map((item) => ({
        key: item.id,
        header: (
          <Link className="govuk-link" to={pathOf(item.id)}>
            {council ? `${item.reference} for ${item.childReference ?? "a child"}` : `${item.reference} from ${item.councilName}`}
          </Link>
        ),
        cells: [
          `Lot ${item.lotNumber}, ${modeName(item.mode).toLowerCase()}`,
          formatDateTime(item.deadline),
          <RequestStateTag state={item.state} />,
          council ? `${item.offers ?? 0} of ${item.invited} invited` : <ProviderResponse item={item} />,
        ],
      }))}
    />
  );
}
