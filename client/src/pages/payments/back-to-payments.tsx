import { Link } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";

/** The way back from the pages Stripe returns people to. */
export const BackToPayments = () => (
  <p className="govuk-body">
    <Link className="govuk-link" to={PAGE_PATHS.payments}>
      Back to payments
    </Link>
  </p>
);
