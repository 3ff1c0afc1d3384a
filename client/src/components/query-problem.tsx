/** What a page shows when it could not load its data: say so, and offer to try again. */
export function QueryProblem({ what, onRetry }: { what: string; onRetry(): void }) {
  return (
    <div role="alert">
      <h2 className="govuk-heading-m">Sorry, we cannot show {what} at the moment</h2>
      <p className="govuk-body">There is a problem with the service. Try again later.</p>
      <button type="button" className="govuk-button govuk-button--secondary" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="govuk-body" role="status">
      Loading {what}…
    </p>
  );
}
