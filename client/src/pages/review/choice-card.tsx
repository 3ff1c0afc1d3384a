import { type ReactNode, useState } from "react";
import type { z } from "zod";
import { Form } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";
import { useFormSubmit } from "../../components/use-form-submit";

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
  const fieldIds = { [props.field]: props.fieldId } as Record<F, string>;
  const form = useFormSubmit(async () => {
    const parsed = props.parse(value);
    if (!parsed.success) return errorsFromZod(fieldIds, parsed.error);
    return sendOrErrors(fieldIds, () => props.send(parsed.data));
  });

  return (
    <div className="govuk-summary-card">
      <div className="govuk-summary-card__title-wrapper">
        <h3 className="govuk-summary-card__title">{props.title}</h3>
      </div>
      <div className="govuk-summary-card__content">
        {props.description ? <p className="govuk-body">{props.description}</p> : null}
        {props.status}
        {props.canChoose ? (
          <Form
            form={form}
            onSubmit={(event) => form.submit(event)}
            submitLabel={
              <>
                {props.buttonText}
                <span className="govuk-visually-hidden">{props.buttonHiddenText}</span>
              </>
            }
            flush
          >
            <Radios
              name={props.fieldId}
              legend={props.legend}
              options={props.options}
              value={value}
              onChange={setValue}
              error={form.errors?.fields[props.field]}
            />
          </Form>
        ) : null}
      </div>
    </div>
  );
}
