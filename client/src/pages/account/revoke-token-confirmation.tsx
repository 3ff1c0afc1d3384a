import { useState } from "react";
import type { ApiToken } from "../../../../shared/src/schemas/identity";
import { revokeApiToken } from "../../api/api-tokens";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, type FormErrors } from "../../components/form-errors";
import { useFocusOnMount } from "../../components/use-focus-on-mount";
import { usePageTitle } from "../../components/use-page-title";

interface RevokeTokenConfirmationProps {
  token: ApiToken;
  onCancel(): void;
  onRevoked(): Promise<void>;
}

export function RevokeTokenConfirmation({ token, onCancel, onRevoked }: RevokeTokenConfirmationProps) {
  const [errors, setErrors] = useState<FormErrors<never>>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  usePageTitle(`Revoke the API token “${token.name}”`, { hasErrors: Boolean(errors) });

  async function revoke() {
    if (sending) return;
    setSending(true);
    try {
      await revokeApiToken(token.id);
      await onRevoked();
    } catch (error) {
      setErrors(errorsFromApi({}, error));
      setAttempt((n) => n + 1);
      setSending(false);
    }
  }

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
        <h1 ref={heading} tabIndex={-1} className="govuk-heading-l">Are you sure you want to revoke the API token “{token.name}”?</h1>
        <p className="govuk-body">
          Any system using the token starting <code>{token.prefix}</code> will stop working at once. You cannot undo
          this, but you can create a new token.
        </p>
        <div className="govuk-button-group">
          <button type="button" className="govuk-button govuk-button--warning" data-module="govuk-button" onClick={revoke}>
            Revoke token
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
