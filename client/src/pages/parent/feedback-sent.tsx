import { Link } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { ConfirmationPage } from "../../components/confirmation-page";

/** Shown in place of the form once feedback on a setting is sent. */
export function FeedbackSent({ settingName, onAnother }: { settingName: string; onAnother(): void }) {
  return (
    <ConfirmationPage title="Feedback sent" panelBody="Thank you — the regional hub checks feedback before it counts">
      <p className="govuk-body">Your feedback on {settingName} is waiting to be checked. If the hub cannot use it, you will see why on your feedback page.</p>
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
    </ConfirmationPage>
  );
}
