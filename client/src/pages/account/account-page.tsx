import { useState } from "react";
import type { ApiToken } from "@shared/schemas/identity";
import { useApiTokens } from "../../api/api-tokens";
import { SuccessBanner } from "../../components/notification-banner";
import { AccountDetails } from "./account-details";
import { ApiTokensSection } from "./api-tokens-section";
import { RevokeTokenConfirmation } from "./revoke-token-confirmation";

/** Your details, and your API tokens: list, make one (its secret shown once), revoke one. */
export function AccountPage() {
  const tokens = useApiTokens();
  const [confirming, setConfirming] = useState<ApiToken>();
  const [revoked, setRevoked] = useState<ApiToken>();

  if (confirming) {
    return (
      <RevokeTokenConfirmation
        token={confirming}
        onCancel={() => setConfirming(undefined)}
        onRevoked={async () => {
          await tokens.reload();
          setRevoked(confirming);
          setConfirming(undefined);
        }}
      />
    );
  }

  return (
    <AccountOverview
      tokens={tokens}
      revoked={revoked}
      onRevoke={(token) => {
        setRevoked(undefined);
        setConfirming(token);
      }}
    />
  );
}

interface AccountOverviewProps {
  tokens: ReturnType<typeof useApiTokens>;
  revoked: ApiToken | undefined;
  onRevoke(token: ApiToken): void;
}

function AccountOverview({ tokens, revoked, onRevoke }: AccountOverviewProps) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {revoked ? (
          <SuccessBanner title={`You revoked the API token “${revoked.name}”`}>
            <p className="govuk-body">Systems using it can no longer reach Placement Exchange.</p>
          </SuccessBanner>
        ) : null}
        <h1 className="govuk-heading-l">Your account</h1>
        <AccountDetails />
        <ApiTokensSection tokens={tokens} onRevoke={onRevoke} />
      </div>
    </div>
  );
}
