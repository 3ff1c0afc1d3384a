import { ErrorSummary as GovukErrorSummary } from "govuk-frontend";
import { useGovukModule } from "../govuk/use-govuk-module";

export interface ErrorSummaryItem {
  text: string;
  /** The id of the field to jump to; omitted for a problem with no field (the service is down). */
  fieldId?: string;
}

/**
 * GOV.UK Frontend's error summary takes focus when it initialises, so render it with a new
 * `key` on each failed submit to have it announced and focused again.
 */
export function ErrorSummary({ errors }: { errors: ErrorSummaryItem[] }) {
  const ref = useGovukModule<HTMLDivElement>(GovukErrorSummary);
  return (
    <div ref={ref} className="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 className="govuk-error-summary__title">There is a problem</h2>
        <div className="govuk-error-summary__body">
          <ul className="govuk-list govuk-error-summary__list">
            {errors.map((error) => (
              <li key={`${error.fieldId ?? ""}:${error.text}`}>{error.fieldId ? <a href={`#${error.fieldId}`}>{error.text}</a> : error.text}</li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
