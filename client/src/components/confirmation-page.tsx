import { type ReactNode, useEffect, useRef } from "react";
import { usePageTitle } from "./use-page-title";

/**
 * A GOV.UK confirmation page shown in place of a form: focus moves to the panel's heading so a
 * screen reader announces it, and the page scrolls back to the top.
 */
export function ConfirmationPage({ title, panelBody, children }: { title: string; panelBody?: string; children: ReactNode }) {
  usePageTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, []);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 ref={heading} tabIndex={-1} className="govuk-panel__title">
            {title}
          </h1>
          {panelBody ? <div className="govuk-panel__body">{panelBody}</div> : null}
        </div>
        {children}
      </div>
    </div>
  );
}
