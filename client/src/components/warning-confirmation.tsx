import type { ReactNode } from "react";
import { Form, FormErrorSummary } from "./form";
import { sendOrErrors } from "./form-errors";
import { useFocusOnMount } from "./use-focus-on-mount";
import { useFormSubmit } from "./use-form-submit";
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
  const form = useFormSubmit(async () => {
    return sendOrErrors({}, () => onConfirm());
  });
  const heading = useFocusOnMount<HTMLHeadingElement>();
  usePageTitle(pageTitle, { hasErrors: Boolean(form.errors) });

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <FormErrorSummary form={form} />
        {caption ? <span className="govuk-caption-l">{caption}</span> : null}
        <h1 ref={heading} tabIndex={-1} className="govuk-heading-l">
          {question}
        </h1>
        {children}
        <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel={confirmLabel} warning onCancel={onCancel} errorSummary={false} />
      </div>
    </div>
  );
}
