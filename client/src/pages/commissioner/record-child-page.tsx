import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { ChildProfileDraftCreateSchema } from "@shared/schemas/children";
import { createChildDraft } from "../../api/children";
import { errorsFromApi } from "../../components/form-errors";
import { ReadingColumn } from "../../components/reading-column";
import { usePageTitle } from "../../components/use-page-title";
import { commissionerChildEditPath } from "../../lib/paths";
import { checkChildSection, CHILD_FIELD_IDS, type ChildFormState, EMPTY_CHILD_FORM } from "./child-form-state";
import { ChildSectionForm } from "./child-section-form";

/** The first question page of a new profile: saving it starts the draft, then the task list leads through the rest. */
export function RecordChildPage() {
  const [hasErrors, setHasErrors] = useState(false);
  usePageTitle("About the child – Record a child’s needs", { hasErrors });
  const navigate = useNavigate();

  const save = async (form: ChildFormState) => {
    const checked = checkChildSection(form, "about", ChildProfileDraftCreateSchema);
    if ("problems" in checked) return checked.problems;
    try {
      const child = await createChildDraft(checked.data);
      await navigate(commissionerChildEditPath(child.id));
      return undefined;
    } catch (error) {
      return errorsFromApi(CHILD_FIELD_IDS, error, "reference");
    }
  };

  return (
    <ReadingColumn backTo={PAGE_PATHS.commissionerChildren} backText="Back to children">
      <span className="govuk-caption-l">Record a child’s needs</span>
      <h1 className="govuk-heading-l">About the child</h1>
      <p className="govuk-body">
        The profile is pseudonymised: it holds your council’s reference, never a name, address or full date of birth. Only commissioners of your council can see
        it, and every time it is opened is recorded.
      </p>
      <p className="govuk-body">Your answers are saved as a draft page by page: you can leave questions and come back to them.</p>
      <p className="govuk-body">
        If you have the child’s referral in the Placements Data Standard,{" "}
        <Link className="govuk-link" to={PAGE_PATHS.commissionerChildImport}>
          import the referral
        </Link>{" "}
        instead.
      </p>
      <ChildSectionForm section="about" initial={EMPTY_CHILD_FORM} save={save} onErrorsChange={setHasErrors} />
    </ReadingColumn>
  );
}
