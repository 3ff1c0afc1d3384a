import type { ReactNode } from "react";
import { Link } from "react-router";

export interface SummaryRow {
  key: string;
  value: ReactNode;
  /** A "Change" link to where the answer was given (check your answers); `hidden` finishes it for screen readers. */
  change?: { to: string; hidden: string };
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

/** GOV.UK summary list: read-only, or with a "Change" link per row to check answers. */
export function SummaryList({ rows, noBorder = false, dense = false, className }: SummaryListProps) {
  return (
    <dl className={`govuk-summary-list${noBorder ? " govuk-summary-list--no-border" : ""}${className ? ` ${className}` : ""}`}>
      {rows.map((row) => (
        <div key={row.key} className="govuk-summary-list__row">
          <dt className={`govuk-summary-list__key${dense ? DENSE : ""}`}>{row.key}</dt>
          <dd className={`govuk-summary-list__value${dense ? DENSE : ""}`}>{row.value}</dd>
          {row.change ? (
            <dd className="govuk-summary-list__actions">
              <Link className="govuk-link" to={row.change.to}>
                Change<span className="govuk-visually-hidden"> {row.change.hidden}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}

interface SummaryCardProps {
  title: ReactNode;
  /** 2 for a page of cards; 3 under a section's own heading. */
  headingLevel?: 2 | 3;
  /** Makes the card a region named by its title (a `<section>`), for long pages of cards a screen reader user moves between. */
  titleId?: string;
  /** Beside the title, such as a status tag. */
  aside?: ReactNode;
  /** Data attributes on the card, for live updates and tests to find it by its record. */
  data?: Record<`data-${string}`, string>;
  children: ReactNode;
}

/** GOV.UK summary card: a titled box around one record's summary list, text and actions. */
export function SummaryCard({ title, headingLevel = 2, titleId, aside, data, children }: SummaryCardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const content = (
    <>
      <div className="govuk-summary-card__title-wrapper">
        <Heading className="govuk-summary-card__title" id={titleId}>
          {title}
        </Heading>
        {aside}
      </div>
      <div className="govuk-summary-card__content">{children}</div>
    </>
  );
  return titleId ? (
    <section className="govuk-summary-card" aria-labelledby={titleId} {...data}>
      {content}
    </section>
  ) : (
    <div className="govuk-summary-card" {...data}>
      {content}
    </div>
  );
}
