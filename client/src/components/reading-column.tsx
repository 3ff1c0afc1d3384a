import type { ReactNode } from "react";
import { Link } from "react-router";

interface ReadingColumnProps {
  /** Where the back link goes: the list or record the person came from. */
  backTo?: string;
  /** "Back to your settings", "Back to Sam". */
  backText?: ReactNode;
  children: ReactNode;
}

/** A page in GOV.UK's two-thirds reading column, starting with the link back to where the person came from. */
export function ReadingColumn({ backTo, backText, children }: ReadingColumnProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {backTo ? (
          <Link className="govuk-back-link" to={backTo}>
            {backText}
          </Link>
        ) : null}
        {children}
      </div>
    </div>
  );
}
