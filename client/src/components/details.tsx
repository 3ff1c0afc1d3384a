import type { ReactNode } from "react";

/** GOV.UK details: a summary that opens to more (a form used now and then, earlier versions). */
export function Details({ summary, children, className }: { summary: string; children: ReactNode; className?: string }) {
  return (
    <details className={`govuk-details${className ? ` ${className}` : ""}`}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">{summary}</span>
      </summary>
      <div className="govuk-details__text">{children}</div>
    </details>
  );
}
