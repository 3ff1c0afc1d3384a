import { useState } from "react";
import type { ApiToken } from "@shared/schemas/identity";
import { useApiTokens } from "../../api/api-tokens";
import { useMe } from "../../api/session";
import { SuccessBanner } from "../../components/notification-banner";
import { AccountDetails } from "./account-details";
import { ApiTokensSection } from "./api-tokens-section";
import { RevokeTokenConfirmation } from "./revoke-token-confirmation";

/** Your details, and your API tokens: list, make one (its secret shown once, not for parent carer panels), revoke one. */
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
  // API tokens are for councils' and providers' systems: a parent carer panel member is not
  // offered one (the server refuses it too), and sees the section only to revoke one they have.
  const offered = useMe().user.role !== "parent_panel";
  const held = tokens.status === "success" && tokens.data.length > 0;
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
        {offered || held ? <ApiTokensSection tokens={tokens} onRevoke={onRevoke} offered={offered} /> : null}
      </div>
    </div>
  );
}
