import { useState } from "react";
import type { ApiToken } from "@shared/schemas/identity";
import type { CreatedApiToken, useApiTokens } from "../../api/api-tokens";
import { QueryView } from "../../components/query-view";
import { ApiTokenForm } from "./api-token-form";
import { ApiTokenSecret } from "./api-token-secret";
import { ApiTokenTable } from "./api-token-table";

interface ApiTokensSectionProps {
  tokens: ReturnType<typeof useApiTokens>;
  onRevoke(token: ApiToken): void;
  /** Whether this person may make tokens; otherwise only those they hold are listed, to revoke. */
  offered: boolean;
}

export function ApiTokensSection({ tokens, onRevoke, offered }: ApiTokensSectionProps) {
  const [created, setCreated] = useState<CreatedApiToken>();

  return (
    <section aria-labelledby="api-tokens-heading">
      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="api-tokens-heading">
        API tokens
      </h2>
      <p className="govuk-body">
        An API token lets one of your organisation’s systems, such as a case management system, use Placement Exchange’s API as you. Give each system its own
        token, and revoke a token as soon as it is no longer needed.
      </p>
      <QueryView query={tokens} what="your API tokens">
        {(data) => <ApiTokenTable tokens={data} onRevoke={onRevoke} />}
      </QueryView>
      {!offered ? (
        <p className="govuk-body">Parent carer panels do not need API tokens. Revoke any you have.</p>
      ) : created ? (
        <ApiTokenSecret token={created} onDone={() => setCreated(undefined)} />
      ) : (
        <ApiTokenForm
          onCreated={async (token) => {
            await tokens.reload();
            setCreated(token);
          }}
        />
      )}
    </section>
  );
}
