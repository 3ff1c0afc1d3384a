import { useState } from "react";
import { ErrorSummary } from "../../components/error-summary";
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
  const { errors, attempt, sending, submit } = useFormSubmit(save, onErrorsChange);
  const section = { form, update: (change: Partial<ChildFormState>) => setForm((f) => ({ ...f, ...change })), error: (field: ChildField) => errors?.fields[field] };

  return (
    <>
      {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <form noValidate onSubmit={(event) => void submit(event, form)}>
        <ChildAboutFields {...section} />
        <ChildNeedsFields {...section} />
        <ChildPlacementFields {...section} preferredSettingName={preferredSettingName} />
        <ChildRequirementsFields {...section} />
        <ChildRisksFields {...section} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={sending}>
          {submitLabel}
        </button>
      </form>
    </>
  );
}
