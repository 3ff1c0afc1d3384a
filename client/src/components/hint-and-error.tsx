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
