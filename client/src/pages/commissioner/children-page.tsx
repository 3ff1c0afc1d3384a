import { Link } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import type { ChildProfileListItem } from "@shared/schemas/children";
import { useChildren } from "../../api/children";
import { QueryView } from "../../components/query-view";
import { Table } from "../../components/table";
import { usePageTitle } from "../../components/use-page-title";
import { commissionerChildPath } from "../../lib/paths";
import { lotOf, neededByOf, primaryNeedOf } from "./child-labels";

/** The council's children, by reference only: opening one is what shows (and audits) its profile. */
export function ChildrenPage() {
  usePageTitle("Children");
  const children = useChildren();
  return (
    <>
      <h1 className="govuk-heading-l">Children</h1>
      <p className="govuk-body">Your council’s children’s needs profiles. Each is known by your reference, never by name.</p>
      <Link className="govuk-button" data-module="govuk-button" to={PAGE_PATHS.commissionerChildNew}>
        Record a child’s needs
      </Link>
      <QueryView query={children} what="the children" loading="children" empty="Your council has not recorded any children yet.">
        {(items) => <ChildrenTable items={items} />}
      </QueryView>
    </>
  );
}

function ChildrenTable({ items }: { items: ChildProfileListItem[] }) {
  return (
    <Table
      caption={`${items.length === 1 ? "1 child" : `${items.length} children`}, last changed first`}
      captionSize="m"
      columns={["Reference", "Primary need", "Placement type", "Needed by"]}
      rows={items.map((child) => ({
        key: child.id,
        header: (
          <Link className="govuk-link" to={commissionerChildPath(child.id)}>
            {child.reference}
          </Link>
        ),
        cells: [primaryNeedOf(child), lotOf(child), neededByOf(child)],
      }))}
    />
  );
}
