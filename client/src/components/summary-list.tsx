import type { ReactNode } from "react";

export interface SummaryRow {
  key: string;
  value: ReactNode;
}

interface SummaryListProps {
  rows: readonly SummaryRow[];
  /** Without the lines between rows, for a few facts inside a card or a form. */
  noBorder?: boolean;
  /** Less space above and below each row, for facts repeated in a long list of results. */
  dense?: boolean;
  /** Extra classes on the `<dl>`, such as a margin. */
  className?: string;
}

const DENSE = " govuk-!-padding-top-1 govuk-!-padding-bottom-1";

/** GOV.UK summary list, read-only. */
export function SummaryList({ rows, noBorder = false, dense = false, className }: SummaryListProps) {
  return (
    <dl className={`govuk-summary-list${noBorder ? " govuk-summary-list--no-border" : ""}${className ? ` ${className}` : ""}`}>
      {rows.map((row) => (
        <div key={row.key} className="govuk-summary-list__row">
          <dt className={`govuk-summary-list__key${dense ? DENSE : ""}`}>{row.key}</dt>
          <dd className={`govuk-summary-list__value${dense ? DENSE : ""}`}>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
