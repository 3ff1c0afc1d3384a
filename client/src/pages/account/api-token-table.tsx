import type { ApiToken } from "@shared/schemas/identity";
import { Table } from "../../components/table";
import { formatTimestampDate } from "../../lib/format-date";
import { API_TOKEN_STATUS_TAGS, apiTokenStatus } from "./api-token-status";

export function ApiTokenTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke(token: ApiToken): void }) {
  return (
    <Table
      className="govuk-table--small-text-until-tablet"
      caption="Your API tokens"
      columns={["Name", "Starts with", "Created", "Expires", "Last used", "Status", { text: "Action", hidden: true }]}
      empty="You have no API tokens."
      rows={tokens.map((token) => {
        const status = apiTokenStatus(token);
        const tag = API_TOKEN_STATUS_TAGS[status];
        return {
          key: token.id,
          header: token.name,
          cells: [
            <code>{token.prefix}…</code>,
            formatTimestampDate(token.createdAt),
            formatTimestampDate(token.expiresAt),
            token.lastUsedAt ? formatTimestampDate(token.lastUsedAt) : "Never",
            <strong className={tag.className}>{tag.text}</strong>,
            status === "active" ? (
              <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => onRevoke(token)}>
                Revoke<span className="govuk-visually-hidden"> the token “{token.name}”</span>
              </button>
            ) : null,
          ],
        };
      })}
    />
  );
}
