// The placements pages (both roles' lists and pages, the review form, the outcomes editor), one chunk
// downloaded when the first of them is shown; it alone brings Observable Plot for the distance travelled
// (lazy routes: ../router.tsx).
export { CouncilPlacementPage } from "../pages/placements/council-placement-page";
export { ChildOutcomesPage } from "../pages/placements/outcomes-page";
export { CommissionerPlacementsPage, ProviderPlacementsPage } from "../pages/placements/placements-page";
export { ProviderPlacementPage } from "../pages/placements/provider-placement-page";
export { EditReviewPage, NewReviewPage } from "../pages/placements/review-page";
