import { useState } from "react";
import { type ChildProfile, ChildProfileUpdateSchema } from "@shared/schemas/children";
import { updateChild } from "../../api/children";
import { usePageTitle } from "../../components/use-page-title";
import { ChildForm } from "./child-form";
import { formFromChild } from "./child-form-state";
import { ChildProfileGate } from "./child-profile-gate";
import { ChildSubpage } from "./child-subpage";
import { useSaveChild } from "./use-save-child";

export function EditChildPage() {
  return <ChildProfileGate>{(child) => <EditChild child={child} />}</ChildProfileGate>;
}

function EditChild({ child }: { child: ChildProfile }) {
  const [hasErrors, setHasErrors] = useState(false);
  usePageTitle(`Change ${child.reference}`, { hasErrors });

  const save = useSaveChild(
    ChildProfileUpdateSchema,
    (input) => updateChild(child.id, input),
    (saved) => `You changed ${saved.reference}.`,
  );

  return (
    <ChildSubpage child={child}>
      <h1 className="govuk-heading-l">Change {child.reference}</h1>
      <ChildForm
        initial={formFromChild(child)}
        submitLabel="Save changes"
        preferredSettingName={child.preferredSettingName}
        save={save}
        onErrorsChange={setHasErrors}
      />
    </ChildSubpage>
  );
}
