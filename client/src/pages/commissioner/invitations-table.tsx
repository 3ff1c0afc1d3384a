import type { InvitationView } from "@shared/schemas/placement-requests";
import { Table } from "../../components/table";
import { InvitationStatusTag, invitationTimes } from "../requests/request-labels";

const count = (invitations: readonly InvitationView[], status: InvitationView["status"]) => invitations.filter((i) => i.status === status).length;

/**
 * Where each invited setting is, live: invited, viewed, declined (with the reason) or offered,
 * with when. Never an offer's content: sealed offers stay with their authors until the deadline.
 */
export function InvitationsTable({ invitations }: { invitations: readonly InvitationView[] }) {
  return (
    <section aria-labelledby="invitations-heading">
      <h2 className="govuk-heading-m" id="invitations-heading">
        Invited settings
      </h2>
      <p className="govuk-body" aria-live="polite" id="invitations-count">
        {count(invitations, "offered")} offered, {count(invitations, "declined")} declined, {count(invitations, "viewed")} viewed and not yet answered, of{" "}
        {invitations.length} invited.
      </p>
      <Table
        caption="Each invited setting’s response, updated as it happens"
        captionSize="hidden"
        columns={["Setting", "Status", "When"]}
        rows={invitations.map((invitation) => ({
          key: invitation.settingId,
          data: { "data-setting-id": invitation.settingId },
          header: (
            <>
              {invitation.settingName}
              <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">{invitation.organisationName}</span>
            </>
          ),
          cells: [
            <InvitationStatusTag status={invitation.status} />,
            <ul className="govuk-list govuk-body-s govuk-!-margin-bottom-0">
              {invitationTimes(invitation).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>,
          ],
        }))}
      />
    </section>
  );
}
