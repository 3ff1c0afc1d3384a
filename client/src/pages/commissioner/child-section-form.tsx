import { useState } from "react";
import type { ChildSectionId } from "@shared/schemas/child-questions";
import { Form } from "../../components/form";
import type { FormErrors } from "../../components/form-errors";
import { useFormSubmit } from "../../components/use-form-submit";
import type { ChildField, ChildFormState } from "./child-form-state";
import { ChildSectionFields } from "./child-section-fields";

interface ChildSectionFormProps {
  section: ChildSectionId;
  initial: ChildFormState;
  /** The stored parental preference's name, when changing a profile. */
  preferredSettingName?: string | null;
  /** Checks and saves; answers the problems to show, or nothing when it saved. */
  save(form: ChildFormState): Promise<FormErrors<ChildField> | undefined>;
  onErrorsChange(hasErrors: boolean): void;
}

/** A question page's form: its answers are saved to the draft, and what is left empty stays to answer later. */
export function ChildSectionForm({ section, initial, preferredSettingName, save, onErrorsChange }: ChildSectionFormProps) {
  const [form, setForm] = useState(initial);
  const submission = useFormSubmit(save, onErrorsChange);
  const { errors } = submission;
  return (
    <Form form={submission} onSubmit={(event) => submission.submit(event, form)} submitLabel="Save and continue">
      <ChildSectionFields
        section={section}
        form={form}
        update={(change) => setForm((f) => ({ ...f, ...change }))}
        error={(field) => errors?.fields[field]}
        preferredSettingName={preferredSettingName}
      />
    </Form>
  );
}
