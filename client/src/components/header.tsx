import { GovukLogo } from "./govuk-logo";

/** GOV.UK Frontend 6's header carries only the logo; the service name lives in the service navigation. */
export function Header() {
  return (
    <div className="govuk-header">
      <div className="govuk-header__container govuk-width-container">
        <div className="govuk-header__logo">
          <a href="https://www.gov.uk/" className="govuk-header__homepage-link">
            <GovukLogo />
          </a>
        </div>
      </div>
    </div>
  );
}
