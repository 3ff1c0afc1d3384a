import type { ReactNode } from "react";
import { describedBy, HintAndError } from "./hint-and-error";

export interface RadioOption {
  value: string;
  label: string;
}

interface RadiosProps {
  /** Also the id of the first radio, which the error summary links to (GOV.UK convention). */
  name: string;
  legend: ReactNode;
  options: readonly RadioOption[];
  value: string | undefined;
  onChange(value: string): void;
  hint?: string;
  error?: string | undefined;
}

export function Radios({ name, legend, options, value, onChange, hint, error }: RadiosProps) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(name, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{legend}</legend>
        <HintAndError id={name} hint={hint} error={error} />
        <div className="govuk-radios">
          {options.map((option, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            return (
              <div key={option.value} className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={id}
                  name={name}
                  type="radio"
                  value={option.value}
                  checked={value === option.value}
                  onChange={() => onChange(option.value)}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
                  {option.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
