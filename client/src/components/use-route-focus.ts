import { type RefObject, useEffect, useRef } from "react";
import { useLocation } from "react-router";

/**
 * A client-side navigation does not reload the page, so browsers neither scroll to the top nor
 * tell screen reader users anything changed. Move to the top and put focus on the main content
 * after each navigation (not the first load, where focus should start at the skip link).
 */
export function useRouteFocus(main: RefObject<HTMLElement | null>): void {
  const { pathname } = useLocation();
  // Compare paths rather than count renders: StrictMode runs effects twice, which would look
  // like a navigation on the first load and steal focus from the skip link.
  const shownPath = useRef(pathname);

  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    const element = main.current;
    if (!element) return;
    window.scrollTo(0, 0);
    element.setAttribute("tabindex", "-1");
    element.addEventListener("blur", () => element.removeAttribute("tabindex"), { once: true });
    element.focus({ preventScroll: true });
  }, [pathname, main]);
}
