import { useEffect, useState, type FormEvent } from "react";
import { ROLE_LABELS, ROLE_ORGANISATION_KIND, ROLES, type Role } from "../../../../shared/src/codes/roles";
import { InvitationCreateSchema, type Invitation, type Organisation } from "../../../../shared/src/schemas/identity";
import { invitePerson } from "../../api/people";
import { Checkbox } from "../../components/checkbox";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";
import { TextInput } from "../../components/text-input";

const FIELD_IDS = { email: "invite-email", role: "invite-role", orgAdmin: "invite-admin" } as const;
type Field = keyof typeof FIELD_IDS;

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
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);

  useEffect(() => onErrorsChange(Boolean(errors)), [errors, onErrorsChange]);

  function fail(next: FormErrors<Field>) {
    setErrors(next);
    setAttempt((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const parsed = InvitationCreateSchema.safeParse({ email, role, orgAdmin });
    if (!parsed.success) return fail(errorsFromZod(FIELD_IDS, parsed.error));
    setSending(true);
    try {
      const invitation = await invitePerson(organisation.id, parsed.data);
      setErrors(undefined);
      setEmail("");
      setOrgAdmin(false);
      await onInvited(invitation);
    } catch (error) {
      fail(errorsFromApi(FIELD_IDS, error, "email"));
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="invite-heading">
      <h2 className="govuk-heading-m govuk-!-margin-top-6" id="invite-heading">
        Invite someone to {organisation.name}
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
          <p className="govuk-body">
            Placement Exchange does not send an email. Tell the person you have invited them: when they first sign in
            with this address, they join {organisation.name}. An invitation lasts 14 days.
          </p>
          <form noValidate onSubmit={handleSubmit}>
            <TextInput
              id={FIELD_IDS.email}
              label="Email address"
              hint="Use their work address, the one they sign in with"
              type="email"
              autoComplete="off"
              spellCheck={false}
              value={email}
              onChange={setEmail}
              error={errors?.fields.email}
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
                error={errors?.fields.role}
              />
            )}
            <Checkbox
              id={FIELD_IDS.orgAdmin}
              label={`Make them an administrator of ${organisation.name}`}
              hint="Administrators can invite people, choose other administrators and remove people."
              checked={orgAdmin}
              onChange={setOrgAdmin}
            />
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Invite
            </button>
          </form>
        </div>
      </div>
    </section>
  );
}

function SingleRole({ role, organisation }: { role: Role; organisation: Organisation }) {
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border">
      <div className="govuk-summary-list__row">
        <dt className="govuk-summary-list__key">Role</dt>
        <dd className="govuk-summary-list__value">
          {ROLE_LABELS[role]}
          <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">Everyone at {organisation.name} has this role.</span>
        </dd>
      </div>
    </dl>
  );
}
