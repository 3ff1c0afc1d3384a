// The commissioner pages, one chunk downloaded when the first of them is shown (lazy routes: ../router.tsx).
export { ChildCheckPage } from "../pages/commissioner/child-check-page";
export { ChildMatchesPage } from "../pages/commissioner/child-matches-page";
export { ChildPage } from "../pages/commissioner/child-page";
export { ChildQuestionPage } from "../pages/commissioner/child-question-page";
export { ChildrenPage } from "../pages/commissioner/children-page";
export { CommissionerHomePage } from "../pages/commissioner/commissioner-home-page";
export { CommissionerSettingPage } from "../pages/commissioner/commissioner-setting-page";
export { EditChildPage } from "../pages/commissioner/edit-child-page";
export { FindSettingPage } from "../pages/commissioner/find-setting-page";
export { ImportChildPage } from "../pages/commissioner/import-child-page";
export { NewRequestPage } from "../pages/commissioner/new-request-page";
export { RecordChildPage } from "../pages/commissioner/record-child-page";
export { RequestBoardPage } from "../pages/commissioner/request-board-page";
export { CommissionerRequestsPage } from "../pages/commissioner/requests-page";
export { EvaluationCheckPage } from "../pages/evaluation/evaluation-check-page";
export { EvaluationReportPage } from "../pages/evaluation/evaluation-report-page";
