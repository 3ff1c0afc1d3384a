import { describedBy, LabelledField } from "./hint-and-error";

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectProps {
  id: string;
  label: string;
  options: readonly SelectOption[];
  value: string;
  onChange(value: string): void;
  hint?: string;
  error?: string | undefined;
  labelSize?: "s" | "m";
}

/** GOV.UK select. Use it only for longer lists where radios would not fit (a filter column). */
export function Select({ id, label, options, value, onChange, hint, error, labelSize }: SelectProps) {
  return (
    <LabelledField id={id} label={label} labelSize={labelSize} hint={hint} error={error}>
      <select
        className={`govuk-select${error ? " govuk-select--error" : ""}`}
        id={id}
        name={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-describedby={describedBy(id, hint, error)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}
