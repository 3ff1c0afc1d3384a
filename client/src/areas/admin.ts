// The admin pages, one chunk downloaded when the first of them is shown (lazy routes: ../router.tsx).
export { AdminHomePage } from "../pages/admin/admin-home-page";
export { ApplicationsPage } from "../pages/admin/applications-page";
export { ClaimsPage } from "../pages/admin/claims-page";
export { FrameworkAdminPage } from "../pages/admin/framework-admin-page";
export { OrganisationsPage } from "../pages/admin/organisations-page";
export { ReviewRoundAdminPage } from "../pages/admin/review-round-admin-page";
export { ReviewRoundsAdminPage } from "../pages/admin/review-rounds-admin-page";
export { SettingFeedbackPage } from "../pages/admin/setting-feedback-page";
