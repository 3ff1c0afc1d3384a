import { ServiceNavigation as GovukServiceNavigation } from "govuk-frontend";
import { Link, useLocation } from "react-router";
import { useGovukModule } from "../govuk/use-govuk-module";
import { feedbackLinkState } from "./feedback-link-state";

const ITEMS = [
  { href: "/", text: "Home" },
  { href: "/feedback", text: "Give feedback" },
] as const;

export function ServiceNavigation() {
  const ref = useGovukModule<HTMLElement>(GovukServiceNavigation);
  const { pathname } = useLocation();

  return (
    <section ref={ref} aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <span className="govuk-service-navigation__service-name">
            <Link to="/" className="govuk-service-navigation__link">
              Placement Exchange
            </Link>
          </span>
          <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
            <button
              type="button"
              className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle"
              aria-controls="navigation"
              hidden
              aria-hidden="true"
            >
              Menu
            </button>
            <ul className="govuk-service-navigation__list" id="navigation">
              {ITEMS.map((item) => {
                const active = item.href === pathname;
                return (
                  <li
                    key={item.href}
                    className={`govuk-service-navigation__item${active ? " govuk-service-navigation__item--active" : ""}`}
                  >
                    <Link
                      className="govuk-service-navigation__link"
                      to={item.href}
                      state={item.href === "/feedback" ? feedbackLinkState(pathname) : undefined}
                      aria-current={active ? "page" : undefined}
                    >
                      {active ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}
