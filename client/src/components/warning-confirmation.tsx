import { useState, type ReactNode } from "react";
import { ErrorSummary } from "./error-summary";
import { errorsFromApi, type FormErrors } from "./form-errors";
import { useFocusOnMount } from "./use-focus-on-mount";
import { usePageTitle } from "./use-page-title";

interface WarningConfirmationProps {
  pageTitle: string;
  caption?: string;
  /** The question, e.g. "Are you sure you want to remove Sam?" */
  question: ReactNode;
  /** The warning button's text. */
  confirmLabel: ReactNode;
  /** What happens; the page shows the API's error if it fails, and stays. */
  onConfirm(): Promise<void>;
  onCancel(): void;
  /** What confirming does, and whether it can be undone. */
  children: ReactNode;
}

/** "Are you sure?" before something that cannot be undone (GOV.UK warning button, focus on the question). */
export function WarningConfirmation({ pageTitle, caption, question, confirmLabel, onConfirm, onCancel, children }: WarningConfirmationProps) {
  const [errors, setErrors] = useState<FormErrors<never>>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  usePageTitle(pageTitle, { hasErrors: Boolean(errors) });

  async function confirm() {
    if (sending) return;
    setSending(true);
    try {
      await onConfirm();
    } catch (error) {
      setErrors(errorsFromApi({}, error));
      setAttempt((n) => n + 1);
      setSending(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
        {caption ? <span className="govuk-caption-l">{caption}</span> : null}
        <h1 ref={heading} tabIndex={-1} className="govuk-heading-l">
          {question}
        </h1>
        {children}
        <div className="govuk-button-group">
          <button type="button" className="govuk-button govuk-button--warning" data-module="govuk-button" onClick={confirm}>
            {confirmLabel}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
