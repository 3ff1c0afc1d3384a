import type { ReactNode } from "react";
import { createBrowserRouter } from "react-router";
import { ROLES, type Role } from "../../shared/src/codes/roles";
import { PAGE_PATHS } from "../../shared/src/page-paths";
import type { Me } from "../../shared/src/schemas/identity";
import { Layout } from "./components/layout";
import { RequireSignIn } from "./components/require-sign-in";
import { ApplicationsPage } from "./pages/admin/applications-page";
import { ClaimsPage } from "./pages/admin/claims-page";
import { FrameworkAdminPage } from "./pages/admin/framework-admin-page";
import { ReviewRoundAdminPage } from "./pages/admin/review-round-admin-page";
import { ReviewRoundsAdminPage } from "./pages/admin/review-rounds-admin-page";
import { SettingFeedbackPage } from "./pages/admin/setting-feedback-page";
import { ChildMatchesPage } from "./pages/commissioner/child-matches-page";
import { ChildPage } from "./pages/commissioner/child-page";
import { ChildrenPage } from "./pages/commissioner/children-page";
import { CommissionerSettingPage } from "./pages/commissioner/commissioner-setting-page";
import { EditChildPage } from "./pages/commissioner/edit-child-page";
import { FindSettingPage } from "./pages/commissioner/find-setting-page";
import { NewRequestPage } from "./pages/commissioner/new-request-page";
import { RequestBoardPage } from "./pages/commissioner/request-board-page";
import { CommissionerRequestsPage } from "./pages/commissioner/requests-page";
import { RecordChildPage } from "./pages/commissioner/record-child-page";
import { AddSettingPage } from "./pages/provider/add-setting-page";
import { ClaimSettingPage } from "./pages/provider/claim-setting-page";
import { EditSettingPage } from "./pages/provider/edit-setting-page";
import { ProviderFrameworkPage } from "./pages/provider/framework-page";
import { ProviderRequestPage } from "./pages/provider/request-page";
import { ProviderRequestsPage } from "./pages/provider/requests-page";
import { ProviderSettingPage } from "./pages/provider/setting-page";
import { SettingsPage } from "./pages/provider/settings-page";
import { AccountPage } from "./pages/account/account-page";
import { AdminHomePage } from "./pages/admin/admin-home-page";
import { OrganisationsPage } from "./pages/admin/organisations-page";
import { CommissionerHomePage } from "./pages/commissioner/commissioner-home-page";
import { GiveFeedbackPage } from "./pages/parent/give-feedback-page";
import { ParentPanelHomePage } from "./pages/parent/parent-panel-home-page";
import { ReviewRoundPage } from "./pages/parent/review-round-page";
import { ReviewRoundsPage } from "./pages/parent/review-rounds-page";
import { YourFeedbackPage } from "./pages/parent/your-feedback-page";
import { PeoplePage } from "./pages/people/people-page";
import { ProviderHomePage } from "./pages/provider/provider-home-page";
import { AccessibilityPage } from "./pages/public/accessibility-page";
import { CookiesPage } from "./pages/public/cookies-page";
import { FeedbackPage } from "./pages/public/feedback-page";
import { HomePage } from "./pages/public/home-page";
import { NoAccessPage } from "./pages/public/no-access-page";
import { NotFoundPage } from "./pages/public/not-found-page";
import { ReviewSummariesPage, ReviewSummaryPage } from "./pages/public/review-summary-page";
import { SignInPage } from "./pages/public/sign-in-page";
import { SignedOutPage } from "./pages/public/signed-out-page";

const orgAdmin = (me: Me) => me.user.orgAdmin;

/** Role pages: each behind sign-in for its roles (the server checks every API call again). */
const rolePages: { path: string; roles: readonly Role[]; allow?: (me: Me) => boolean; element: ReactNode }[] = [
  { path: PAGE_PATHS.adminFramework, roles: ["regional_admin"], element: <FrameworkAdminPage /> },
  { path: PAGE_PATHS.adminApplications, roles: ["regional_admin"], element: <ApplicationsPage /> },
  { path: PAGE_PATHS.adminClaims, roles: ["regional_admin"], element: <ClaimsPage /> },
  { path: PAGE_PATHS.adminSettingFeedback, roles: ["regional_admin"], element: <SettingFeedbackPage /> },
  { path: PAGE_PATHS.parentGiveFeedback, roles: ["parent_panel"], element: <GiveFeedbackPage /> },
  { path: PAGE_PATHS.parentYourFeedback, roles: ["parent_panel"], element: <YourFeedbackPage /> },
  { path: PAGE_PATHS.parentReviewRounds, roles: ["parent_panel"], element: <ReviewRoundsPage /> },
  { path: PAGE_PATHS.parentReviewRound, roles: ["parent_panel"], element: <ReviewRoundPage /> },
  { path: PAGE_PATHS.adminReviewRounds, roles: ["regional_admin"], element: <ReviewRoundsAdminPage /> },
  { path: PAGE_PATHS.adminReviewRound, roles: ["regional_admin"], element: <ReviewRoundAdminPage /> },
  { path: PAGE_PATHS.commissionerSearch, roles: ["commissioner", "regional_admin"], element: <FindSettingPage /> },
  { path: PAGE_PATHS.commissionerSetting, roles: ["commissioner", "regional_admin"], element: <CommissionerSettingPage /> },
  // Children's profiles are their council's commissioners' alone: the hub has no access either.
  { path: PAGE_PATHS.commissionerChildren, roles: ["commissioner"], element: <ChildrenPage /> },
  { path: PAGE_PATHS.commissionerChildNew, roles: ["commissioner"], element: <RecordChildPage /> },
  { path: PAGE_PATHS.commissionerChild, roles: ["commissioner"], element: <ChildPage /> },
  { path: PAGE_PATHS.commissionerChildEdit, roles: ["commissioner"], element: <EditChildPage /> },
  { path: PAGE_PATHS.commissionerChildMatches, roles: ["commissioner"], element: <ChildMatchesPage /> },
  { path: PAGE_PATHS.commissionerChildRequestNew, roles: ["commissioner"], element: <NewRequestPage /> },
  { path: PAGE_PATHS.commissionerRequests, roles: ["commissioner"], element: <CommissionerRequestsPage /> },
  { path: PAGE_PATHS.commissionerRequest, roles: ["commissioner"], element: <RequestBoardPage /> },
  { path: PAGE_PATHS.providerSettings, roles: ["provider"], element: <SettingsPage /> },
  { path: PAGE_PATHS.providerSettingNew, roles: ["provider"], allow: orgAdmin, element: <AddSettingPage /> },
  { path: PAGE_PATHS.providerSettingClaim, roles: ["provider"], allow: orgAdmin, element: <ClaimSettingPage /> },
  { path: PAGE_PATHS.providerSetting, roles: ["provider"], element: <ProviderSettingPage /> },
  { path: PAGE_PATHS.providerSettingEdit, roles: ["provider"], allow: orgAdmin, element: <EditSettingPage /> },
  { path: PAGE_PATHS.providerFramework, roles: ["provider"], element: <ProviderFrameworkPage /> },
  { path: PAGE_PATHS.providerRequests, roles: ["provider"], element: <ProviderRequestsPage /> },
  { path: PAGE_PATHS.providerRequest, roles: ["provider"], element: <ProviderRequestPage /> },
];

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
      { path: PAGE_PATHS.publicReviewSummaries, element: <ReviewSummariesPage /> },
      { path: PAGE_PATHS.publicReviewSummary, element: <ReviewSummaryPage /> },
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
      ...rolePages.map(({ path, roles, allow, element }) => ({
        path,
        element: (
          <RequireSignIn roles={roles} allow={allow}>
            {element}
          </RequireSignIn>
        ),
      })),
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
