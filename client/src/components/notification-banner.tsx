import { type ReactNode, useEffect, useRef } from "react";

/**
 * GOV.UK's success notification banner. It is focused when it appears (what GOV.UK Frontend's
 * own script does for role="alert"), so a screen reader announces the outcome of the action.
 */
export function SuccessBanner({ title, children }: { title: string; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="success-banner-title" tabIndex={-1}>
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="success-banner-title">
          Success
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{title}</p>
        {children}
      </div>
    </div>
  );
}
