import { useState } from "react";
import { type Role, ROLE_LABELS, ROLE_ORGANISATION_KIND, ROLES } from "@shared/codes/roles";
import { type Invitation, InvitationCreateSchema, type Organisation } from "@shared/schemas/identity";
import { invitePerson } from "../../api/people";
import { Checkbox } from "../../components/checkbox";
import { Form, FormErrorSummary } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";
import { SummaryList } from "../../components/summary-list";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";

const FIELD_IDS = { email: "invite-email", role: "invite-role", orgAdmin: "invite-admin" } as const;

interface InviteFormProps {
  organisation: Organisation;
  onInvited(invitation: Invitation): Promise<void>;
  onErrorsChange(hasErrors: boolean): void;
}

/** A role belongs to one kind of organisation, so there is usually exactly one to offer. */
export function InviteForm({ organisation, onInvited, onErrorsChange }: InviteFormProps) {
  const roles = ROLES.filter((role) => ROLE_ORGANISATION_KIND[role] === organisation.kind);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<string | undefined>(roles.length === 1 ? roles[0] : undefined);
  const [orgAdmin, setOrgAdmin] = useState(false);
  const form = useFormSubmit(async () => {
    const parsed = InvitationCreateSchema.safeParse({ email, role, orgAdmin });
    if (!parsed.success) return errorsFromZod(FIELD_IDS, parsed.error);
    return sendOrErrors(
      FIELD_IDS,
      async () => {
        const invitation = await invitePerson(organisation.id, parsed.data);
        setEmail("");
        setOrgAdmin(false);
        await onInvited(invitation);
      },
      "email",
    );
  }, onErrorsChange);
  const fields = form.errors?.fields;

  return (
    <section aria-labelledby="invite-heading">
      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="invite-heading">
        Invite someone to {organisation.name}
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <FormErrorSummary form={form} />
          <p className="govuk-body">
            Placement Exchange does not send an email. Tell the person you have invited them: when they first sign in with this address, they join{" "}
            {organisation.name}. An invitation lasts 14 days.
          </p>
          <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Invite" errorSummary={false}>
            <TextInput
              id={FIELD_IDS.email}
              label="Email address"
              hint="Use their work address, the one they sign in with"
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={email}
              onChange={setEmail}
              error={fields?.email}
            />
            {roles.length === 1 && roles[0] ? (
              <SingleRole role={roles[0]} organisation={organisation} />
            ) : (
              <Radios
                name={FIELD_IDS.role}
                legend="Role"
                options={roles.map((value) => ({ value, label: ROLE_LABELS[value] }))}
                value={role}
                onChange={setRole}
                error={fields?.role}
              />
            )}
            <Checkbox
              id={FIELD_IDS.orgAdmin}
              label={`Make them an administrator of ${organisation.name}`}
              hint="Administrators can invite people, choose other administrators and remove people."
              checked={orgAdmin}
              onChange={setOrgAdmin}
            />
          </Form>
        </div>
      </div>
    </section>
  );
}

function SingleRole({ role, organisation }: { role: Role; organisation: Organisation }) {
  return (
    <SummaryList
      noBorder
      rows={[
        {
          key: "Role",
          value: (
            <>
              {ROLE_LABELS[role]}
              <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">Everyone at {organisation.name} has this role.</span>
            </>
          ),
        },
      ]}
    />
  );
}
