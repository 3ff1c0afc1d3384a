import { createBrowserRouter } from "react-router";
import { ROLES } from "../../shared/src/codes/roles";
import { PAGE_PATHS } from "../../shared/src/page-paths";
import { Layout } from "./components/layout";
import { RequireSignIn } from "./components/require-sign-in";
import { AccountPage } from "./pages/account/account-page";
import { AdminHomePage } from "./pages/admin/admin-home-page";
import { OrganisationsPage } from "./pages/admin/organisations-page";
import { CommissionerHomePage } from "./pages/commissioner/commissioner-home-page";
import { ParentPanelHomePage } from "./pages/parent/parent-panel-home-page";
import { PeoplePage } from "./pages/people/people-page";
import { ProviderHomePage } from "./pages/provider/provider-home-page";
import { AccessibilityPage } from "./pages/public/accessibility-page";
import { CookiesPage } from "./pages/public/cookies-page";
import { FeedbackPage } from "./pages/public/feedback-page";
import { HomePage } from "./pages/public/home-page";
import { NoAccessPage } from "./pages/public/no-access-page";
import { NotFoundPage } from "./pages/public/not-found-page";
import { SignInPage } from "./pages/public/sign-in-page";
import { SignedOutPage } from "./pages/public/signed-out-page";

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: PAGE_PATHS.feedback, element: <FeedbackPage /> },
      { path: PAGE_PATHS.accessibility, element: <AccessibilityPage /> },
      { path: PAGE_PATHS.cookies, element: <CookiesPage /> },
      { path: PAGE_PATHS.signIn, element: <SignInPage /> },
      { path: PAGE_PATHS.signedOut, element: <SignedOutPage /> },
      { path: PAGE_PATHS.noAccess, element: <NoAccessPage /> },
      {
        path: PAGE_PATHS.account,
        element: (
          <RequireSignIn>
            <AccountPage />
          </RequireSignIn>
        ),
      },
      {
        path: PAGE_PATHS.adminHome,
        element: (
          <RequireSignIn roles={["regional_admin"]}>
            <AdminHomePage />
          </RequireSignIn>
        ),
      },
      {
        path: PAGE_PATHS.adminOrganisations,
        element: (
          <RequireSignIn roles={["regional_admin"]}>
            <OrganisationsPage />
          </RequireSignIn>
        ),
      },
      {
        path: PAGE_PATHS.people,
        element: (
          <RequireSignIn roles={ROLES}>
            <PeoplePage />
          </RequireSignIn>
        ),
      },
      {
        path: PAGE_PATHS.commissionerHome,
        element: (
          <RequireSignIn roles={["commissioner"]}>
            <CommissionerHomePage />
          </RequireSignIn>
        ),
      },
      {
        path: PAGE_PATHS.providerHome,
        element: (
          <RequireSignIn roles={["provider"]}>
            <ProviderHomePage />
          </RequireSignIn>
        ),
      },
      {
        path: PAGE_PATHS.parentPanelHome,
        element: (
          <RequireSignIn roles={["parent_panel"]}>
            <ParentPanelHomePage />
          </RequireSignIn>
        ),
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
