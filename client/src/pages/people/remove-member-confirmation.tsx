import { useState } from "react";
import type { Member, Organisation } from "../../../../shared/src/schemas/identity";
import { removeMember } from "../../api/people";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, type FormErrors } from "../../components/form-errors";
import { useFocusOnMount } from "../../components/use-focus-on-mount";
import { usePageTitle } from "../../components/use-page-title";

interface RemoveMemberConfirmationProps {
  organisation: Organisation;
  member: Member;
  onCancel(): void;
  onRemoved(): Promise<void>;
}

export function RemoveMemberConfirmation({ organisation, member, onCancel, onRemoved }: RemoveMemberConfirmationProps) {
  const name = member.displayName ?? member.email;
  const [errors, setErrors] = useState<FormErrors<never>>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  usePageTitle(`Remove ${name} from ${organisation.name}`, { hasErrors: Boolean(errors) });

  async function remove() {
    if (sending) return;
    setSending(true);
    try {
      await removeMember(organisation.id, member.id);
      await onRemoved();
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
        <span className="govuk-caption-l">{organisation.name}</span>
        <h1 ref={heading} tabIndex={-1} className="govuk-heading-l">
          Are you sure you want to remove {name}?
        </h1>
        <p className="govuk-body">
          {name} ({member.email}) will be signed out at once, and any API tokens they made will stop working.
        </p>
        <p className="govuk-body">To let them back in later, invite them again.</p>
        <div className="govuk-button-group">
          <button type="button" className="govuk-button govuk-button--warning" data-module="govuk-button" onClick={remove}>
            Remove {name}
          </button>
          <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
