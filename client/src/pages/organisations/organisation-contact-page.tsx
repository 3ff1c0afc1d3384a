import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { ErrorCode } from "@shared/errors";
import { type Me, type Organisation, OrganisationContactUpdateSchema } from "@shared/schemas/identity";
import { ApiRequestError } from "../../api/http";
import { updateOrganisationContact, useOrganisation } from "../../api/organisations";
import { useMe } from "../../api/session";
import { Form, FormErrorSummary } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { Loading, QueryProblem } from "../../components/query-problem";
import { ReadingColumn } from "../../components/reading-column";
import { useFormSubmit } from "../../components/use-form-submit";
import { usePageTitle } from "../../components/use-page-title";
import { peoplePath } from "../../lib/paths";
import { ForbiddenPage } from "../public/forbidden-page";
import { NotFoundPage } from "../public/not-found-page";
import { CONTACT_FIELD_IDS, type ContactAnswers, ContactFields, contactFromAnswers } from "./contact-fields";

/** The organisation's own administrators, and the hub's, change its contact (the server checks too). */
const canEditContact = (me: Me, organisationId: string) => me.user.orgAdmin && (me.user.role === "regional_admin" || me.organisation?.id === organisationId);

/** Changing an organisation's placements contact, reached from its people page. */
export function OrganisationContactPage() {
  const me = useMe();
  const { id = "" } = useParams();
  if (!canEditContact(me, id)) return <ForbiddenPage me={me} />;
  return <LoadOrganisation key={id} organisationId={id} me={me} />;
}

function LoadOrganisation({ organisationId, me }: { organisationId: string; me: Me }) {
  const organisation = useOrganisation(organisationId);
  if (organisation.status === "loading") return <ContactLoading />;
  if (organisation.status === "error") {
    const { error } = organisation;
    if (error instanceof ApiRequestError) {
      if (error.error.code === ErrorCode.Forbidden) return <ForbiddenPage me={me} />;
      if (error.error.code === ErrorCode.NotFound || error.error.code === ErrorCode.ValidationError) return <NotFoundPage />;
    }
    return <QueryProblem what="this organisation’s contact details" onRetry={organisation.retry} />;
  }
  return <ChangeContact organisation={organisation.data} />;
}

function ContactLoading() {
  usePageTitle("Contact details");
  return <Loading what="the contact details" />;
}

function ChangeContact({ organisation }: { organisation: Organisation }) {
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<ContactAnswers>({ contactEmail: organisation.contactEmail ?? "", contactPhone: organisation.contactPhone ?? "" });
  const [hasErrors, setHasErrors] = useState(false);
  usePageTitle(`Contact details for ${organisation.name}`, { hasErrors });
  const back = peoplePath(organisation.id);

  const form = useFormSubmit(async () => {
    const parsed = OrganisationContactUpdateSchema.safeParse(contactFromAnswers(answers));
    if (!parsed.success) return errorsFromZod(CONTACT_FIELD_IDS, parsed.error);
    return sendOrErrors(CONTACT_FIELD_IDS, async () => {
      await updateOrganisationContact(organisation.id, parsed.data);
      await navigate(back, { state: { notice: `You changed the contact details for ${organisation.name}` } });
    });
  }, setHasErrors);

  return (
    <ReadingColumn backTo={back} backText={<>Back to people at {organisation.name}</>}>
      <FormErrorSummary form={form} />
      <span className="govuk-caption-l">{organisation.name}</span>
      <h1 className="govuk-heading-l">Contact details</h1>
      <p className="govuk-body">
        {organisation.kind === "council"
          ? "The provider you award a placement reads these in its next steps and award letter, to agree the child’s move with you."
          : "The regional commissioning hub sees these, to reach you about placements."}{" "}
        Leave an answer empty to remove it.
      </p>
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Save contact details" errorSummary={false}>
        <ContactFields kind={organisation.kind} answers={answers} onChange={setAnswers} errors={form.errors?.fields} />
      </Form>
    </ReadingColumn>
  );
}
