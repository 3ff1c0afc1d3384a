import { useState } from "react";
import { ROLE_LABELS } from "@shared/codes/roles";
import type { Me, Member, Organisation } from "@shared/schemas/identity";
import { updateMember } from "../../api/people";
import { errorsFromApi, type FormErrors } from "../../components/form-errors";
import { Table } from "../../components/table";
import { formatTimestampDate } from "../../lib/format-date";

interface MembersTableProps {
  me: Me;
  organisation: Organisation;
  members: Member[];
  onRemove(member: Member): void;
  onDone(message: string): Promise<void>;
  onFailed(errors: FormErrors<never>): void;
}

export function MembersTable({ me, organisation, members, onRemove, onDone, onFailed }: MembersTableProps) {
  const [busy, setBusy] = useState<string>();

  async function toggleAdmin(member: Member) {
    if (busy) return;
    setBusy(member.id);
    const name = member.displayName ?? member.email;
    try {
      await updateMember(organisation.id, member.id, { orgAdmin: !member.orgAdmin });
      await onDone(member.orgAdmin ? `${name} is no longer an administrator` : `${name} is now an administrator`);
    } catch (error) {
      onFailed(errorsFromApi({}, error));
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section aria-labelledby="members-heading">
      <h2 className="govuk-heading-m" id="members-heading">
        Members ({members.length})
      </h2>
      <Table
        className="govuk-table--small-text-until-tablet"
        caption={`Members of ${organisation.name}`}
        captionSize="hidden"
        columns={["Name", "Email address", "Role", "Administrator", "Last signed in", { text: "Actions", hidden: true }]}
        empty={`Nobody has joined ${organisation.name} yet.`}
        rows={members.map((member) => {
          const name = member.displayName ?? member.email;
          const isMe = member.id === me.user.id;
          return {
            key: member.id,
            header: (
              <>
                {member.displayName ?? "Not given"}
                {isMe ? <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">(you)</span> : null}
              </>
            ),
            cells: [
              { content: member.email, className: "govuk-!-text-break-word" },
              ROLE_LABELS[member.role],
              member.orgAdmin ? "Yes" : "No",
              member.lastSignInAt ? formatTimestampDate(member.lastSignInAt) : "Never",
              isMe ? (
                <span className="govuk-hint govuk-!-margin-bottom-0">Another administrator can change your access</span>
              ) : (
                <div className="govuk-button-group govuk-!-margin-bottom-0">
                  <button
                    type="button"
                    className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    disabled={busy === member.id}
                    onClick={() => toggleAdmin(member)}
                  >
                    {member.orgAdmin ? "Remove as administrator" : "Make administrator"}
                    <span className="govuk-visually-hidden">: {name}</span>
                  </button>
                  <button type="button" className="govuk-button govuk-button--warning govuk-!-margin-bottom-0" onClick={() => onRemove(member)}>
                    Remove<span className="govuk-visually-hidden"> {name}</span>
                  </button>
                </div>
              ),
            ],
          };
        })}
      />
    </section>
  );
}
