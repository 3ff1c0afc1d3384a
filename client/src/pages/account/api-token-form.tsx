import { useState } from "react";
import { API_TOKEN_MAX_DAYS, ApiTokenCreateSchema } from "@shared/schemas/identity";
import { createApiToken, type CreatedApiToken } from "../../api/api-tokens";
import { Form } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";
import { usePageTitle } from "../../components/use-page-title";

const FIELD_IDS = { name: "token-name", expiresInDays: "token-days" } as const;

export function ApiTokenForm({ onCreated }: { onCreated(token: CreatedApiToken): Promise<void> }) {
  const [name, setName] = useState("");
  const [days, setDays] = useState("90");
  const form = useFormSubmit(async () => {
    // An empty or non-numeric entry is NaN, which the schema refuses with "Enter the number of days".
    const parsed = ApiTokenCreateSchema.safeParse({ name, expiresInDays: days.trim() === "" ? Number.NaN : Number(days.trim()) });
    if (!parsed.success) return errorsFromZod(FIELD_IDS, parsed.error);
    return sendOrErrors(FIELD_IDS, async () => onCreated(await createApiToken(parsed.data)));
  });
  const { errors } = form;
  usePageTitle("Your account", { hasErrors: Boolean(errors) });

  return (
    <>
      <h3 className="govuk-heading-s">Create an API token</h3>
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Create token">
        <TextInput
          id={FIELD_IDS.name}
          label="Token name"
          hint="Say which system will use it, like ‘Case management system’"
          value={name}
          onChange={setName}
          error={errors?.fields.name}
          widthClass="govuk-!-width-one-half"
          autoComplete="off"
        />
        <TextInput
          id={FIELD_IDS.expiresInDays}
          label="Number of days the token lasts"
          hint={`Up to ${API_TOKEN_MAX_DAYS} days. After that, create a new token.`}
          value={days}
          onChange={setDays}
          error={errors?.fields.expiresInDays}
          widthClass="govuk-input--width-3"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
        />
      </Form>
    </>
  );
}
