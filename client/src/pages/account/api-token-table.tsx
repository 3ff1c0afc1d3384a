import type { ApiToken } from "../../../../shared/src/schemas/identity";
import { formatTimestampDate } from "../../components/format-date";
import { API_TOKEN_STATUS_TAGS, apiTokenStatus } from "./api-token-status";

export function ApiTokenTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke(token: ApiToken): void }) {
  if (tokens.length === 0) return <p className="govuk-body">You have no API tokens.</p>;
  return (
    <table className="govuk-table govuk-table--small-text-until-tablet">
      <caption className="govuk-table__caption govuk-table__caption--s">Your API tokens</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">Name</th>
          <th scope="col" className="govuk-table__header">Starts with</th>
          <th scope="col" className="govuk-table__header">Created</th>
          <th scope="col" className="govuk-table__header">Expires</th>
          <th scope="col" className="govuk-table__header">Last used</th>
          <th scope="col" className="govuk-table__header">Status</th>
          <th scope="col" className="govuk-table__header">
            <span className="govuk-visually-hidden">Action</span>
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {tokens.map((token) => {
          const status = apiTokenStatus(token);
          const tag = API_TOKEN_STATUS_TAGS[status];
          return (
            <tr key={token.id} className="govuk-table__row">
              <th scope="row" className="govuk-table__header">{token.name}</th>
              <td className="govuk-table__cell">
                <code>{token.prefix}…</code>
              </td>
              <td className="govuk-table__cell">{formatTimestampDate(token.createdAt)}</td>
              <td className="govuk-table__cell">{formatTimestampDate(token.expiresAt)}</td>
              <td className="govuk-table__cell">{token.lastUsedAt ? formatTimestampDate(token.lastUsedAt) : "Never"}</td>
              <td className="govuk-table__cell">
                <strong className={tag.className}>{tag.text}</strong>
              </td>
              <td className="govuk-table__cell">
                {status === "active" ? (
                  <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => onRevoke(token)}>
                    Revoke<span className="govuk-visually-hidden"> the token “{token.name}”</span>
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
