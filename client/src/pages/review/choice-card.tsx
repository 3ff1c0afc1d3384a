import { useState, type FormEvent, type ReactNode } from "react";
import type { z } from "zod";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";

export interface ChoiceCardProps<F extends string, T> {
  /** The API field the choice is sent as ("choice", "rating"): errors map back to it. */
  field: F;
  fieldId: string;
  title: string;
  description: string;
  /** The live figure under the description (totals, average), announced politely. */
  status: ReactNode;
  canChoose: boolean;
  legend: string;
  options: { value: string; label: string }[];
  initial: string | undefined;
  buttonText: string;
  buttonHiddenText: string;
  /** Parses the chosen radio value into the request body. */
  parse(value: string | undefined): z.ZodSafeParseResult<T>;
  send(body: T): Promise<void>;
}

/** A summary card with one radios question and a button: a proposal's vote or a criterion's rating. */
export function ChoiceCard<F extends string, T>(props: ChoiceCardProps<F, T>) {
  const [value, setValue] = useState<string | undefined>(props.initial);
  const [errors, setErrors] = useState<FormErrors<F>>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const fieldIds = { [props.field]: props.fieldId } as Record<F, string>;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const parsed = props.parse(value);
    if (!parsed.success) {
      setErrors(errorsFromZod(fieldIds, parsed.error));
      setAttempt((n) => n + 1);
      return;
    }
    setSending(true);
    try {
      await props.send(parsed.data);
      setErrors(undefined);
    } catch (error) {
      setErrors(errorsFromApi(fieldIds, error));
      setAttempt((n) => n + 1);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{props.title}</h3>
      </div>
      <div className="govuk-summary-card__content">
        {props.description ? <p className="govuk-body">{props.description}</p> : null}
        {props.status}
        {props.canChoose ? (
          <>
            {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
            <form noValidate onSubmit={handleSubmit}>
              <Radios name={props.fieldId} legend={props.legend} options={props.options} value={value} onChange={setValue} error={errors?.fields[props.field]} />
              <button type="submit" className="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button" disabled={sending}>
                {props.buttonText}
                <span className="govuk-visually-hidden">{props.buttonHiddenText}</span>
              </button>
            </form>
          </>
        ) : null}
      </div>
    </div>
  );
}
