// The commissioner pages, one chunk downloaded when the first of them is shown (lazy routes: ../router.tsx).
export { CommissionerHomePage } from "../pages/commissioner/commissioner-home-page";
export { FindSettingPage } from "../pages/commissioner/find-setting-page";
export { CommissionerSettingPage } from "../pages/commissioner/commissioner-setting-page";
export { ChildrenPage } from "../pages/commissioner/children-page";
export { RecordChildPage } from "../pages/commissioner/record-child-page";
export { ChildPage } from "../pages/commissioner/child-page";
export { EditChildPage } from "../pages/commissioner/edit-child-page";
export { ChildMatchesPage } from "../pages/commissioner/child-matches-page";
export { NewRequestPage } from "../pages/commissioner/new-request-page";
export { CommissionerRequestsPage } from "../pages/commissioner/requests-page";
export { RequestBoardPage } from "../pages/commissioner/request-board-page";
