import { useState } from "react";
import type { z } from "zod";
import { CharacterCount } from "./character-count";
import { Form } from "./form";
import { errorsFromZod, sendOrErrors } from "./form-errors";
import { type RadioOption, Radios } from "./radios";
import { useFormSubmit } from "./use-form-submit";

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
export function DecisionForm<K extends string>({
  idPrefix,
  legend,
  decisionKey,
  options,
  schema,
  submitLabel,
  reasonHint = "The provider will see this",
  reasonLabel = "Reason",
  reasonMaxLength = 1000,
  send,
  onCancel,
}: DecisionFormProps<K>) {
  const [decision, setDecision] = useState<string>();
  const [reason, setReason] = useState("");
  const fieldIds = { [decisionKey]: `${idPrefix}-decision`, reason: `${idPrefix}-reason` } as Record<string, string>;
  const form = useFormSubmit(async () => {
    const parsed = schema.safeParse({ [decisionKey]: decision, reason });
    if (!parsed.success) return errorsFromZod(fieldIds, parsed.error);
    return sendOrErrors(fieldIds, () => send(parsed.data));
  });

  return (
    <div className="govuk-!-margin-top-4">
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel={submitLabel} onCancel={onCancel}>
        <Radios
          name={`${idPrefix}-decision`}
          legend={legend}
          options={options}
          value={decision}
          onChange={setDecision}
          error={form.errors?.fields[decisionKey]}
        />
        <CharacterCount
          id={`${idPrefix}-reason`}
          label={reasonLabel}
          hint={reasonHint}
          maxLength={reasonMaxLength}
          value={reason}
          onChange={setReason}
          error={form.errors?.fields.reason}
        />
      </Form>
    </div>
  );
}
