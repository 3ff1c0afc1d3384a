import type { HTMLInputTypeAttribute } from "react";
import { describedBy, HintAndError } from "./hint-and-error";

interface TextInputProps {
  id: string;
  label: string;
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
}

export function TextInput({ id, label, value, onChange, hint, error, type = "text", widthClass, autoComplete, inputMode, spellCheck, labelSize }: TextInputProps) {
  const inputClass = ["govuk-input", widthClass, error ? "govuk-input--error" : null].filter(Boolean).join(" ");
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className={`govuk-label${labelSize ? ` govuk-label--${labelSize}` : ""}`} htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
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
    </div>
  );
}
