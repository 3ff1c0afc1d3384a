/**
 * The "Decide" button that opens a decision form in place. Several sit on one page, so each
 * names, for screen reader users, what it decides on.
 */
export function DecideButton({ on, onClick }: { on: string; onClick(): void }) {
  return (
    <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" onClick={onClick}>
      Decide<span className="govuk-visually-hidden"> on {on}</span>
    </button>
  );
}
