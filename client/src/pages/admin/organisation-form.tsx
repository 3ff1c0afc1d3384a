import { useState } from "react";
import type { OrganisationKind } from "@shared/codes/organisation-kinds";
import { type Organisation, OrganisationCreateSchema } from "@shared/schemas/identity";
import { createOrganisation } from "../../api/organisations";
import { Form } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";
import { CONTACT_FIELD_IDS, type ContactAnswers, ContactFields, contactFromAnswers } from "../organisations/contact-fields";

const FIELD_IDS = {
  kind: "organisation-kind",
  name: "organisation-name",
  laCode: "organisation-la-code",
  companiesHouseNumber: "organisation-company-number",
  ...CONTACT_FIELD_IDS,
} as const;

const NO_CONTACT: ContactAnswers = { contactEmail: "", contactPhone: "" };

// The hub already exists: a region has one, made when the region is set up.
const KIND_OPTIONS: { value: OrganisationKind; label: string }[] = [
  { value: "council", label: "Council" },
  { value: "provider", label: "Provider" },
  { value: "parent_forum", label: "Parent Carer Forum" },
];

interface OrganisationFormProps {
  onAdded(organisation: Organisation): Promise<void>;
  onErrorsChange(hasErrors: boolean): void;
}

export function OrganisationForm({ onAdded, onErrorsChange }: OrganisationFormProps) {
  const [kind, setKind] = useState<string>();
  const [name, setName] = useState("");
  const [laCode, setLaCode] = useState("");
  const [companiesHouseNumber, setCompaniesHouseNumber] = useState("");
  const [contact, setContact] = useState(NO_CONTACT);
  const needsLaCode = kind === "council" || kind === "parent_forum";
  const form = useFormSubmit(async () => {
    // Asked of councils only: their contact is what the provider they award reads.
    const { contactEmail, contactPhone } = contactFromAnswers(contact);
    const parsed = OrganisationCreateSchema.safeParse({
      kind,
      name,
      laCode: needsLaCode && laCode.trim() !== "" ? laCode : undefined,
      companiesHouseNumber: kind === "provider" && companiesHouseNumber.trim() !== "" ? companiesHouseNumber : undefined,
      contactEmail: kind === "council" ? (contactEmail ?? undefined) : undefined,
      contactPhone: kind === "council" ? (contactPhone ?? undefined) : undefined,
    });
    if (!parsed.success) return errorsFromZod(FIELD_IDS, parsed.error);
    return sendOrErrors(
      FIELD_IDS,
      async () => {
        const organisation = await createOrganisation(parsed.data);
        setKind(undefined);
        setName("");
        setLaCode("");
        setCompaniesHouseNumber("");
        setContact(NO_CONTACT);
        await onAdded(organisation);
      },
      "name",
    );
  }, onErrorsChange);
  const fields = form.errors?.fields;

  return (
    <section aria-labelledby="add-organisation-heading">
      <h2 className="govuk-heading-l" id="add-organisation-heading">
        Add an organisation
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Add organisation">
            <Radios
              name={FIELD_IDS.kind}
              legend="What kind of organisation is it?"
              options={KIND_OPTIONS}
              value={kind}
              onChange={setKind}
              error={fields?.kind}
            />
            <TextInput
              id={FIELD_IDS.name}
              label="Name"
              hint="As the organisation writes it, like ‘Manchester City Council’"
              value={name}
              onChange={setName}
              error={fields?.name}
              autoComplete="organization"
            />
            {needsLaCode ? (
              <TextInput
                id={FIELD_IDS.laCode}
                label="Local authority code"
                hint="The council’s 3-digit code from Get Information About Schools, like 352 for Manchester"
                value={laCode}
                onChange={setLaCode}
                error={fields?.laCode}
                widthClass="govuk-input--width-3"
                inputMode="numeric"
                spellCheck={false}
              />
            ) : null}
            {kind === "council" ? <ContactFields kind={kind} answers={contact} onChange={setContact} errors={fields} /> : null}
            {kind === "provider" ? (
              <TextInput
                id={FIELD_IDS.companiesHouseNumber}
                label="Companies House number (optional)"
                hint="8 characters, like 01234567 or SC123456"
                value={companiesHouseNumber}
                onChange={setCompaniesHouseNumber}
                error={fields?.companiesHouseNumber}
                widthClass="govuk-input--width-10"
                spellCheck={false}
              />
            ) : null}
          </Form>
        </div>
      </div>
    </section>
  );
}
