// The insights pages, one chunk downloaded when the first of them is shown (lazy routes: ../router.tsx).
// They alone draw charts, so Observable Plot comes with this chunk and never with the first page.
export { ComparePage } from "../pages/insights/compare-page";
export { HighRiskDefinitionPage } from "../pages/insights/high-risk-definition-page";
export { InsightsPage } from "../pages/insights/insights-page";
export { PublicInsightsPage } from "../pages/insights/public-insights-page";
export { PublicationPage } from "../pages/insights/publication-page";
