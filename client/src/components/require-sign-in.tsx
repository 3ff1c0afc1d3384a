import type { ReactNode } from "react";
import { Navigate } from "react-router";
import type { Role } from "@shared/codes/roles";
import { PAGE_PATHS } from "@shared/page-paths";
import type { Me } from "@shared/schemas/identity";
import { SignedInProvider, useSession } from "../api/session";
import { ForbiddenPage } from "../pages/public/forbidden-page";
import { Loading, QueryProblem } from "./query-problem";
import { usePageTitle } from "./use-page-title";

interface RequireSignInProps {
  /** Roles that may see the page; omit for any signed-in person, with or without an organisation. */
  roles?: readonly Role[];
  /** A further check on the person (e.g. only an organisation's administrators). */
  allow?(me: Me): boolean;
  children: ReactNode;
}

/**
 * Pages behind sign-in. Signed out: go to the sign-in page. Signed in but in no organisation:
 * the no-access page says whom to ask. Another role's page: "You do not have permission". The
 * server checks every API call again; this only decides what to show.
 */
export function RequireSignIn({ roles, allow, children }: RequireSignInProps) {
  const { state, refresh } = useSession();

  if (state.status === "loading") return <SessionLoading />;
  if (state.status === "error") return <QueryProblem what="this page" onRetry={refresh} />;
  if (state.status === "signed-out") return <Navigate to={PAGE_PATHS.signIn} replace />;

  const { me } = state;
  if (roles && !me.user.role) return <Navigate to={PAGE_PATHS.noAccess} replace />;
  if ((roles && me.user.role && !roles.includes(me.user.role)) || (allow && !allow(me))) return <ForbiddenPage me={me} />;
  return <SignedInProvider value={me}>{children}</SignedInProvider>;
}

function SessionLoading() {
  usePageTitle("Loading");
  return <Loading what="your account" />;
}
