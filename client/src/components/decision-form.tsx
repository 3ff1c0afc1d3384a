import { SubmitOrCancel } from "./submit-or-cancel";
import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { CharacterCount } from "./character-count";
import { ErrorSummary } from "./error-summary";
import { errorsFromApi, errorsFromZod, type FormErrors } from "./form-errors";
import { Radios, type RadioOption } from "./radios";

interface DecisionFormProps<K extends string> {
  /** Prefix for the fields' ids, unique on the page. */
  idPrefix: string;
  legend: string;
  /** The body's name for the choice: "status" for admissions, "decision" for claims. */
  decisionKey: K;
  options: readonly RadioOption[];
  schema: z.ZodType<Record<K | "reason", string>>;
  submitLabel: string;
  /** Who will read the reason; "The provider will see this" unless said otherwise. */
  reasonHint?: string;
  /** "Reason" unless said otherwise (an answer, a note). */
  reasonLabel?: string;
  reasonMaxLength?: number;
  send(body: Record<K | "reason", string>): Promise<void>;
  /** Without it, no Cancel button (a form that is always shown). */
  onCancel?(): void;
}

/** The hub decides with a reason the provider will see, as the framework's fairness rules ask. */
export function DecisionForm<K extends string>({ idPrefix, legend, decisionKey, options, schema, submitLabel, reasonHint = "The provider will see this", reasonLabel = "Reason", reasonMaxLength = 1000, send, onCancel }: DecisionFormProps<K>) {
  const [decision, setDecision] = useState<string>();
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FormErrors<string>>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const fieldIds = { [decisionKey]: `${idPrefix}-decision`, reason: `${idPrefix}-reason` } as Record<string, string>;

  function fail(next: FormErrors<string>) {
    setErrors(next);
    setAttempt((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const parsed = schema.safeParse({ [decisionKey]: decision, reason });
    if (!parsed.success) return fail(errorsFromZod(fieldIds, parsed.error));
    setSending(true);
    try {
      await send(parsed.data);
    } catch (error) {
      fail(errorsFromApi(fieldIds, error));
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="govuk-!-margin-top-4">
      {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <form noValidate onSubmit={handleSubmit}>
        <Radios name={`${idPrefix}-decision`} legend={legend} options={options} value={decision} onChange={setDecision} error={errors?.fields[decisionKey]} />
        <CharacterCount id={`${idPrefix}-reason`} label={reasonLabel} hint={reasonHint} maxLength={reasonMaxLength} value={reason} onChange={setReason} error={errors?.fields.reason} />
        <SubmitOrCancel label={submitLabel} sending={sending} onCancel={onCancel} />
      </form>
    </div>
  );
}
