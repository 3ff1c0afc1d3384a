import { type FormEvent, useEffect, useState } from "react";
import type { FormErrors } from "./form-errors";

/**
 * A form whose `save` checks and sends its state, answering the problems to show (or nothing
 * once saved). Every form that sends to the API goes through it, and shows what it answers with
 * `Form` (or `FormErrorSummary` where the summary stands above the page's heading): `attempt`
 * changes on each failed submit, so the summary is focused and announced again.
 */
export function useFormSubmit<F extends string, S = void>(
  save: (state: S) => Promise<FormErrors<F> | undefined>,
  onErrorsChange?: (hasErrors: boolean) => void,
) {
  const [errors, setErrors] = useState<FormErrors<F>>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);

  useEffect(() => onErrorsChange?.(Boolean(errors)), [errors, onErrorsChange]);

  async function submit(event: FormEvent<HTMLFormElement>, state: S) {
    event.preventDefault();
    if (sending) return;
    setSending(true);
    try {
      const problems = await save(state);
      setErrors(problems);
      if (problems) setAttempt((n) => n + 1);
    } finally {
      setSending(false);
    }
  }

  return { errors, attempt, sending, submit };
}
