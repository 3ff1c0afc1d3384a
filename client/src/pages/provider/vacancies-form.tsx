import { useState, type FormEvent } from "react";
import { VacanciesUpdateSchema, type Setting } from "../../../../shared/src/schemas/settings";
import { updateVacancies } from "../../api/settings";
import { ErrorMessage } from "../../components/error-message";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { numberFromInput } from "../../components/parse-number";

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
  const [sending, setSending] = useState(false);
  const id = vacanciesFieldId(setting.id);
  const fieldIds = { vacancies: id };

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const parsed = VacanciesUpdateSchema.safeParse({ vacancies: numberFromInput(value) });
    if (!parsed.success) return onFailed(errorsFromZod(fieldIds, parsed.error));
    setSending(true);
    try {
      const updated = await updateVacancies(setting.id, parsed.data.vacancies);
      setValue(String(updated.vacancies));
      await onUpdated(updated);
    } catch (caught) {
      onFailed(errorsFromApi(fieldIds, caught));
    } finally {
      setSending(false);
    }
  }

  return (
    <form noValidate onSubmit={handleSubmit}>
      <div className={`govuk-form-group govuk-!-margin-bottom-3${error ? " govuk-form-group--error" : ""}`}>
        <label className="govuk-label govuk-label--s" htmlFor={id}>
          Vacancies now<span className="govuk-visually-hidden"> at {setting.name}</span>
        </label>
        {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
        <input
          className={`govuk-input govuk-input--width-3${error ? " govuk-input--error" : ""}`}
          id={id}
          name={id}
          type="text"
          inputMode="numeric"
          spellCheck={false}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          aria-describedby={error ? `${id}-error` : undefined}
        />
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" disabled={sending}>
        Update vacancies<span className="govuk-visually-hidden"> at {setting.name}</span>
      </button>
    </form>
  );
}
