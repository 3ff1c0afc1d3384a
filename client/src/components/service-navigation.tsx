import { ServiceNavigation as GovukServiceNavigation } from "govuk-frontend";
import { Link, useLocation } from "react-router";
import { PAGE_PATHS, ROLE_HOME } from "@shared/page-paths";
import { type SessionState, useSession } from "../api/session";
import { useGovukModule } from "../govuk/use-govuk-module";
import { feedbackLinkState } from "../lib/feedback-link-state";
import { peoplePath } from "../lib/paths";

interface NavigationItem {
  href: string;
  text: string;
}

/** What the signed-in person can reach; the header already carries the service name. */
function itemsFor(state: SessionState): NavigationItem[] {
  const items: NavigationItem[] = [];
  const me = state.status === "signed-in" ? state.me : undefined;
  items.push({ href: me?.user.role ? ROLE_HOME[me.user.role] : PAGE_PATHS.home, text: "Home" });
  if (me?.user.role === "regional_admin") {
    items.push({ href: PAGE_PATHS.adminOrganisations, text: "Organisations" });
    items.push({ href: PAGE_PATHS.adminFramework, text: "Framework" });
    items.push({ href: PAGE_PATHS.adminApplications, text: "Applications" });
    items.push({ href: PAGE_PATHS.adminClaims, text: "Claims" });
    items.push({ href: PAGE_PATHS.adminSettingFeedback, text: "Feedback to check" });
    items.push({ href: PAGE_PATHS.adminReviewRounds, text: "Review rounds" });
    items.push({ href: PAGE_PATHS.insights, text: "Insights" });
    items.push({ href: PAGE_PATHS.payments, text: "Payments" });
  }
  if (me?.user.role === "commissioner") {
    items.push({ href: PAGE_PATHS.commissionerChildren, text: "Children" });
    items.push({ href: PAGE_PATHS.commissionerRequests, text: "Requests" });
    items.push({ href: PAGE_PATHS.commissionerPlacements, text: "Placements" });
    items.push({ href: PAGE_PATHS.commissionerSearch, text: "Find a setting" });
    items.push({ href: PAGE_PATHS.insights, text: "Insights" });
    items.push({ href: PAGE_PATHS.payments, text: "Payments" });
  }
  if (me?.user.role === "provider") {
    items.push({ href: PAGE_PATHS.providerRequests, text: "Requests" });
    items.push({ href: PAGE_PATHS.providerPlacements, text: "Placements" });
    items.push({ href: PAGE_PATHS.providerSettings, text: "Your settings" });
    items.push({ href: PAGE_PATHS.providerFramework, text: "Framework" });
    items.push({ href: PAGE_PATHS.payments, text: "Payments" });
  }
  if (me?.user.role === "parent_panel") {
    items.push({ href: PAGE_PATHS.parentGiveFeedback, text: "Feedback on a setting" });
    items.push({ href: PAGE_PATHS.parentYourFeedback, text: "Your feedback" });
    items.push({ href: PAGE_PATHS.parentReviewRounds, text: "Review rounds" });
  }
  if (me?.user.orgAdmin && me.organisation) items.push({ href: peoplePath(me.organisation.id), text: "People" });
  items.push({ href: PAGE_PATHS.feedback, text: "Give feedback" });
  return items;
}

const isHome = (href: string) => href === PAGE_PATHS.home || (Object.values(ROLE_HOME) as string[]).includes(href);

export function ServiceNavigation() {
  const ref = useGovukModule<HTMLElement>(GovukServiceNavigation);
  const { pathname } = useLocation();
  const { state } = useSession();

  return (
    <section ref={ref} aria-label="Service information" className="govuk-service-navigation" data-module="govuk-service-navigation">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
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
              {itemsFor(state).map((item) => {
                const current = item.href === pathname;
                // A section's pages (a setting under "Your settings") mark the section, but not as the current page.
                const inSection = !isHome(item.href) && pathname.startsWith(`${item.href}/`);
                const active = current || inSection;
                return (
                  <li key={item.href} className={`govuk-service-navigation__item${active ? " govuk-service-navigation__item--active" : ""}`}>
                    <Link
                      className="govuk-service-navigation__link"
                      to={item.href}
                      state={item.href === PAGE_PATHS.feedback ? feedbackLinkState(pathname) : undefined}
                      aria-current={current ? "page" : inSection ? "true" : undefined}
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
