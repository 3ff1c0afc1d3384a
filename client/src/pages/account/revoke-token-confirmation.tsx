import type { ApiToken } from "@shared/schemas/identity";
import { revokeApiToken } from "../../api/api-tokens";
import { WarningConfirmation } from "../../components/warning-confirmation";

interface RevokeTokenConfirmationProps {
  token: ApiToken;
  onCancel(): void;
  onRevoked(): Promise<void>;
}

export function RevokeTokenConfirmation({ token, onCancel, onRevoked }: RevokeTokenConfirmationProps) {
  return (
    <WarningConfirmation
      pageTitle={`Revoke the API token “${token.name}”`}
      question={`Are you sure you want to revoke the API token “${token.name}”?`}
      confirmLabel="Revoke token"
      onConfirm={async () => {
        await revokeApiToken(token.id);
        await onRevoked();
      }}
      onCancel={onCancel}
    >
      <p className="govuk-body">
        Any system using the token starting <code>{token.prefix}</code> will stop working at once. You cannot undo this, but you can create a new token.
      </p>
    </WarningConfirmation>
  );
}
