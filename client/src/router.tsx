import { createBrowserRouter } from "react-router";
import { PAGE_PATHS } from "../../shared/src/page-paths";
import { Layout } from "./components/layout";
import { AccessibilityPage } from "./pages/public/accessibility-page";
import { CookiesPage } from "./pages/public/cookies-page";
import { FeedbackPage } from "./pages/public/feedback-page";
import { HomePage } from "./pages/public/home-page";
import { NotFoundPage } from "./pages/public/not-found-page";

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: PAGE_PATHS.feedback, element: <FeedbackPage /> },
      { path: PAGE_PATHS.accessibility, element: <AccessibilityPage /> },
      { path: PAGE_PATHS.cookies, element: <CookiesPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
