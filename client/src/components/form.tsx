import type { FormEvent, ReactNode } from "react";
import { ErrorSummary } from "./error-summary";
import type { FormErrors } from "./form-errors";
import { type SubmitButtonStyle, SubmitOrCancel } from "./submit-or-cancel";

/** What `useFormSubmit` answers about a form: the problems of its last submit, which attempt that was, and whether it is sending. */
export interface FormStatus {
  errors: FormErrors<string> | undefined;
  attempt: number;
  sending: boolean;
}

/**
 * The GOV.UK error summary of a form's last failed submit. Keyed on the attempt: GOV.UK
 * Frontend focuses the summary when it initialises, so each failure mounts it again to have it
 * focused and announced. Use it on its own where the summary stands above the page's heading.
 */
export function FormErrorSummary({ form }: { form: FormStatus }) {
  return form.errors ? <ErrorSummary key={form.attempt} errors={form.errors.summary} /> : null;
}

interface FormProps extends SubmitButtonStyle {
  /** What `useFormSubmit` answered. */
  form: FormStatus;
  /** Usually `(event) => form.submit(event, state)`. */
  onSubmit(event: FormEvent<HTMLFormElement>): void | Promise<void>;
  submitLabel: ReactNode;
  /** Shows Cancel beside the button, for a form opened in place. */
  onCancel?: (() => void) | undefined;
  /** False where the page shows `FormErrorSummary` higher up, above its heading. */
  errorSummary?: boolean;
  children?: ReactNode;
}

/** A form that sends to the API: its error summary, its fields (the children) and its submit button, disabled while sending. */
export function Form({ form, onSubmit, submitLabel, onCancel, errorSummary = true, children, ...style }: FormProps) {
  return (
    <>
      {errorSummary ? <FormErrorSummary form={form} /> : null}
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        {children}
        <SubmitOrCancel label={submitLabel} sending={form.sending} onCancel={onCancel} {...style} />
      </form>
    </>
  );
}
