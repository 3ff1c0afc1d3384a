import { useState } from "react";
import { Form } from "../../components/form";
import type { FormErrors } from "../../components/form-errors";
import { useFormSubmit } from "../../components/use-form-submit";
import { ChildAboutFields } from "./child-about-fields";
import type { ChildField, ChildFormState } from "./child-form-state";
import { ChildNeedsFields } from "./child-needs-fields";
import { ChildPlacementFields } from "./child-placement-fields";
import { ChildRequirementsFields } from "./child-requirements-fields";
import { ChildRisksFields } from "./child-risks-fields";

interface ChildFormProps {
  initial: ChildFormState;
  submitLabel: string;
  /** The stored parental preference's name, when changing a profile. */
  preferredSettingName?: string | null;
  /** Checks and saves; answers the problems to show, or nothing when it saved. */
  save(form: ChildFormState): Promise<FormErrors<ChildField> | undefined>;
  onErrorsChange(hasErrors: boolean): void;
}

/** A child's pseudonymised needs profile, in sections as an EHC plan and a Placements Data Standard referral lay it out. */
export function ChildForm({ initial, submitLabel, preferredSettingName, save, onErrorsChange }: ChildFormProps) {
  const [form, setForm] = useState(initial);
  const submission = useFormSubmit(save, onErrorsChange);
  const { errors } = submission;
  const section = {
    form,
    update: (change: Partial<ChildFormState>) => setForm((f) => ({ ...f, ...change })),
    error: (field: ChildField) => errors?.fields[field],
  };

  return (
    <Form form={submission} onSubmit={(event) => submission.submit(event, form)} submitLabel={submitLabel}>
      <ChildAboutFields {...section} />
      <ChildNeedsFields {...section} />
      <ChildPlacementFields {...section} preferredSettingName={preferredSettingName} />
      <ChildRequirementsFields {...section} />
      <ChildRisksFields {...section} />
    </Form>
  );
}
