import { ErrorMessage } from "./error-message";
import { describedBy } from "./hint-and-error";

interface CheckboxProps {
  id: string;
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
  /** A tick the form needs (a confirmation): the message shows above the box, as GOV.UK does for checkboxes. */
  error?: string | undefined;
}

/** One yes/no question as a single GOV.UK checkbox (no fieldset: there is nothing to group). */
export function Checkbox({ id, label, checked, onChange, hint, error }: CheckboxProps) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
      <div className="govuk-checkboxes" data-module="govuk-checkboxes">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={id}
            name={id}
            type="checkbox"
            checked={checked}
            onChange={(event) => onChange(event.target.checked)}
            aria-describedby={describedBy(id, hint, error)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
          {hint ? (
            <div id={`${id}-hint`} className="govuk-hint govuk-checkboxes__hint">
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}
