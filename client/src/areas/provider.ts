// The provider pages, one chunk downloaded when the first of them is shown (lazy routes: ../router.tsx).
export { AddSettingPage } from "../pages/provider/add-setting-page";
export { AwardLetterPage } from "../pages/provider/award-letter-page";
export { ClaimSettingPage } from "../pages/provider/claim-setting-page";
export { EditSettingPage } from "../pages/provider/edit-setting-page";
export { ProviderFrameworkPage } from "../pages/provider/framework-page";
export { ProviderHomePage } from "../pages/provider/provider-home-page";
export { ProviderRequestPage } from "../pages/provider/request-page";
export { ProviderRequestsPage } from "../pages/provider/requests-page";
export { ProviderSettingPage } from "../pages/provider/setting-page";
export { SettingsPage } from "../pages/provider/settings-page";
