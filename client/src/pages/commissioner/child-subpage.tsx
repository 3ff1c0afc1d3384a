import type { ReactNode } from "react";
import { Link } from "react-router";
import type { ChildProfile } from "../../../../shared/src/schemas/children";
import { commissionerChildPath } from "../../components/paths";

/** A page about one child (its matches, a change, a request): the reading column, with the way back to the child. */
export function ChildSubpage({ child, children }: { child: Pick<ChildProfile, "id" | "reference">; children: ReactNode }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Link className="govuk-back-link" to={commissionerChildPath(child.id)}>
          Back to {child.reference}
        </Link>
        {children}
      </div>
    </div>
  );
}
