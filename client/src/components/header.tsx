import { Link } from "react-router";
import { HeaderAccount } from "./header-account";

/**
 * GOV.UK Frontend's generic header, for services that are not on GOV.UK: councils run
 * Placement Exchange, so it must not carry the crown or the GOV.UK logotype. The service name
 * is the home link, and the signed-in person's account sits beside it.
 */
export function Header() {
  return (
    <div className="govuk-generic-header">
      <div className="govuk-generic-header__container govuk-width-container">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <div className="govuk-generic-header__logo">
              <Link to="/" className="govuk-generic-header__homepage-link">
                Placement Exchange
              </Link>
            </div>
          </div>
          <div className="govuk-grid-column-one-half">
            <HeaderAccount />
          </div>
        </div>
      </div>
    </div>
  );
}
