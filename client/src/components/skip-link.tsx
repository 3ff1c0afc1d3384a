import { SkipLink as GovukSkipLink } from "govuk-frontend";
import { useGovukModule } from "../govuk/use-govuk-module";

export function SkipLink() {
  const ref = useGovukModule<HTMLAnchorElement>(GovukSkipLink);
  // A plain anchor, not a router Link: it moves focus within the page, it does not navigate.
  return (
    <a ref={ref} href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
      Skip to main content
    </a>
  );
}
