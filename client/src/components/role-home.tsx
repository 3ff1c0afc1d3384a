import type { ReactNode } from "react";
import { Link } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { useMe } from "../api/session";
import { peoplePath } from "../lib/paths";
import { usePageTitle } from "./use-page-title";

export interface RoleHomeLink {
  href: string;
  text: string;
  /** What the page is for, after the link. */
  description: string;
  /** Only for an organisation's administrators. */
  adminOnly?: boolean;
}

interface RoleHomeProps {
  title: string;
  /** This role's own pages, listed first. */
  links?: RoleHomeLink[];
  /** What this role will do here once those parts of the service are built (no links yet). */
  comingNext: string[];
  /** What needs the person's attention now, above what they can do. */
  children?: ReactNode;
}

/**
 * A role's home page. It says plainly what works today (the account, API tokens, people for
 * administrators, organisations for the hub) and what is coming, rather than linking to
 * pages that do not exist yet.
 */
export function RoleHome({ title, links = [], comingNext, children }: RoleHomeProps) {
  const me = useMe();
  usePageTitle(title);
  const organisation = me.organisation;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {organisation ? <span className="govuk-caption-l">{organisation.name}</span> : null}
        <h1 className="govuk-heading-l">{title}</h1>
        {children}
        <h2 className="govuk-heading-m">What you can do now</h2>
        <ul className="govuk-list govuk-list--spaced">
          {links
            .filter((link) => !link.adminOnly || me.user.orgAdmin)
            .map((link) => (
              <li key={link.href}>
                <Link className="govuk-link" to={link.href}>
                  {link.text}
                </Link>
                : {link.description}
              </li>
            ))}
          <li>
            <Link className="govuk-link" to={PAGE_PATHS.account}>
              Your account
            </Link>
            : check your details, and make API tokens to connect your own systems.
          </li>
          {me.user.role === "regional_admin" ? (
            <li>
              <Link className="govuk-link" to={PAGE_PATHS.adminOrganisations}>
                Organisations
              </Link>
              : add councils, providers and Parent Carer Forums to the region, and manage their people.
            </li>
          ) : null}
          {me.user.orgAdmin && organisation ? (
            <li>
              <Link className="govuk-link" to={peoplePath(organisation.id)}>
                People at {organisation.name}
              </Link>
              : invite colleagues, choose who else is an administrator, and remove people who have left.
            </li>
          ) : null}
        </ul>
        {comingNext.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">Coming next</h2>
            <p className="govuk-body">Placement Exchange is new. These parts are being built now:</p>
            <ul className="govuk-list govuk-list--bullet">
              {comingNext.map((item) => (
                <li key={item}>{item}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}
