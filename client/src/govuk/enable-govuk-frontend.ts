/**
 * GOV.UK Frontend's template adds these body classes from an inline script, which our
 * Content-Security-Policy (script-src 'self') forbids, so the bundle adds them before render.
 * Its components check `govuk-frontend-supported` before they initialise.
 */
export function enableGovukFrontend(): void {
  document.body.classList.add("js-enabled");
  if ("noModule" in HTMLScriptElement.prototype) {
    document.body.classList.add("govuk-frontend-supported");
  }
}
