import { useState } from "react";
import type { Me, Member } from "@shared/schemas/identity";
import type { OrganisationPeople } from "../../api/people";
import { ErrorSummary } from "../../components/error-summary";
import type { FormErrors } from "../../components/form-errors";
import { SuccessBanner } from "../../components/notification-banner";
import { usePageTitle } from "../../components/use-page-title";
import { ContactSummary } from "../organisations/contact-summary";
import { InvitationsTable } from "./invitations-table";
import { InviteForm } from "./invite-form";
import { MembersTable } from "./members-table";

interface PeopleOverviewProps {
  me: Me;
  people: OrganisationPeople;
  notice: string | undefined;
  onNotice(notice: string | undefined): void;
  onChanged(): Promise<void>;
  onRemove(member: Member): void;
}

export function PeopleOverview({ me, people, notice, onNotice, onChanged, onRemove }: PeopleOverviewProps) {
  const { organisation, members, invitations } = people;
  // Problems with the buttons in the tables (not the invite form, which shows its own).
  const [actionErrors, setActionErrors] = useState<FormErrors<never>>();
  const [attempt, setAttempt] = useState(0);
  const [inviteHasErrors, setInviteHasErrors] = useState(false);
  usePageTitle(`People at ${organisation.name}`, { hasErrors: Boolean(actionErrors) || inviteHasErrors });

  const actions = {
    async onDone(message: string) {
      await onChanged();
      setActionErrors(undefined);
      onNotice(message);
    },
    onFailed(errors: FormErrors<never>) {
      onNotice(undefined);
      setActionErrors(errors);
      setAttempt((n) => n + 1);
    },
  };

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        {actionErrors ? <ErrorSummary key={attempt} errors={actionErrors.summary} /> : null}
        {notice ? <SuccessBanner key={notice} title={notice} /> : null}
        <span className="govuk-caption-l">{organisation.name}</span>
        <h1 className="govuk-heading-l">People</h1>
        <ContactSummary organisation={organisation} />
        <MembersTable me={me} organisation={organisation} members={members} onRemove={onRemove} {...actions} />
        <InvitationsTable organisation={organisation} invitations={invitations} {...actions} />
        <InviteForm
          organisation={organisation}
          onErrorsChange={setInviteHasErrors}
          onInvited={(invitation) => actions.onDone(`You invited ${invitation.email}`)}
        />
      </div>
    </div>
  );
}
