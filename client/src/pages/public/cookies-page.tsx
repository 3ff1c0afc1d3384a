import { usePageTitle } from "../../components/use-page-title";

export function CookiesPage() {
  usePageTitle("Cookies");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Cookies</h1>
        <p className="govuk-body">Cookies are small files saved on your phone, tablet or computer when you visit a website.</p>
        <p className="govuk-body">
          Placement Exchange does not use cookies to measure how you use the service, and it does not use analytics or advertising cookies of any kind.
        </p>

        <h2 className="govuk-heading-m">Essential cookies</h2>
        <p className="govuk-body">
          At the moment you can use the public pages of Placement Exchange, including the feedback form, without any cookies being set.
        </p>
        <p className="govuk-body">
          When sign-in is added for council, provider and Parent Carer Forum users, we will set one essential cookie to keep you signed in. It will:
        </p>
        <ul className="govuk-list govuk-list--bullet">
          <li>hold a random session identifier, not your name or any other personal details</li>
          <li>be used only by Placement Exchange, and never shared with anyone else</li>
          <li>stop working when you sign out, or after a period without activity</li>
        </ul>
        <p className="govuk-body">
          Essential cookies are needed for the service to work, so we do not ask for your consent to set them. We will update this page with the cookie’s name
          and exactly when it expires before sign-in goes live.
        </p>

        <h2 className="govuk-heading-m">Other storage</h2>
        <p className="govuk-body">The service does not store anything else in your browser.</p>
      </div>
    </div>
  );
}
