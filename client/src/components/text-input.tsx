import type { HTMLInputTypeAttribute, ReactNode } from "react";
import { describedBy, LabelledField } from "./hint-and-error";

interface TextInputProps {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  hint?: string;
  error?: string | undefined;
  type?: HTMLInputTypeAttribute;
  /** A GOV.UK width class, e.g. "govuk-input--width-3" or "govuk-!-width-one-half". */
  widthClass?: string;
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "decimal" | "email";
  spellCheck?: boolean;
  labelSize?: "s" | "m";
  /** Read out but not shown, where a table's headers already say what the field is. */
  hideLabel?: boolean;
  /** A unit shown before the box, like "£". */
  prefix?: string;
  /** More classes for the form group, e.g. "govuk-!-margin-bottom-0" in a table. */
  groupClass?: string;
}

export function TextInput({
  id,
  label,
  value,
  onChange,
  hint,
  error,
  type = "text",
  widthClass,
  autoComplete,
  inputMode,
  spellCheck,
  labelSize,
  hideLabel,
  prefix,
  groupClass,
}: TextInputProps) {
  const inputClass = ["govuk-input", widthClass, error ? "govuk-input--error" : null].filter(Boolean).join(" ");
  const input = (
    <input
      className={inputClass}
      id={id}
      name={id}
      type={type}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      aria-describedby={describedBy(id, hint, error)}
      autoComplete={autoComplete}
      inputMode={inputMode}
      spellCheck={spellCheck}
    />
  );
  return (
    <LabelledField id={id} label={label} labelSize={labelSize} hideLabel={hideLabel} hint={hint} error={error} groupClass={groupClass}>
      {prefix ? (
        <div className="govuk-input__wrapper">
          <div className="govuk-input__prefix" aria-hidden="true">
            {prefix}
          </div>
          {input}
        </div>
      ) : (
        input
      )}
    </LabelledField>
  );
}
