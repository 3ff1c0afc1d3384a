import { Link } from "react-router";
import { ConfirmationPage } from "../../components/confirmation-page";

/** Shown in place of the service feedback form once it is sent. */
export function FeedbackConfirmation({ returnTo }: { returnTo: string | undefined }) {
  return (
    <ConfirmationPage title="Thank you for your feedback">
      <p className="govuk-body">We read all feedback and use it to improve Placement Exchange.</p>
      <p className="govuk-body">We cannot reply to feedback sent with this form, because we do not ask who you are.</p>
      <p className="govuk-body">
        <Link className="govuk-link" to={returnTo ?? "/"}>
          {returnTo && returnTo !== "/" ? "Go back to the page you were on" : "Go to the Placement Exchange home page"}
        </Link>
      </p>
    </ConfirmationPage>
  );
}
