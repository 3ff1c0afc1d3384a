import { useState } from "react";
import { PAGE_PATHS } from "@shared/page-paths";
import { ChildProfileCreateSchema } from "@shared/schemas/children";
import { createChild } from "../../api/children";
import { ReadingColumn } from "../../components/reading-column";
import { usePageTitle } from "../../components/use-page-title";
import { ChildForm } from "./child-form";
import { EMPTY_CHILD_FORM } from "./child-form-state";
import { useSaveChild } from "./use-save-child";

export function RecordChildPage() {
  const [hasErrors, setHasErrors] = useState(false);
  usePageTitle("Record a child’s needs", { hasErrors });

  const save = useSaveChild(ChildProfileCreateSchema, createChild, (child) => `You recorded ${child.reference}.`);

  return (
    <ReadingColumn backTo={PAGE_PATHS.commissionerChildren} backText="Back to children">
      <h1 className="govuk-heading-l">Record a child’s needs</h1>
      <p className="govuk-body">
        The profile is pseudonymised: it holds your council’s reference, never a name, address or full date of birth. Only commissioners of your council can see
        it, and every time it is opened is recorded.
      </p>
      <ChildForm initial={EMPTY_CHILD_FORM} submitLabel="Save the profile" save={save} onErrorsChange={setHasErrors} />
    </ReadingColumn>
  );
}
