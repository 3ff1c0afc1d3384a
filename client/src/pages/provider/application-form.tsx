import { useState } from "react";
import { LOTS } from "@shared/codes/lots";
import { type AdmissionRound, type Framework, ProviderApplicationCreateSchema } from "@shared/schemas/framework";
import { applyToFramework } from "../../api/framework";
import { CharacterCount } from "../../components/character-count";
import { Checkboxes } from "../../components/checkboxes";
import { Form } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";
import { formatTimestampDate } from "../../lib/format-date";

const DECLARATIONS = [
  { value: "acceptsTerms", label: "I accept the terms and conditions above on behalf of my organisation" },
  { value: "safeguarding", label: "We have a safeguarding policy and a designated safeguarding lead" },
  { value: "insurance", label: "We hold the insurance the framework requires" },
  { value: "accurateInformation", label: "The information in this application is accurate" },
] as const;

const FIELD_IDS = {
  lotNumbers: "application-lots",
  companiesHouseNumber: "application-company-number",
  contactName: "application-contact-name",
  contactEmail: "application-contact-email",
  contactPhone: "application-contact-phone",
  settingsOffered: "application-settings-offered",
  "declarations.termsVersionId": "application-declarations",
  "declarations.acceptsTerms": "application-declarations",
  "declarations.safeguarding": "application-declarations-2",
  "declarations.insurance": "application-declarations-3",
  "declarations.accurateInformation": "application-declarations-4",
  declarations: "application-declarations",
} as const;

interface ApplicationFormProps {
  framework: Framework;
  round: AdmissionRound;
  terms: Framework["termsVersions"][number] | undefined;
  onApplied(message: string): Promise<void>;
  onErrorsChange(hasErrors: boolean): void;
}

export function ApplicationForm({ framework, round, terms, onApplied, onErrorsChange }: ApplicationFormProps) {
  const [lots, setLots] = useState<string[]>([]);
  const [company, setCompany] = useState("");
  const [contactName, setContactName] = useState("");
  const [contactEmail, setContactEmail] = useState("");
  const [contactPhone, setContactPhone] = useState("");
  const [settingsOffered, setSettingsOffered] = useState("");
  const [declared, setDeclared] = useState<string[]>([]);
  const form = useFormSubmit(async () => {
    const parsed = ProviderApplicationCreateSchema.safeParse({
      roundId: round.id,
      lotNumbers: lots.map(Number),
      companiesHouseNumber: company,
      contactName,
      contactEmail,
      contactPhone,
      settingsOffered,
      declarations: {
        termsVersionId: terms?.id,
        ...Object.fromEntries(DECLARATIONS.map((d) => [d.value, declared.includes(d.value)])),
      },
    });
    if (!parsed.success) return errorsFromZod(FIELD_IDS, parsed.error);
    return sendOrErrors(FIELD_IDS, async () => {
      const application = await applyToFramework(framework.id, parsed.data);
      await onApplied(
        `You applied for ${application.lots.length === 1 ? "1 lot" : `${application.lots.length} lots`}. The regional hub will tell you its decision here.`,
      );
    });
  }, onErrorsChange);
  const errors = form.errors;

  const declarationError =
    errors?.fields["declarations.acceptsTerms"] ??
    errors?.fields["declarations.termsVersionId"] ??
    errors?.fields["declarations.safeguarding"] ??
    errors?.fields["declarations.insurance"] ??
    errors?.fields["declarations.accurateInformation"] ??
    errors?.fields.declarations;

  return (
    <section aria-labelledby="apply-heading">
      <h2 className="govuk-heading-l" id="apply-heading">
        Apply to join lots
      </h2>
      <p className="govuk-body">
        {round.name} is open until {formatTimestampDate(round.closesAt)}.
      </p>
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Send application">
        <Checkboxes
          name={FIELD_IDS.lotNumbers}
          legend="Which lots are you applying for?"
          hint="Select all that apply"
          options={LOTS.map((lot) => ({ value: String(lot.number), label: `Lot ${lot.number}: ${lot.name}` }))}
          values={lots}
          onChange={setLots}
          error={errors?.fields.lotNumbers}
        />
        <TextInput
          id={FIELD_IDS.companiesHouseNumber}
          label="Companies House number"
          hint="8 characters, like 01234567 or SC123456"
          value={company}
          onChange={setCompany}
          error={errors?.fields.companiesHouseNumber}
          widthClass="govuk-input--width-10"
          spellCheck={false}
        />
        <TextInput
          id={FIELD_IDS.contactName}
          label="Contact’s full name"
          value={contactName}
          onChange={setContactName}
          error={errors?.fields.contactName}
          autoComplete="name"
        />
        <TextInput
          id={FIELD_IDS.contactEmail}
          label="Contact’s email address"
          type="email"
          value={contactEmail}
          onChange={setContactEmail}
          error={errors?.fields.contactEmail}
          autoComplete="email"
          spellCheck={false}
        />
        <TextInput
          id={FIELD_IDS.contactPhone}
          label="Contact’s telephone number"
          type="tel"
          value={contactPhone}
          onChange={setContactPhone}
          error={errors?.fields.contactPhone}
          widthClass="govuk-input--width-20"
          autoComplete="tel"
        />
        <CharacterCount
          id={FIELD_IDS.settingsOffered}
          label="Settings you would offer"
          hint="Their names, URNs and what they provide"
          maxLength={2000}
          value={settingsOffered}
          onChange={setSettingsOffered}
          error={errors?.fields.settingsOffered}
        />
        <h3 className="govuk-heading-m">Terms and conditions</h3>
        {terms ? (
          <div className="govuk-inset-text">
            <p className="govuk-body govuk-!-font-weight-bold">
              {terms.title} (version {terms.version}, published {formatTimestampDate(terms.publishedAt)})
            </p>
            <p className="govuk-body">{terms.summary}</p>
          </div>
        ) : (
          <p className="govuk-body">The regional hub has not published terms yet, so you cannot apply.</p>
        )}
        <Checkboxes
          name={FIELD_IDS.declarations}
          legend="Declarations"
          hint="Confirm each of these"
          options={DECLARATIONS}
          values={declared}
          onChange={setDeclared}
          error={declarationError}
        />
      </Form>
    </section>
  );
}
