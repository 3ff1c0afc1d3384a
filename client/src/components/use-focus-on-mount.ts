import { useEffect, useRef } from "react";

/**
 * For views that replace the page's content without a navigation (a confirmation step): move
 * focus to their heading so keyboard and screen reader users start there, not on the body.
 */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    window.scrollTo(0, 0);
    ref.current?.focus();
  }, []);
  return ref;
}
