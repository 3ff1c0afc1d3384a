import type { Member, Organisation } from "@shared/schemas/identity";
import { removeMember } from "../../api/people";
import { WarningConfirmation } from "../../components/warning-confirmation";

interface RemoveMemberConfirmationProps {
  organisation: Organisation;
  member: Member;
  onCancel(): void;
  onRemoved(): Promise<void>;
}

export function RemoveMemberConfirmation({ organisation, member, onCancel, onRemoved }: RemoveMemberConfirmationProps) {
  const name = member.displayName ?? member.email;
  return (
    <WarningConfirmation
      pageTitle={`Remove ${name} from ${organisation.name}`}
      caption={organisation.name}
      question={`Are you sure you want to remove ${name}?`}
      confirmLabel={`Remove ${name}`}
      onConfirm={async () => {
        await removeMember(organisation.id, member.id);
        await onRemoved();
      }}
      onCancel={onCancel}
    >
      <p className="govuk-body">
        {name} ({member.email}) will be signed out at once, and any API tokens they made will stop working.
      </p>
      <p className="govuk-body">To let them back in later, invite them again.</p>
    </WarningConfirmation>
  );
}
