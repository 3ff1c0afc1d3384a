import { Link } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import type { ChildProfileListItem } from "@shared/schemas/children";
import { fetchChildrenPage } from "../../api/children";
import { FilteredList } from "../../components/filtered-list";
import { Table } from "../../components/table";
import { usePageTitle } from "../../components/use-page-title";
import { commissionerChildEditPath, commissionerChildPath } from "../../lib/paths";
import { lotOf, neededByOf, primaryNeedOf } from "./child-labels";

const FILTER_OPTIONS = [
  { value: "draft", label: "Draft", hint: "Questions still to answer or answers to check" },
  { value: "complete", label: "Complete" },
  { value: "open_request", label: "Has an open request" },
  { value: "placed", label: "Placed" },
] as const;

/** The council's children, by reference only: opening one is what shows (and audits) its profile. Searched, filtered and paged by the server. */
export function ChildrenPage() {
  usePageTitle("Children");
  return (
    <>
      <h1 className="govuk-heading-l">Children</h1>
      <p className="govuk-body">Your council’s children’s needs profiles. Each is known by your reference, never by name.</p>
      <div className="govuk-button-group">
        <Link className="govuk-button" data-module="govuk-button" to={PAGE_PATHS.commissionerChildNew}>
          Record a child’s needs
        </Link>
        <Link className="govuk-button govuk-button--secondary" data-module="govuk-button" to={PAGE_PATHS.commissionerChildImport}>
          Import a referral
        </Link>
      </div>
      <FilteredList
        load={fetchChildrenPage}
        what="children"
        count={(n) => (n === 1 ? "1 child" : `${n} children`)}
        search={{ label: "Search", hint: "Your council’s reference for the child, or part of it, like MCR-2026" }}
        filter={{ legend: "Status", options: FILTER_OPTIONS }}
        empty="Your council has not recorded any children yet."
      >
        {(items) => <ChildrenTable items={items} />}
      </FilteredList>
    </>
  );
}

const statusOf = (child: ChildProfileListItem) => (child.status === "complete" && !child.placed && !child.hasOpenRequest ? "Complete" : tagsOf(child));

const tagsOf = (child: ChildProfileListItem) => [
  child.status === "draft" ? (
    <strong key="draft" className="govuk-tag govuk-tag--light-blue">
      Draft
    </strong>
  ) : null,
  child.placed ? (
    <strong key="placed" className="govuk-tag govuk-tag--green">
      Placed
    </strong>
  ) : null,
  child.hasOpenRequest ? (
    <strong key="request" className="govuk-tag govuk-tag--yellow">
      Open request
    </strong>
  ) : null,
];

function ChildrenTable({ items }: { items: ChildProfileListItem[] }) {
  return (
    <Table
      caption="Children, last changed first"
      captionSize="s"
      columns={["Reference", "Status", "Primary need", "Placement type", "Needed by"]}
      rows={items.map((child) => ({
        key: child.id,
        header: (
          <Link className="govuk-link" to={child.status === "draft" ? commissionerChildEditPath(child.id) : commissionerChildPath(child.id)}>
            {child.reference}
          </Link>
        ),
        cells: [<>{statusOf(child)}</>, primaryNeedOf(child), lotOf(child), neededByOf(child)],
      }))}
    />
  );
}
