import { describedBy, HintAndError } from "./hint-and-error";

export interface DateField<K extends string = string> {
  key: K;
  label: string;
  /** GOV.UK input width in characters: 2 for a day or month, 4 for a year. */
  width: 2 | 4;
  fieldId: string;
}

/** What a date-like input (date, date and time, month and year) takes from its form. */
export interface DatePartsProps<V> {
  /** The id the hint and error hang off; the first field's id is what the error summary links to. */
  id: string;
  legend: string;
  hint?: string | undefined;
  value: V;
  onChange(value: V): void;
  error?: string | undefined;
  legendSize?: "s" | "m";
}

/** GOV.UK date input markup for any of day, month, year, hour and minute: one fieldset, one numeric box each. */
export function DateFields<K extends string, V extends Record<K, string>>({
  id,
  legend,
  hint,
  fields,
  value,
  onChange,
  error,
  legendSize = "s",
}: DatePartsProps<V> & { fields: readonly DateField<K>[] }) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={describedBy(id, hint, error)}>
        <legend className={`govuk-fieldset__legend govuk-fieldset__legend--${legendSize}`}>{legend}</legend>
        <HintAndError id={id} hint={hint} error={error} />
        <div className="govuk-date-input">
          {fields.map((field) => (
            <div key={field.key} className="govuk-date-input__item">
              <div className="govuk-form-group">
                <label className="govuk-label govuk-date-input__label" htmlFor={field.fieldId}>
                  {field.label}
                </label>
                <input
                  className={`govuk-input govuk-date-input__input govuk-input--width-${field.width}${error ? " govuk-input--error" : ""}`}
                  id={field.fieldId}
                  name={field.fieldId}
                  type="text"
                  inputMode="numeric"
                  value={value[field.key]}
                  onChange={(event) => onChange({ ...value, [field.key]: event.target.value })}
                />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
