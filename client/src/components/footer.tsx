import { Link } from "react-router";
import { LicenceLogo } from "./licence-logo";

const SUPPORT_LINKS = [
  { href: "/accessibility", text: "Accessibility statement" },
  { href: "/cookies", text: "Cookies" },
] as const;

/**
 * GOV.UK's footer without the crown or the "Crown copyright" mark: the service is run by
 * councils, not on GOV.UK, and their content is not Crown copyright, but they publish it under
 * the Open Government Licence.
 */
export function Footer() {
  return (
    <div className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">Support links</h2>
            <ul className="govuk-footer__inline-list">
              {SUPPORT_LINKS.map((link) => (
                <li key={link.href} className="govuk-footer__inline-list-item">
                  <Link className="govuk-footer__link" to={link.href}>
                    {link.text}
                  </Link>
                </li>
              ))}
            </ul>
            <LicenceLogo />
            <span className="govuk-footer__licence-description">
              All content is available under the{" "}
              <a className="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/" rel="license">
                Open Government Licence v3.0
              </a>
              , except where otherwise stated
            </span>
          </div>
        </div>
      </div>
    </div>
  );
}
