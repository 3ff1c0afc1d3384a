import { type Component, isSupported } from "govuk-frontend";
import { useEffect, useRef } from "react";

type GovukComponentClass = (new ($root: Element, config?: object) => Component) & { moduleName: string };

/**
 * Initialises one GOV.UK Frontend component on the element React rendered, once it is in the
 * DOM. initAll() only sees what exists when it runs, and running it again after each render
 * would initialise persistent components twice, so each component initialises itself here.
 * The init attribute guard makes React's development double-mount harmless.
 */
export function useGovukModule<T extends HTMLElement>(Module: GovukComponentClass, config?: object) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || !isSupported() || element.hasAttribute(`data-${Module.moduleName}-init`)) return;
    new Module(element, config);
    // Config is read once at initialisation, as GOV.UK Frontend itself does: a new config object
    // on each render must not initialise the component again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [Module]);
  return ref;
}
