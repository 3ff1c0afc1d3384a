/**
 * Every page of the web client. The client's router is built from these, and the server uses
 * them to answer an unknown page with a real 404 status (the client still renders the page).
 */
export const PAGE_PATHS = {
  home: "/",
  feedback: "/feedback",
  accessibility: "/accessibility",
  cookies: "/cookies",
  signIn: "/sign-in",
  signedOut: "/signed-out",
  noAccess: "/no-access",
  account: "/account",
  adminHome: "/admin",
  adminOrganisations: "/admin/organisations",
  adminFramework: "/admin/framework",
  adminApplications: "/admin/applications",
  adminClaims: "/admin/claims",
  adminSettingFeedback: "/admin/setting-feedback",
  adminReviewRounds: "/admin/review-rounds",
  adminReviewRound: "/admin/review-rounds/:id",
  people: "/organisations/:id/people",
  commissionerHome: "/commissioner",
  commissionerSearch: "/commissioner/settings",
  commissionerSetting: "/commissioner/settings/:id",
  commissionerChildren: "/commissioner/children",
  commissionerChildNew: "/commissioner/children/new",
  commissionerChild: "/commissioner/children/:id",
  commissionerChildEdit: "/commissioner/children/:id/edit",
  commissionerChildMatches: "/commissioner/children/:id/matches",
  commissionerChildRequestNew: "/commissioner/children/:id/placement-request",
  commissionerRequests: "/commissioner/requests",
  commissionerRequest: "/commissioner/requests/:id",
  commissionerPlacements: "/commissioner/placements",
  commissionerPlacement: "/commissioner/placements/:id",
  commissionerReviewNew: "/commissioner/placements/:id/reviews/new",
  commissionerReview: "/commissioner/placements/:id/reviews/:reviewId",
  commissionerChildOutcomes: "/commissioner/children/:id/outcomes",
  providerHome: "/provider",
  providerSettings: "/provider/settings",
  providerSettingNew: "/provider/settings/new",
  providerSettingClaim: "/provider/settings/claim",
  providerSetting: "/provider/settings/:id",
  providerSettingEdit: "/provider/settings/:id/edit",
  providerFramework: "/provider/framework",
  providerRequests: "/provider/requests",
  providerRequest: "/provider/requests/:id",
  providerPlacements: "/provider/placements",
  providerPlacement: "/provider/placements/:id",
  parentPanelHome: "/parent-panel",
  parentGiveFeedback: "/parent-panel/give-feedback",
  parentYourFeedback: "/parent-panel/your-feedback",
  parentReviewRounds: "/parent-panel/review-rounds",
  parentReviewRound: "/parent-panel/review-rounds/:id",
  publicReviewSummaries: "/review-rounds",
  publicReviewSummary: "/review-rounds/:id/summary",
  insights: "/insights",
  insightsCompare: "/insights/compare",
  insightsPublication: "/insights/publication",
  highRiskDefinition: "/insights/high-risk-definition",
  publicInsights: "/regions/:id/insights",
  payments: "/payments",
  paymentsInvoice: "/payments/invoices/:id",
  paymentsConnectReturn: "/payments/connect/return",
  paymentsConnectRefresh: "/payments/connect/refresh",
  paymentsMembershipSuccess: "/payments/membership/paid",
  paymentsMembershipCancel: "/payments/membership/cancelled",
  notifications: "/notifications",
  notificationPreferences: "/notifications/preferences",
} as const;

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<"regional_admin" | "commissioner" | "provider" | "parent_panel", string> = {
  regional_admin: PAGE_PATHS.adminHome,
  commissioner: PAGE_PATHS.commissionerHome,
  provider: PAGE_PATHS.providerHome,
  parent_panel: PAGE_PATHS.parentPanelHome,
};

const PATTERNS = Object.values(PAGE_PATHS).map((path) => new RegExp(`^${path.replace(/:[A-Za-z0-9_]+/g, "[^/]+").replace(/\/$/, "")}/?$`));

export function isKnownPagePath(path: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(path));
}
