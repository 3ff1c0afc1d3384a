import { Link } from "react-router";
import { usePageTitle } from "../../components/use-page-title";

/**
 * Follows the GOV.UK model accessibility statement, required of public sector websites by the
 * Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.
 * Claims only what has been done: no audit has taken place yet.
 */
export function AccessibilityPage() {
  usePageTitle("Accessibility statement");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Accessibility statement for Placement Exchange</h1>
        <p className="govuk-body">
          This statement applies to Placement Exchange, the service councils in a region use to find and buy placements for children and young people with
          special educational needs and disabilities (SEND).
        </p>
        <p className="govuk-body">We want as many people as possible to be able to use this service. For example, that means you should be able to:</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>change colours, contrast levels and fonts using browser or device settings</li>
          <li>zoom in up to 400% without the text spilling off the screen</li>
          <li>navigate the whole service using just a keyboard</li>
          <li>navigate the service using speech recognition software</li>
          <li>listen to the service using a screen reader</li>
        </ul>
        <p className="govuk-body">The service is built with the GOV.UK Design System, whose components are tested with assistive technologies.</p>

        <h2 className="govuk-heading-m">How accessible this service is</h2>
        <p className="govuk-body">
          Placement Exchange is a new service in beta. We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 to level AA. It has not yet
          been audited by accessibility specialists or tested with disabled users, so we cannot yet say how fully it meets the standard. We will do both before
          the service leaves beta, and list here any problems we find and when we will fix them.
        </p>

        <h2 className="govuk-heading-m">Reporting accessibility problems</h2>
        <p className="govuk-body">
          If you find a problem with the accessibility of this service, or think we are not meeting accessibility requirements, tell us using the{" "}
          <Link className="govuk-link" to="/feedback">
            feedback form
          </Link>
          . The form is anonymous, so we cannot reply to you through it.
        </p>
        <p className="govuk-body">
          If you need a reply, or need information from this service in a different format such as accessible PDF, large print, easy read, audio recording or
          braille, contact the SEND commissioning team at your council.
        </p>

        <h2 className="govuk-heading-m">Enforcement procedure</h2>
        <p className="govuk-body">
          The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
          Accessibility Regulations 2018 (the ‘accessibility regulations’). If you’re not happy with how we respond to your complaint,{" "}
          <a className="govuk-link" href="https://www.equalityadvisoryservice.com/">
            contact the Equality Advisory and Support Service (EASS)
          </a>
          .
        </p>

        <h2 className="govuk-heading-m">How we test this service</h2>
        <p className="govuk-body">
          Every change to the service runs automated browser tests that check its pages with axe-core, an open source accessibility testing tool, against the
          WCAG 2.0, 2.1 and 2.2 level A and AA rules it can test. A change that fails these checks is not released.
        </p>
        <p className="govuk-body">
          Automated tools find only some accessibility problems. They cannot judge, for example, whether text is clear or whether the service works well with a
          screen reader, which is why we will add a manual audit and testing with disabled users.
        </p>

        <h2 className="govuk-heading-m">Preparation of this accessibility statement</h2>
        <p className="govuk-body">
          This statement was prepared on 23 November 2026. It is based on the automated testing described above, which we carry out ourselves.
        </p>
      </div>
    </div>
  );
}
