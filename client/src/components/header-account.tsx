import { Link } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { useSession } from "../api/session";
import { HeaderNotifications } from "./header-notifications";

/**
 * Who is signed in, with their account and sign-out; or a sign-in link. Nothing while the
 * session loads, so a signed-in person never sees "Sign in" flash past. Signing out is a plain
 * POST form: the server ends the session and redirects, with no script involved.
 */
export function HeaderAccount() {
  const { state } = useSession();
  if (state.status === "loading") return null;

  if (state.status !== "signed-in") {
    return (
      <p className="govuk-body govuk-!-text-align-right govuk-!-padding-top-3 govuk-!-margin-bottom-3">
        <Link className="govuk-link govuk-link--inverse" to={PAGE_PATHS.signIn}>
          Sign in
        </Link>
      </p>
    );
  }

  const { user, organisation } = state.me;
  const name = user.displayName ?? user.email;
  // Some names already say where the person works ("Commissioner, Bolton Council"): the
  // organisation is named once.
  const where = organisation && !name.includes(organisation.name) ? organisation.name : undefined;
  return (
    <nav aria-label="Your account" className="govuk-!-text-align-right govuk-!-padding-top-3 govuk-!-padding-bottom-2">
      <p className="govuk-body-s govuk-!-margin-bottom-2">
        <span className="govuk-visually-hidden">Signed in as </span>
        <strong>{name}</strong>
        {where ? <>, {where}</> : null}
      </p>
      <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
        {organisation ? (
          <li className="govuk-!-display-inline-block govuk-!-margin-right-3 govuk-!-margin-bottom-0">
            <HeaderNotifications />
          </li>
        ) : null}
        <li className="govuk-!-display-inline-block govuk-!-margin-right-3 govuk-!-margin-bottom-0">
          <Link className="govuk-link govuk-link--inverse" to={PAGE_PATHS.account}>
            Your account
          </Link>
        </li>
        <li className="govuk-!-display-inline-block govuk-!-margin-bottom-0">
          <form method="post" action="/auth/logout">
            <button type="submit" className="govuk-button govuk-button--inverse govuk-!-margin-bottom-0" data-module="govuk-button">
              Sign out
            </button>
          </form>
        </li>
      </ul>
    </nav>
  );
}
