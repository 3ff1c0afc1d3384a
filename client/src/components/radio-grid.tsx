import type { ReactNode } from "react";
import { describedBy, HintAndError } from "./hint-and-error";
import { RadioItem, type RadioOption } from "./radios";

export interface RadioGridRow {
  key: string;
  label: string;
}

interface RadioGridProps {
  /** Prefix of every id; the first radio of the first row is `${id}-${rows[0].key}`, which the error summary links to. */
  id: string;
  legend: ReactNode;
  hint?: string;
  rows: readonly RadioGridRow[];
  options: readonly RadioOption[];
  /** The chosen option per row; a row with none takes the first option, unless `unanswered` says it stays empty. */
  values: Partial<Record<string, string>>;
  /** Rows with no value show nothing chosen: each must be answered, none is assumed. */
  unanswered?: boolean;
  onChange(key: string, value: string): void;
  error?: string | undefined;
}

const slug = (value: string) => value.toLowerCase().replace(/[^a-z0-9]+/g, "-");

/** The same question for each of many things (each need, each risk): one small inline row of radios per thing. */
export function RadioGrid({ id, legend, hint, rows, options, values, onChange, error, unanswered = false }: RadioGridProps) {
  const first = unanswered ? undefined : options[0]?.value;
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        {rows.map((row) => (
          <div key={row.key} className="govuk-form-group govuk-!-margin-bottom-4">
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{row.label}</legend>
              <div className="govuk-radios govuk-radios--small govuk-radios--inline">
                {options.map((option, index) => (
                  <RadioItem
                    key={option.value}
                    id={index === 0 ? `${id}-${row.key}` : `${id}-${row.key}-${slug(option.value)}`}
                    name={`${id}-${row.key}`}
                    option={option}
                    checked={(values[row.key] ?? first) === option.value}
                    onChoose={() => onChange(row.key, option.value)}
                  />
                ))}
              </div>
            </fieldset>
          </div>
        ))}
      </fieldset>
    </div>
  );
}
