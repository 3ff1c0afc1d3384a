import { useEffect, useState, type FormEvent } from "react";
import type { FormErrors } from "./form-errors";

/**
 * A form whose `save` checks and sends its state, answering the problems to show (or nothing
 * once saved). `attempt` changes on each failed submit: key the error summary on it so it is
 * focused and announced again.
 */
export function useFormSubmit<F extends string, S>(save: (state: S) => Promise<FormErrors<F> | undefined>, onErrorsChange?: (hasErrors: boolean) => void) {
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
