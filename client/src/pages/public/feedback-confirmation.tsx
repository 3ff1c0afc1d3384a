import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { usePageTitle } from "../../components/use-page-title";

/** Shown in place of the form, so focus moves to the panel for screen reader users to hear it. */
export function FeedbackConfirmation({ returnTo }: { returnTo: string | undefined }) {
  usePageTitle("Thank you for your feedback");
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
            Thank you for your feedback
          </h1>
        </div>
        <p className="govuk-body">We read all feedback and use it to improve Placement Exchange.</p>
        <p className="govuk-body">
          We cannot reply to feedback sent with this form, because we do not ask who you are.
        </p>
        <p className="govuk-body">
          <Link className="govuk-link" to={returnTo ?? "/"}>
            {returnTo && returnTo !== "/" ? "Go back to the page you were on" : "Go to the Placement Exchange home page"}
          </Link>
        </p>
      </div>
    </div>
  );
}
