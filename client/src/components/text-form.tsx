import { useState } from "react";
import type { z } from "zod";
import { CharacterCount } from "./character-count";
import { Form } from "./form";
import { errorsFromZod, sendOrErrors } from "./form-errors";
import { useFormSubmit } from "./use-form-submit";

interface TextFormProps<K extends string> {
  /** The textarea's id, unique on the page. */
  id: string;
  /** The body's name for the text: "reason", "question". */
  field: K;
  schema: z.ZodType<Record<K, string>>;
  label: string;
  hint?: string;
  maxLength: number;
  submitLabel: string;
  /** A red button, for something that cannot be undone. */
  warning?: boolean;
  send(body: Record<K, string>): Promise<void>;
}

/** One piece of text to send (a reason, a question), checked with the API's schema first; emptied once sent. */
export function TextForm<K extends string>({ id, field, schema, label, hint, maxLength, submitLabel, warning = false, send }: TextFormProps<K>) {
  const [text, setText] = useState("");
  const fieldIds = { [field]: id } as Record<K, string>;
  const form = useFormSubmit(async () => {
    const parsed = schema.safeParse({ [field]: text });
    if (!parsed.success) return errorsFromZod(fieldIds, parsed.error);
    return sendOrErrors(
      fieldIds,
      async () => {
        await send(parsed.data);
        setText("");
      },
      field,
    );
  });
  return (
    <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel={submitLabel} warning={warning}>
      <CharacterCount id={id} label={label} hint={hint} maxLength={maxLength} value={text} onChange={setText} error={form.errors?.fields[field]} />
    </Form>
  );
}
