import type { ReactNode } from "react";

export interface SubmitButtonStyle {
  /** A red button, for something that cannot be undone. */
  warning?: boolean;
  /** A grey button, for a form that is not the page's main action (a filter, a quick update). */
  secondary?: boolean;
  /** No space below: the button ends a card or a list row. */
  flush?: boolean;
}

/** A form's submit button, disabled while the form sends so a second press cannot send it twice. */
export function SubmitButton({
  children,
  sending = false,
  warning = false,
  secondary = false,
  flush = false,
}: SubmitButtonStyle & { children: ReactNode; sending?: boolean }) {
  const className = [
    "govuk-button",
    warning ? "govuk-button--warning" : null,
    secondary ? "govuk-button--secondary" : null,
    flush ? "govuk-!-margin-bottom-0" : null,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <button type="submit" className={className} data-module="govuk-button" disabled={sending}>
      {children}
    </button>
  );
}

/** A form's submit button, and Cancel beside it when the form was opened in place (a reply, a change). */
export function SubmitOrCancel({
  label,
  sending,
  onCancel,
  ...style
}: SubmitButtonStyle & { label: ReactNode; sending: boolean; onCancel?: (() => void) | undefined }) {
  if (!onCancel) {
    return (
      <SubmitButton sending={sending} {...style}>
        {label}
      </SubmitButton>
    );
  }
  return (
    <div className="govuk-button-group">
      <SubmitButton sending={sending} {...style}>
        {label}
      </SubmitButton>
      <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
