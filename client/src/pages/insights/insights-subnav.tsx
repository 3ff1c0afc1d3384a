import { Link, useLocation } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { useMe } from "../../api/session";

/** The insights pages, one line of links under the heading; the published summary's page is the hub's. */
export function InsightsSubnav() {
  const me = useMe();
  const { pathname } = useLocation();
  const links = [
    { href: PAGE_PATHS.insights, text: "Figures" },
    { href: PAGE_PATHS.insightsCompare, text: "Compare two groups" },
    { href: PAGE_PATHS.highRiskDefinition, text: "What counts as high risk" },
    ...(me.user.role === "regional_admin" ? [{ href: PAGE_PATHS.insightsPublication, text: "Published summary" }] : []),
  ];
  return (
    <nav aria-label="Insights pages" className="govuk-!-margin-bottom-6">
      <ul className="govuk-list govuk-!-margin-bottom-0">
        {links.map((link) => (
          <li key={link.href} className="govuk-!-display-inline-block govuk-!-margin-right-4">
            {link.href === pathname ? (
              <strong className="govuk-!-font-weight-bold" aria-current="page">
                {link.text}
              </strong>
            ) : (
              <Link className="govuk-link" to={link.href}>
                {link.text}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
