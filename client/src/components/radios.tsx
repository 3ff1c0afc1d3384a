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
          {options.map((option, index) => (
            <RadioItem
              key={option.value}
              id={index === 0 ? name : `${name}-${index + 1}`}
              name={name}
              option={option}
              checked={value === option.value}
              onChoose={() => onChange(option.value)}
            />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** One radio and its label, inside a `govuk-radios` container. */
export function RadioItem({ id, name, option, checked, onChoose }: { id: string; name: string; option: RadioOption; checked: boolean; onChoose(): void }) {
  return (
    <div className="govuk-radios__item">
      <input className="govuk-radios__input" id={id} name={name} type="radio" value={option.value} checked={checked} onChange={onChoose} />
      <label className="govuk-label govuk-radios__label" htmlFor={id}>
        {option.label}
      </label>
    </div>
  );
}
