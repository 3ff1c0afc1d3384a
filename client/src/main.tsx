import "govuk-frontend/dist/govuk/govuk-frontend.min.css";
import "./app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { RouterProvider } from "react-router";
import { enableGovukFrontend } from "./govuk/enable-govuk-frontend";
import { router } from "./router";

enableGovukFrontend();

const container = document.getElementById("root");
if (!container) throw new Error("index.html has no #root element");

createRoot(container).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
