import { Link, useLocation } from "react-router";
import { feedbackLinkState } from "../lib/feedback-link-state";

export function PhaseBanner() {
  const { pathname } = useLocation();
  return (
    <div className="govuk-phase-banner govuk-width-container">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">Beta</strong>
        <span className="govuk-phase-banner__text">
          This is a new service. Help us improve it by{" "}
          <Link className="govuk-link" to="/feedback" state={feedbackLinkState(pathname)}>
            giving your feedback
          </Link>
          .
        </span>
      </p>
    </div>
  );
}
