import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { PAGE_PATHS } from "../../../../shared/src/page-paths";
import { usePageTitle } from "../../components/use-page-title";

/** Shown in place of the form; focus moves to the panel so a screen reader announces it. */
export function FeedbackSent({ settingName, onAnother }: { settingName: string; onAnother(): void }) {
  usePageTitle("Feedback sent");
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    window.scrollTo(0, 0);
    title.current?.focus();
  }, []);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 ref={title} tabIndex={-1} className="govuk-panel__title">
            Feedback sent
          </h1>
          <div className="govuk-panel__body">Thank you — the regional hub checks feedback before it counts</div>
        </div>
        <p className="govuk-body">
          Your feedback on {settingName} is waiting to be checked. If the hub cannot use it, you will see why on your feedback page.
        </p>
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={PAGE_PATHS.parentYourFeedback}>
              See your feedback
            </Link>
          </li>
          <li>
            <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-top-2" data-module="govuk-button" onClick={onAnother}>
              Give feedback on another setting
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
