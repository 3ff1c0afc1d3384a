import type { OrganisationKind } from "@shared/codes/organisation-kinds";
import { TextInput } from "../../components/text-input";

/** The ids of the two answers, for the error summary's links (a form's FIELD_IDS include them). */
export const CONTACT_FIELD_IDS = {
  contactEmail: "organisation-contact-email",
  contactPhone: "organisation-contact-phone",
} as const;

export interface ContactAnswers {
  contactEmail: string;
  contactPhone: string;
}

/** Empty answers become null (nothing to show); the schema checks the rest. */
export const contactFromAnswers = (answers: ContactAnswers) => ({
  contactEmail: answers.contactEmail.trim() === "" ? null : answers.contactEmail,
  contactPhone: answers.contactPhone.trim() === "" ? null : answers.contactPhone,
});

/** Where the contact is shown, so the person knows whom they are writing for. */
const HINTS: Partial<Record<OrganisationKind, string>> = {
  council: "Shown to the provider awarded a placement, in its next steps and award letter",
};

interface ContactFieldsProps {
  kind: OrganisationKind;
  answers: ContactAnswers;
  onChange(answers: ContactAnswers): void;
  errors: Partial<Record<keyof ContactAnswers, string>> | undefined;
}

/**
 * An organisation's placements contact: a role mailbox and a phone number, both optional. The
 * form that adds an organisation and the page that changes its contact ask the same way.
 */
export function ContactFields({ kind, answers, onChange, errors }: ContactFieldsProps) {
  return (
    <>
      <TextInput
        id={CONTACT_FIELD_IDS.contactEmail}
        label="Placements contact e-mail (optional)"
        hint={HINTS[kind] ?? "A team’s mailbox rather than a person’s, like placements@council.gov.uk"}
        type="email"
        value={answers.contactEmail}
        onChange={(contactEmail) => onChange({ ...answers, contactEmail })}
        error={errors?.contactEmail}
        autoComplete="email"
        spellCheck={false}
      />
      <TextInput
        id={CONTACT_FIELD_IDS.contactPhone}
        label="Placements contact phone (optional)"
        hint="Include the area code, like 0161 496 0000"
        type="tel"
        value={answers.contactPhone}
        onChange={(contactPhone) => onChange({ ...answers, contactPhone })}
        error={errors?.contactPhone}
        widthClass="govuk-input--width-20"
        autoComplete="tel"
      />
    </>
  );
}
