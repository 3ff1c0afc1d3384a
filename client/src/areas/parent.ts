// The parent pages, one chunk downloaded when the first of them is shown (lazy routes: ../router.tsx).
export { GiveFeedbackPage } from "../pages/parent/give-feedback-page";
export { ParentPanelHomePage } from "../pages/parent/parent-panel-home-page";
export { ReviewRoundPage } from "../pages/parent/review-round-page";
export { ReviewRoundsPage } from "../pages/parent/review-rounds-page";
export { YourFeedbackPage } from "../pages/parent/your-feedback-page";
