import { useRef } from "react";
import { Outlet } from "react-router";
import { SessionProvider } from "../api/session";
import { Footer } from "./footer";
import { Header } from "./header";
import { PhaseBanner } from "./phase-banner";
import { ServiceNavigation } from "./service-navigation";
import { SkipLink } from "./skip-link";
import { useRouteFocus } from "./use-route-focus";

/** The GOV.UK page template (govuk-frontend/dist/govuk/template.njk) as a React layout route. */
export function Layout() {
  const main = useRef<HTMLElement>(null);
  useRouteFocus(main);

  return (
    <SessionProvider>
      <SkipLink />
      <header className="govuk-template__header">
        <Header />
        <ServiceNavigation />
        <PhaseBanner />
      </header>
      <div className="govuk-width-container">
        <main ref={main} className="govuk-main-wrapper" id="main-content">
          <Outlet />
        </main>
      </div>
      <footer className="govuk-template__footer">
        <Footer />
      </footer>
    </SessionProvider>
  );
}
