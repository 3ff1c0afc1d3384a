import { Link } from "react-router";
import type { ChildProfile } from "@shared/schemas/children";
import { usePlacements } from "../../api/placements";
import { formatDate } from "../../lib/format-date";
import { commissionerChildOutcomesPath, commissionerChildPath, commissionerPlacementPath } from "../../lib/paths";
import type { OutcomesLinkState } from "./outcomes-page";

/**
 * On the child's page: the outcomes of the EHC plan each review scores, and the child's
 * placements, each linking to its reviews and distance travelled. Small, so the commissioner's
 * pages do not bring the placements chunk (and its charts) with them.
 */
export function ChildPlacements({ child }: { child: ChildProfile }) {
  const placements = usePlacements();
  const mine = placements.status === "success" && placements.data.viewer === "council" ? placements.data.data.filter((p) => p.childId === child.id) : [];
  return (
    <section aria-labelledby="child-placements-heading">
      <h2 className="govuk-heading-m" id="child-placements-heading">
        Placements and outcomes
      </h2>
      <p className="govuk-body">
        <Link className="govuk-link" to={commissionerChildOutcomesPath(child.id)} state={{ from: commissionerChildPath(child.id) } satisfies OutcomesLinkState}>
          Outcomes in the EHC plan<span className="govuk-visually-hidden"> of {child.reference}</span>
        </Link>
        : the statements each review of a placement scores.
      </p>
      {mine.length > 0 ? (
        <ul className="govuk-list">
          {mine.map((p) => (
            <li key={p.id}>
              <Link className="govuk-link" to={commissionerPlacementPath(p.id)}>
                Placement at {p.settingName}, from {formatDate(p.startDate)}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
