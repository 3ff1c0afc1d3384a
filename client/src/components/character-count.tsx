import { CharacterCount as GovukCharacterCount } from "govuk-frontend";
import { useEffect, useRef } from "react";
import { useGovukModule } from "../govuk/use-govuk-module";
import { describedBy, HintAndError } from "./hint-and-error";

/** The hint on free text that others will read, where the server refuses what looks like personal data. */
export const PERSONAL_DATA_HINT = "Do not include names, phone numbers, e-mail addresses, postcodes or anything else that could identify a child or family.";

interface CharacterCountProps {
  id: string;
  label: string;
  maxLength: number;
  value: string;
  onChange(value: string): void;
  hint?: string;
  error?: string | undefined;
}

/**
 * GOV.UK's character count. No maxlength attribute on purpose: the design system lets people
 * type or paste past the limit and then edit down, with the count telling them by how much.
 */
export function CharacterCount({ id, label, maxLength, value, onChange, hint, error }: CharacterCountProps) {
  const ref = useGovukModule<HTMLDivElement>(GovukCharacterCount);
  const typed = useRef(value);

  // GOV.UK's count listens for typing only: when the form sets the text itself (cleared after
  // it is sent), the count is told, so it does not go on saying how much was left before.
  useEffect(() => {
    if (value === typed.current) return;
    typed.current = value;
    ref.current?.querySelector("textarea")?.dispatchEvent(new Event("input"));
  }, [value, ref]);

  return (
    <div
      ref={ref}
      className={`govuk-form-group govuk-character-count${error ? " govuk-form-group--error" : ""}`}
      data-module="govuk-character-count"
      data-maxlength={maxLength}
    >
      <label className="govuk-label govuk-label--m" htmlFor={id}>
        {label}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      <textarea
        className={`govuk-textarea govuk-js-character-count${error ? " govuk-textarea--error" : ""}`}
        id={id}
        name={id}
        rows={5}
        aria-describedby={describedBy(id, hint, error, `${id}-info`)}
        value={value}
        onChange={(event) => {
          typed.current = event.target.value;
          onChange(event.target.value);
        }}
      />
      <div id={`${id}-info`} className="govuk-hint govuk-character-count__message">
        You can enter up to {maxLength} characters
      </div>
    </div>
  );
}
