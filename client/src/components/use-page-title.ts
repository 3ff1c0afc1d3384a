import { useEffect } from "react";

const SERVICE_NAME = "Placement Exchange";

/**
 * Sets document.title the way GOV.UK services do, so screen reader users hear which page loaded
 * and whether it has errors ("Error: " first, as the error summary pattern asks).
 */
export function usePageTitle(page: string, options: { hasErrors?: boolean } = {}): void {
  const { hasErrors = false } = options;
  useEffect(() => {
    document.title = `${hasErrors ? "Error: " : ""}${page} – ${SERVICE_NAME}`;
  }, [page, hasErrors]);
}
