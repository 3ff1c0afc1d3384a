/**
 * Every page of the web client. The client's router is built from these, and the server uses
 * them to answer an unknown page with a real 404 status (the client still renders the page).
 */
export const PAGE_PATHS = {
  home: "/",
  feedback: "/feedback",
  accessibility: "/accessibility",
  cookies: "/cookies",
} as const;

const PATTERNS = Object.values(PAGE_PATHS).map(
  (path) => new RegExp(`^${path.replace(/:[A-Za-z0-9_]+/g, "[^/]+").replace(/\/$/, "")}/?$`),
);

export function isKnownPagePath(path: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(path));
}
