import { useState, type FormEvent } from "react";
import { API_TOKEN_MAX_DAYS, ApiTokenCreateSchema } from "../../../../shared/src/schemas/identity";
import { createApiToken, type CreatedApiToken } from "../../api/api-tokens";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { TextInput } from "../../components/text-input";
import { usePageTitle } from "../../components/use-page-title";

const FIELD_IDS = { name: "token-name", expiresInDays: "token-days" } as const;
type Field = keyof typeof FIELD_IDS;

export function ApiTokenForm({ onCreated }: { onCreated(token: CreatedApiToken): Promise<void> }) {
  const [name, setName] = useState("");
  const [days, setDays] = useState("90");
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  usePageTitle("Your account", { hasErrors: Boolean(errors) });

  function fail(next: FormErrors<Field>) {
    setErrors(next);
    setAttempt((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    // An empty or non-numeric entry is NaN, which the schema refuses with "Enter the number of days".
    const parsed = ApiTokenCreateSchema.safeParse({ name, expiresInDays: days.trim() === "" ? Number.NaN : Number(days.trim()) });
    if (!parsed.success) return fail(errorsFromZod(FIELD_IDS, parsed.error));
    setSending(true);
    try {
      const token = await createApiToken(parsed.data);
      setErrors(undefined);
      await onCreated(token);
    } catch (error) {
      fail(errorsFromApi(FIELD_IDS, error));
    } finally {
      setSending(false);
    }
  }

  return (
    <form noValidate onSubmit={handleSubmit}>
      <h3 className="govuk-heading-s">Create an API token</h3>
      {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
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
      <button type="submit" className="govuk-button" data-module="govuk-button">
        Create token
      </button>
    </form>
  );
}
