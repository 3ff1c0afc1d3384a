import type { ReactNode } from "react";
import { describedBy, HintAndError } from "./hint-and-error";

export interface CheckboxOption {
  value: string;
  label: string;
  hint?: string;
}

interface CheckboxesProps {
  /** Also the id of the first checkbox, which the error summary links to (GOV.UK convention). */
  name: string;
  legend: ReactNode;
  options: readonly CheckboxOption[];
  values: readonly string[];
  onChange(values: string[]): void;
  hint?: string;
  error?: string | undefined;
  legendSize?: "s" | "m";
  small?: boolean;
}

/** A GOV.UK group of checkboxes in a fieldset; `values` keeps the options' order. */
export function Checkboxes({ name, legend, options, values, onChange, hint, error, legendSize = "m", small }: CheckboxesProps) {
  const toggle = (value: string, checked: boolean) => onChange(options.map((o) => o.value).filter((v) => (v === value ? checked : values.includes(v))));

  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>{legend}</legend>
        <HintAndError id={name} hint={hint} error={error} />
        <div className={`govuk-checkboxes${small ? " govuk-checkboxes--small" : ""}`} data-module="govuk-checkboxes">
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            return (
              <div key={option.value} className="govuk-checkboxes__item">
                <input
                  className="govuk-checkboxes__input"
                  id={id}
                  name={name}
                  type="checkbox"
                  value={option.value}
                  checked={values.includes(option.value)}
                  onChange={(event) => toggle(option.value, event.target.checked)}
                  aria-describedby={option.hint ? `${id}-item-hint` : undefined}
                />
                <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
                  {option.label}
                </label>
                {option.hint ? (
                  <div id={`${id}-item-hint`} className="govuk-hint govuk-checkboxes__hint">
                    {option.hint}
                  </div>
                ) : null}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
