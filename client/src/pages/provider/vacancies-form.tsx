import { useState } from "react";
import { type Setting, VacanciesUpdateSchema } from "@shared/schemas/settings";
import { updateVacancies } from "../../api/settings";
import { Form } from "../../components/form";
import { errorsFromZod, type FormErrors, sendOrErrors } from "../../components/form-errors";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";
import { numberFromInput } from "../../lib/parse-number";

export const vacanciesFieldId = (settingId: string) => `vacancies-${settingId}`;

interface VacanciesFormProps {
  setting: Setting;
  /** Set by the page, which also lists it in the error summary at the top. */
  error: string | undefined;
  onUpdated(setting: Setting): Promise<void>;
  onFailed(errors: FormErrors<"vacancies">): void;
}

/** The fast path a provider uses daily: type today's number, press the button. Confirms it even if unchanged. */
export function VacanciesForm({ setting, error, onUpdated, onFailed }: VacanciesFormProps) {
  const [value, setValue] = useState(String(setting.vacancies));
  const id = vacanciesFieldId(setting.id);
  const fieldIds = { vacancies: id };

  async function update(): Promise<FormErrors<"vacancies"> | undefined> {
    const parsed = VacanciesUpdateSchema.safeParse({ vacancies: numberFromInput(value) });
    if (!parsed.success) return errorsFromZod(fieldIds, parsed.error);
    return sendOrErrors(fieldIds, async () => {
      const updated = await updateVacancies(setting.id, parsed.data.vacancies);
      setValue(String(updated.vacancies));
      await onUpdated(updated);
    });
  }
  // The page lists the problem in the error summary at its top, so the form keeps none of its own.
  const form = useFormSubmit(async () => {
    const problems = await update();
    if (problems) onFailed(problems);
    return undefined;
  });

  return (
    <Form
      form={form}
      onSubmit={(event) => form.submit(event)}
      submitLabel={
        <>
          Update vacancies<span className="govuk-visually-hidden"> at {setting.name}</span>
        </>
      }
      secondary
      flush
      errorSummary={false}
    >
      <TextInput
        id={id}
        label={
          <>
            Vacancies now<span className="govuk-visually-hidden"> at {setting.name}</span>
          </>
        }
        labelSize="s"
        groupClass="govuk-!-margin-bottom-3"
        widthClass="govuk-input--width-3"
        inputMode="numeric"
        spellCheck={false}
        value={value}
        onChange={setValue}
        error={error}
      />
    </Form>
  );
}
