import { useState } from "react";
import { ROLE_LABELS } from "@shared/codes/roles";
import type { Invitation, Organisation } from "@shared/schemas/identity";
import { revokeInvitation } from "../../api/people";
import { errorsFromApi, type FormErrors } from "../../components/form-errors";
import { Table } from "../../components/table";
import { formatTimestampDate } from "../../lib/format-date";
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
      <Table
        className="govuk-table--small-text-until-tablet"
        caption={`Invitations to ${organisation.name}, newest first`}
        captionSize="hidden"
        columns={["Email address", "Role", "Administrator", "Sent", "Status", { text: "Action", hidden: true }]}
        empty={`No one has been invited to ${organisation.name} yet.`}
        rows={invitations.map((invitation) => {
          const status = invitationStatus(invitation);
          const tag = INVITATION_STATUS_TAGS[status];
          return {
            key: invitation.id,
            header: { content: invitation.email, className: "govuk-!-text-break-word" },
            cells: [
              ROLE_LABELS[invitation.role],
              invitation.orgAdmin ? "Yes" : "No",
              formatTimestampDate(invitation.createdAt),
              <strong className={tag.className}>{tag.text}</strong>,
              status === "open" ? (
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                  disabled={busy === invitation.id}
                  onClick={() => revoke(invitation)}
                >
                  Revoke<span className="govuk-visually-hidden"> the invitation to {invitation.email}</span>
                </button>
              ) : null,
            ],
          };
        })}
      />
    </section>
  );
}
