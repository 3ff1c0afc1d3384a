import { useEffect, useState, type FormEvent } from "react";
import type { OrganisationKind } from "../../../../shared/src/codes/organisation-kinds";
import { OrganisationCreateSchema, type Organisation } from "../../../../shared/src/schemas/identity";
import { createOrganisation } from "../../api/organisations";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { Radios } from "../../components/radios";
import { TextInput } from "../../components/text-input";

const FIELD_IDS = { kind: "organisation-kind", name: "organisation-name", laCode: "organisation-la-code", companiesHouseNumber: "organisation-company-number" } as const;
type Field = keyof typeof FIELD_IDS;

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
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const needsLaCode = kind === "council" || kind === "parent_forum";

  useEffect(() => onErrorsChange(Boolean(errors)), [errors, onErrorsChange]);

  function fail(next: FormErrors<Field>) {
    setErrors(next);
    setAttempt((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const parsed = OrganisationCreateSchema.safeParse({
      kind,
      name,
      laCode: needsLaCode && laCode.trim() !== "" ? laCode : undefined,
      companiesHouseNumber: kind === "provider" && companiesHouseNumber.trim() !== "" ? companiesHouseNumber : undefined,
    });
    if (!parsed.success) return fail(errorsFromZod(FIELD_IDS, parsed.error));
    setSending(true);
    try {
      const organisation = await createOrganisation(parsed.data);
      setErrors(undefined);
      setKind(undefined);
      setName("");
      setLaCode("");
      setCompaniesHouseNumber("");
      await onAdded(organisation);
    } catch (error) {
      fail(errorsFromApi(FIELD_IDS, error, "name"));
    } finally {
      setSending(false);
    }
  }

  return (
    <section aria-labelledby="add-organisation-heading">
      <h2 className="govuk-heading-l" id="add-organisation-heading">
        Add an organisation
      </h2>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
          <form noValidate onSubmit={handleSubmit}>
            <Radios
              name={FIELD_IDS.kind}
              legend="What kind of organisation is it?"
              options={KIND_OPTIONS}
              value={kind}
              onChange={setKind}
              error={errors?.fields.kind}
            />
            <TextInput
              id={FIELD_IDS.name}
              label="Name"
              hint="As the organisation writes it, like ‘Manchester City Council’"
              value={name}
              onChange={setName}
              error={errors?.fields.name}
              autoComplete="organization"
            />
            {needsLaCode ? (
              <TextInput
                id={FIELD_IDS.laCode}
                label="Local authority code"
                hint="The council’s 3-digit code from Get Information About Schools, like 352 for Manchester"
                value={laCode}
                onChange={setLaCode}
                error={errors?.fields.laCode}
                widthClass="govuk-input--width-3"
                inputMode="numeric"
                spellCheck={false}
              />
            ) : null}
            {kind === "provider" ? (
              <TextInput
                id={FIELD_IDS.companiesHouseNumber}
                label="Companies House number (optional)"
                hint="8 characters, like 01234567 or SC123456"
                value={companiesHouseNumber}
                onChange={setCompaniesHouseNumber}
                error={errors?.fields.companiesHouseNumber}
                widthClass="govuk-input--width-10"
                spellCheck={false}
              />
            ) : null}
            <button type="submit" className="govuk-button" data-module="govuk-button">
              Add organisation
            </button>
          </form>
        </div>
      </div>
    </section>
  );
}
