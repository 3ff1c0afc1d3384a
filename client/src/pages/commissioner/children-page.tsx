import { Link } from "react-router";
import { PAGE_PATHS } from "../../../../shared/src/page-paths";
import type { ChildProfileListItem } from "../../../../shared/src/schemas/children";
import { useChildren } from "../../api/children";
import { commissionerChildPath } from "../../components/paths";
import { Loading, QueryProblem } from "../../components/query-problem";
import { usePageTitle } from "../../components/use-page-title";
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
      {children.status === "loading" ? <Loading what="children" /> : null}
      {children.status === "error" ? <QueryProblem what="the children" onRetry={children.retry} /> : null}
      {children.status === "success" ? <ChildrenTable items={children.data} /> : null}
    </>
  );
}

function ChildrenTable({ items }: { items: ChildProfileListItem[] }) {
  if (items.length === 0) return <p className="govuk-body">Your council has not recorded any children yet.</p>;
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{items.length === 1 ? "1 child" : `${items.length} children`}, last changed first</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Reference</th>
          <th scope="col" className="govuk-table__header">Primary need</th>
          <th scope="col" className="govuk-table__header">Placement type</th>
          <th scope="col" className="govuk-table__header">Needed by</th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {items.map((child) => (
          <tr key={child.id} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              <Link className="govuk-link" to={commissionerChildPath(child.id)}>
                {child.reference}
              </Link>
            </th>
            <td className="govuk-table__cell">{primaryNeedOf(child)}</td>
            <td className="govuk-table__cell">{lotOf(child)}</td>
            <td className="govuk-table__cell">{neededByOf(child)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
