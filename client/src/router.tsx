import { type ComponentType, useEffect, useState } from "react";
import { createBrowserRouter } from "react-router";
import { type Role, ROLES } from "@shared/codes/roles";
import { PAGE_PATHS } from "@shared/page-paths";
import type { Me } from "@shared/schemas/identity";
import { Layout } from "./components/layout";
import { Loading } from "./components/query-problem";
import { RequireSignIn } from "./components/require-sign-in";
import { usePageTitle } from "./components/use-page-title";
import { AccessibilityPage } from "./pages/public/accessibility-page";
import { CookiesPage } from "./pages/public/cookies-page";
import { HomePage } from "./pages/public/home-page";
import { NoAccessPage } from "./pages/public/no-access-page";
import { NotFoundPage } from "./pages/public/not-found-page";
import { SignInPage } from "./pages/public/sign-in-page";
import { SignedOutPage } from "./pages/public/signed-out-page";

/**
 * Pages outside the entry chunk, downloaded the first time one is shown, so that the home and
 * sign-in pages do not download every page, their schemas and socket.io (the first page's
 * budget: test/client/bundle-budget.test.ts). A role's pages come as one chunk (client/src/areas/),
 * a page used by several roles as a chunk of its own; the bundler puts what chunks share (api/,
 * components, zod) in shared chunks.
 */
interface LazyPage {
  /** Starts the download (once); every caller gets the same promise. */
  load(): Promise<ComponentType>;
  /** The page itself once its chunk has arrived, else undefined. */
  loaded(): ComponentType | undefined;
}

function lazyPage<M>(importPage: () => Promise<M>, pick: (module: M) => ComponentType): LazyPage {
  let loading: Promise<ComponentType> | undefined;
  let page: ComponentType | undefined;
  const load = () => (loading ??= importPage().then((module) => (page = pick(module))));
  return { load, loaded: () => page };
}

/** Shown in <main> while a page's chunk downloads; the page sets its own title when it shows. */
function PageLoading() {
  usePageTitle("Loading");
  return <Loading what="this page" />;
}

/**
 * A page that failed to download or render: most often its chunk is gone because a new version
 * was deployed while the page was open. Said the GOV.UK way, inside the layout, with a reload
 * (which fetches the new version) rather than React Router's developer error screen.
 */
function PageProblem() {
  usePageTitle("Sorry, there is a problem with the service");
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">Sorry, there is a problem with the service</h1>
        <p className="govuk-body">
          <a className="govuk-link" href={window.location.href}>
            Reload this page
          </a>{" "}
          to try again.
        </p>
        <p className="govuk-body">If it happens again, try again later.</p>
      </div>
    </div>
  );
}

/**
 * A page from its chunk: at once if the chunk has arrived (a signed-in page's downloads while
 * the session is checked), else "Loading" until it does. Not React.lazy with Suspense: React
 * keeps a Suspense fallback it has shown for at least 300 ms, a fifth of the first load's budget.
 * A failed download is thrown while rendering, to the router's error element.
 */
function Deferred({ page }: { page: LazyPage }) {
  // The same <Deferred> may be handed another page (React keeps it across routes): a count, not
  // a flag, so that each arrival renders again, and a failure is kept with the page it was.
  const [, setArrivals] = useState(0);
  const [failed, setFailed] = useState<{ page: LazyPage; failure: unknown }>();
  const Loaded = page.loaded();
  useEffect(() => {
    if (Loaded) return;
    let current = true;
    page.load().then(
      () => current && setArrivals((n) => n + 1),
      (failure: unknown) => current && setFailed({ page, failure }),
    );
    return () => {
      current = false;
    };
  }, [page, Loaded]);
  if (failed?.page === page) throw failed.failure;
  if (Loaded) return <Loaded />;
  return <PageLoading />;
}

interface SignedInPageProps {
  page: LazyPage;
  roles?: readonly Role[];
  allow?(me: Me): boolean;
}

/**
 * Behind sign-in. The download starts as the route renders, not once <RequireSignIn> lets the
 * page through, so on a full page load the chunk and the session are fetched side by side.
 * A failed download is not swallowed: <Deferred> throws it to the router's error element.
 */
function SignedInPage({ page, roles, allow }: SignedInPageProps) {
  page.load().catch(() => undefined);
  return (
    <RequireSignIn roles={roles} allow={allow}>
      <Deferred page={page} />
    </RequireSignIn>
  );
}

const adminPages = () => import("./areas/admin");
const commissionerPages = () => import("./areas/commissioner");
const providerPages = () => import("./areas/provider");
const parentPages = () => import("./areas/parent");
const placementPages = () => import("./areas/placements");
const insightsPages = () => import("./areas/insights");
const paymentsPages = () => import("./areas/payments");
const notificationPages = () => import("./areas/notifications");

const orgAdmin = (me: Me) => me.user.orgAdmin;
const PAYING_ROLES: readonly Role[] = ["commissioner", "provider", "regional_admin"];

/** Role pages: each behind sign-in for its roles (the server checks every API call again). */
const rolePages: { path: string; roles?: readonly Role[]; allow?: (me: Me) => boolean; page: LazyPage }[] = [
  {
    path: PAGE_PATHS.account,
    page: lazyPage(
      () => import("./pages/account/account-page"),
      (m) => m.AccountPage,
    ),
  },
  { path: PAGE_PATHS.adminHome, roles: ["regional_admin"], page: lazyPage(adminPages, (m) => m.AdminHomePage) },
  { path: PAGE_PATHS.adminOrganisations, roles: ["regional_admin"], page: lazyPage(adminPages, (m) => m.OrganisationsPage) },
  {
    path: PAGE_PATHS.people,
    roles: ROLES,
    page: lazyPage(
      () => import("./pages/people/people-page"),
      (m) => m.PeoplePage,
    ),
  },
  {
    path: PAGE_PATHS.organisationContact,
    roles: ROLES,
    page: lazyPage(
      () => import("./pages/organisations/organisation-contact-page"),
      (m) => m.OrganisationContactPage,
    ),
  },
  { path: PAGE_PATHS.commissionerHome, roles: ["commissioner"], page: lazyPage(commissionerPages, (m) => m.CommissionerHomePage) },
  { path: PAGE_PATHS.providerHome, roles: ["provider"], page: lazyPage(providerPages, (m) => m.ProviderHomePage) },
  { path: PAGE_PATHS.parentPanelHome, roles: ["parent_panel"], page: lazyPage(parentPages, (m) => m.ParentPanelHomePage) },
  { path: PAGE_PATHS.adminFramework, roles: ["regional_admin"], page: lazyPage(adminPages, (m) => m.FrameworkAdminPage) },
  { path: PAGE_PATHS.adminApplications, roles: ["regional_admin"], page: lazyPage(adminPages, (m) => m.ApplicationsPage) },
  { path: PAGE_PATHS.adminClaims, roles: ["regional_admin"], page: lazyPage(adminPages, (m) => m.ClaimsPage) },
  { path: PAGE_PATHS.adminSettingFeedback, roles: ["regional_admin"], page: lazyPage(adminPages, (m) => m.SettingFeedbackPage) },
  { path: PAGE_PATHS.parentGiveFeedback, roles: ["parent_panel"], page: lazyPage(parentPages, (m) => m.GiveFeedbackPage) },
  { path: PAGE_PATHS.parentYourFeedback, roles: ["parent_panel"], page: lazyPage(parentPages, (m) => m.YourFeedbackPage) },
  { path: PAGE_PATHS.parentReviewRounds, roles: ["parent_panel"], page: lazyPage(parentPages, (m) => m.ReviewRoundsPage) },
  { path: PAGE_PATHS.parentReviewRound, roles: ["parent_panel"], page: lazyPage(parentPages, (m) => m.ReviewRoundPage) },
  { path: PAGE_PATHS.adminReviewRounds, roles: ["regional_admin"], page: lazyPage(adminPages, (m) => m.ReviewRoundsAdminPage) },
  { path: PAGE_PATHS.adminReviewRound, roles: ["regional_admin"], page: lazyPage(adminPages, (m) => m.ReviewRoundAdminPage) },
  { path: PAGE_PATHS.commissionerSearch, roles: ["commissioner", "regional_admin"], page: lazyPage(commissionerPages, (m) => m.FindSettingPage) },
  { path: PAGE_PATHS.commissionerSetting, roles: ["commissioner", "regional_admin"], page: lazyPage(commissionerPages, (m) => m.CommissionerSettingPage) },
  // Children's profiles are their council's commissioners' alone: the hub has no access either.
  { path: PAGE_PATHS.commissionerChildren, roles: ["commissioner"], page: lazyPage(commissionerPages, (m) => m.ChildrenPage) },
  { path: PAGE_PATHS.commissionerChildNew, roles: ["commissioner"], page: lazyPage(commissionerPages, (m) => m.RecordChildPage) },
  { path: PAGE_PATHS.commissionerChildImport, roles: ["commissioner"], page: lazyPage(commissionerPages, (m) => m.ImportChildPage) },
  { path: PAGE_PATHS.commissionerChild, roles: ["commissioner"], page: lazyPage(commissionerPages, (m) => m.ChildPage) },
  { path: PAGE_PATHS.commissionerChildEdit, roles: ["commissioner"], page: lazyPage(commissionerPages, (m) => m.EditChildPage) },
  { path: PAGE_PATHS.commissionerChildQuestion, roles: ["commissioner"], page: lazyPage(commissionerPages, (m) => m.ChildQuestionPage) },
  { path: PAGE_PATHS.commissionerChildCheck, roles: ["commissioner"], page: lazyPage(commissionerPages, (m) => m.ChildCheckPage) },
  { path: PAGE_PATHS.commissionerChildMatches, roles: ["commissioner"], page: lazyPage(commissionerPages, (m) => m.ChildMatchesPage) },
  { path: PAGE_PATHS.commissionerChildRequestNew, roles: ["commissioner"], page: lazyPage(commissionerPages, (m) => m.NewRequestPage) },
  { path: PAGE_PATHS.commissionerRequests, roles: ["commissioner"], page: lazyPage(commissionerPages, (m) => m.CommissionerRequestsPage) },
  { path: PAGE_PATHS.commissionerRequest, roles: ["commissioner"], page: lazyPage(commissionerPages, (m) => m.RequestBoardPage) },
  // The evaluation's check page and its printable report (issue 16).
  { path: PAGE_PATHS.commissionerEvaluationCheck, roles: ["commissioner"], page: lazyPage(commissionerPages, (m) => m.EvaluationCheckPage) },
  { path: PAGE_PATHS.commissionerEvaluationReport, roles: ["commissioner"], page: lazyPage(commissionerPages, (m) => m.EvaluationReportPage) },
  { path: PAGE_PATHS.providerSettings, roles: ["provider"], page: lazyPage(providerPages, (m) => m.SettingsPage) },
  { path: PAGE_PATHS.providerSettingNew, roles: ["provider"], allow: orgAdmin, page: lazyPage(providerPages, (m) => m.AddSettingPage) },
  { path: PAGE_PATHS.providerSettingClaim, roles: ["provider"], allow: orgAdmin, page: lazyPage(providerPages, (m) => m.ClaimSettingPage) },
  { path: PAGE_PATHS.providerSetting, roles: ["provider"], page: lazyPage(providerPages, (m) => m.ProviderSettingPage) },
  { path: PAGE_PATHS.providerSettingEdit, roles: ["provider"], allow: orgAdmin, page: lazyPage(providerPages, (m) => m.EditSettingPage) },
  { path: PAGE_PATHS.providerFramework, roles: ["provider"], page: lazyPage(providerPages, (m) => m.ProviderFrameworkPage) },
  { path: PAGE_PATHS.providerRequests, roles: ["provider"], page: lazyPage(providerPages, (m) => m.ProviderRequestsPage) },
  { path: PAGE_PATHS.providerRequest, roles: ["provider"], page: lazyPage(providerPages, (m) => m.ProviderRequestPage) },
  { path: PAGE_PATHS.providerAwardLetter, roles: ["provider"], page: lazyPage(providerPages, (m) => m.AwardLetterPage) },
  // Placements and their outcome reviews: the council's commissioners and the provider delivering each (issue 13).
  { path: PAGE_PATHS.commissionerPlacements, roles: ["commissioner"], page: lazyPage(placementPages, (m) => m.CommissionerPlacementsPage) },
  { path: PAGE_PATHS.commissionerPlacement, roles: ["commissioner"], page: lazyPage(placementPages, (m) => m.CouncilPlacementPage) },
  { path: PAGE_PATHS.commissionerReviewNew, roles: ["commissioner"], page: lazyPage(placementPages, (m) => m.NewReviewPage) },
  { path: PAGE_PATHS.commissionerReview, roles: ["commissioner"], page: lazyPage(placementPages, (m) => m.EditReviewPage) },
  { path: PAGE_PATHS.commissionerChildOutcomes, roles: ["commissioner"], page: lazyPage(placementPages, (m) => m.ChildOutcomesPage) },
  { path: PAGE_PATHS.providerPlacements, roles: ["provider"], page: lazyPage(placementPages, (m) => m.ProviderPlacementsPage) },
  { path: PAGE_PATHS.providerPlacement, roles: ["provider"], page: lazyPage(placementPages, (m) => m.ProviderPlacementPage) },
  // Regional insights: the hub and commissioners; the published summary's page is the hub's (issue 13).
  { path: PAGE_PATHS.insights, roles: ["regional_admin", "commissioner"], page: lazyPage(insightsPages, (m) => m.InsightsPage) },
  { path: PAGE_PATHS.insightsCompare, roles: ["regional_admin", "commissioner"], page: lazyPage(insightsPages, (m) => m.ComparePage) },
  { path: PAGE_PATHS.insightsPublication, roles: ["regional_admin"], page: lazyPage(insightsPages, (m) => m.PublicationPage) },
  { path: PAGE_PATHS.highRiskDefinition, roles: ["regional_admin", "commissioner"], page: lazyPage(insightsPages, (m) => m.HighRiskDefinitionPage) },
  // Payments: each role's own page at one address; Stripe sends providers back to the return pages (issue 14).
  { path: PAGE_PATHS.payments, roles: PAYING_ROLES, page: lazyPage(paymentsPages, (m) => m.PaymentsPage) },
  { path: PAGE_PATHS.paymentsInvoice, roles: PAYING_ROLES, page: lazyPage(paymentsPages, (m) => m.InvoicePage) },
  { path: PAGE_PATHS.paymentsConnectReturn, roles: ["provider"], page: lazyPage(paymentsPages, (m) => m.ConnectReturnPage) },
  { path: PAGE_PATHS.paymentsConnectRefresh, roles: ["provider"], page: lazyPage(paymentsPages, (m) => m.ConnectRefreshPage) },
  { path: PAGE_PATHS.paymentsMembershipSuccess, roles: ["provider"], page: lazyPage(paymentsPages, (m) => m.MembershipSuccessPage) },
  { path: PAGE_PATHS.paymentsMembershipCancel, roles: ["provider"], page: lazyPage(paymentsPages, (m) => m.MembershipCancelPage) },
  // Notifications: everyone who belongs to an organisation has their own (issue 15).
  { path: PAGE_PATHS.notifications, allow: (me) => me.organisation !== null, page: lazyPage(notificationPages, (m) => m.NotificationsPage) },
  {
    path: PAGE_PATHS.notificationPreferences,
    allow: (me) => me.organisation !== null,
    page: lazyPage(notificationPages, (m) => m.NotificationPreferencesPage),
  },
  // Development only (the server answers 404 where e-mail is really sent): the hub's e-mails as they would read.
  { path: PAGE_PATHS.devOutbox, roles: ["regional_admin"], page: lazyPage(notificationPages, (m) => m.DevOutboxPage) },
];

/** Public pages that carry a form or a schema of their own; the rest are small and come with the entry. */
const feedbackPage = lazyPage(
  () => import("./pages/public/feedback-page"),
  (m) => m.FeedbackPage,
);
const reviewSummariesPage = lazyPage(
  () => import("./pages/public/review-summary-page"),
  (m) => m.ReviewSummariesPage,
);
const publicInsightsPage = lazyPage(insightsPages, (m) => m.PublicInsightsPage);
const reviewSummaryPage = lazyPage(
  () => import("./pages/public/review-summary-page"),
  (m) => m.ReviewSummaryPage,
);

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      {
        errorElement: <PageProblem />,
        children: [
          { index: true, element: <HomePage /> },
          { path: PAGE_PATHS.feedback, element: <Deferred page={feedbackPage} /> },
          { path: PAGE_PATHS.accessibility, element: <AccessibilityPage /> },
          { path: PAGE_PATHS.cookies, element: <CookiesPage /> },
          { path: PAGE_PATHS.signIn, element: <SignInPage /> },
          { path: PAGE_PATHS.signedOut, element: <SignedOutPage /> },
          { path: PAGE_PATHS.noAccess, element: <NoAccessPage /> },
          { path: PAGE_PATHS.publicReviewSummaries, element: <Deferred page={reviewSummariesPage} /> },
          { path: PAGE_PATHS.publicReviewSummary, element: <Deferred page={reviewSummaryPage} /> },
          { path: PAGE_PATHS.publicInsights, element: <Deferred page={publicInsightsPage} /> },
          ...rolePages.map(({ path, roles, allow, page }) => ({ path, element: <SignedInPage page={page} roles={roles} allow={allow} /> })),
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
