import { CHILD_SEX_LABELS } from "@shared/codes/children";
import type { AnonymisedChild } from "@shared/schemas/placement-requests";
import { therapyLabel } from "../../components/setting-labels";
import { SummaryList } from "../../components/summary-list";
import { formatDate } from "../../lib/format-date";
import { needLabel } from "../commissioner/child-labels";
import { requirementsRows, risksOf } from "../commissioner/child-summary";

const NOT_GIVEN = "Not given";

/** What an invited provider may know of the child: no reference, month of birth or free text but section F. */
export function AnonymisedChildSummary({ child }: { child: AnonymisedChild }) {
  return (
    <section aria-labelledby="child-heading">
      <h2 className="govuk-heading-m" id="child-heading">
        The child
      </h2>
      <SummaryList
        rows={[
          { key: "Age", value: child.ageYears === null ? NOT_GIVEN : `${child.ageYears}` },
          { key: "Sex", value: child.sex ? CHILD_SEX_LABELS[child.sex] : NOT_GIVEN },
          { key: "Home postcode district", value: child.homeOutcode ?? NOT_GIVEN },
          { key: "Needed by", value: child.neededBy ? formatDate(child.neededBy) : NOT_GIVEN },
          { key: "Primary need", value: child.primaryNeed ? needLabel(child.primaryNeed) : NOT_GIVEN },
          { key: "Secondary needs", value: child.secondaryNeeds.map(needLabel).join(", ") || "None" },
          { key: "Risks present", value: risksOf({ risks: child.risksPresent }) },
          { key: "Staffing ratio", value: child.staffingRatio ?? "No particular ratio" },
          { key: "Therapies", value: child.therapies.map(therapyLabel).join(", ") || "None" },
          { key: "Section F: special educational provision", value: child.sectionF || "None" },
        ]}
      />
      <h3 className="govuk-heading-s">Requirements</h3>
      <SummaryList rows={requirementsRows(child)} />
    </section>
  );
}
