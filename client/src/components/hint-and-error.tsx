import type { ReactNode } from "react";
import { ErrorMessage } from "./error-message";

/** The ids a field's aria-describedby names: `${id}-hint` and `${id}-error`, when there are both. */
export function describedBy(id: string, hint: string | undefined, error: string | undefined, ...more: string[]): string | undefined {
  return [...more, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A GOV.UK field's hint and error message, in that order, with the ids `describedBy` names. */
export function HintAndError({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint ? (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      ) : null}
      {error ? <ErrorMessage id={`${id}-error`}>{error}</ErrorMessage> : null}
    </>
  );
}

interface LabelledFieldProps {
  id: string;
  label: ReactNode;
  labelSize?: "s" | "m" | undefined;
  /** For a field whose label the table or card around it already says (still read out). */
  hideLabel?: boolean | undefined;
  hint?: string | undefined;
  error?: string | undefined;
  /** More classes for the form group, e.g. "govuk-!-margin-bottom-0" in a table. */
  groupClass?: string | undefined;
  /** The control, with the id and `describedBy(id, hint, error)`. */
  children: ReactNode;
}

/** A GOV.UK form group for one labelled control (an input, a select): label, hint, error message, control. */
export function LabelledField({ id, label, labelSize, hideLabel = false, hint, error, groupClass, children }: LabelledFieldProps) {
  const labelClass = ["govuk-label", labelSize ? `govuk-label--${labelSize}` : null, hideLabel ? "govuk-visually-hidden" : null].filter(Boolean).join(" ");
  return (
    <div className={["govuk-form-group", groupClass, error ? "govuk-form-group--error" : null].filter(Boolean).join(" ")}>
      <label className={labelClass} htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}
