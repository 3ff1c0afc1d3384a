import { useState } from "react";
import { ROLE_LABELS } from "../../../../shared/src/codes/roles";
import type { Invitation, Organisation } from "../../../../shared/src/schemas/identity";
import { revokeInvitation } from "../../api/people";
import { errorsFromApi, type FormErrors } from "../../components/form-errors";
import { formatTimestampDate } from "../../components/format-date";
import { INVITATION_STATUS_TAGS, invitationStatus } from "./invitation-status";

interface InvitationsTableProps {
  organisation: Organisation;
  invitations: Invitation[];
  onDone(message: string): Promise<void>;
  onFailed(errors: FormErrors<never>): void;
}

/** Revoking is not confirmed first: it only withdraws an offer, and the address can be invited again. */
export function InvitationsTable({ organisation, invitations, onDone, onFailed }: InvitationsTableProps) {
  const [busy, setBusy] = useState<string>();

  async function revoke(invitation: Invitation) {
    if (busy) return;
    setBusy(invitation.id);
    try {
      await revokeInvitation(organisation.id, invitation.id);
      await onDone(`You revoked the invitation to ${invitation.email}`);
    } catch (error) {
      onFailed(errorsFromApi({}, error));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section aria-labelledby="invitations-heading">
      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="invitations-heading">
        Invitations
      </h2>
      {invitations.length === 0 ? (
        <p className="govuk-body">No one has been invited to {organisation.name} yet.</p>
      ) : (
        <table className="govuk-table govuk-table--small-text-until-tablet">
          <caption className="govuk-visually-hidden">Invitations to {organisation.name}, newest first</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">Email address</th>
              <th scope="col" className="govuk-table__header">Role</th>
              <th scope="col" className="govuk-table__header">Administrator</th>
              <th scope="col" className="govuk-table__header">Sent</th>
              <th scope="col" className="govuk-table__header">Status</th>
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Action</span>
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {invitations.map((invitation) => {
              const status = invitationStatus(invitation);
              const tag = INVITATION_STATUS_TAGS[status];
              return (
                <tr key={invitation.id} className="govuk-table__row">
                  <th scope="row" className="govuk-table__header govuk-!-text-break-word">{invitation.email}</th>
                  <td className="govuk-table__cell">{ROLE_LABELS[invitation.role]}</td>
                  <td className="govuk-table__cell">{invitation.orgAdmin ? "Yes" : "No"}</td>
                  <td className="govuk-table__cell">{formatTimestampDate(invitation.createdAt)}</td>
                  <td className="govuk-table__cell">
                    <strong className={tag.className}>{tag.text}</strong>
                  </td>
                  <td className="govuk-table__cell">
                    {status === "open" ? (
                      <button
                        type="button"
                        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                        disabled={busy === invitation.id}
                        onClick={() => revoke(invitation)}
                      >
                        Revoke<span className="govuk-visually-hidden"> the invitation to {invitation.email}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
