import { useState, type FormEvent } from "react";
import { ReviewCommentModerationSchema, type ReviewComment } from "../../../../shared/src/schemas/review-rounds";
import { moderateComment } from "../../api/review-rounds";
import { CharacterCount } from "../../components/character-count";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { SubmitOrCancel } from "../../components/submit-or-cancel";

type Field = "reason" | "hidden";

interface HideCommentFormProps {
  comment: ReviewComment;
  /** "Show again" is a single button; hiding asks for the reason the author will see. */
  restore?: boolean;
  onDone(comment: ReviewComment): void;
  onCancel?(): void;
}

export function HideCommentForm({ comment, restore = false, onDone, onCancel }: HideCommentFormProps) {
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const fieldIds = { reason: `hide-${comment.id}-reason`, hidden: `hide-${comment.id}-reason` };

  function fail(next: FormErrors<Field>) {
    setErrors(next);
    setAttempt((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const parsed = ReviewCommentModerationSchema.safeParse(restore ? { hidden: false } : { hidden: true, reason });
    if (!parsed.success) return fail(errorsFromZod(fieldIds, parsed.error));
    setSending(true);
    try {
      onDone(await moderateComment(comment.id, restore ? { hidden: false } : { hidden: true, reason: parsed.data.reason ?? "" }));
    } catch (error) {
      fail(errorsFromApi(fieldIds, error));
    } finally {
      setSending(false);
    }
  }

  if (restore) {
    return (
      <form noValidate onSubmit={handleSubmit}>
        {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
        <button type="submit" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button" disabled={sending}>
          Show again<span className="govuk-visually-hidden"> the hidden comment from {comment.forumName}</span>
        </button>
      </form>
    );
  }

  return (
    <div className="govuk-!-margin-top-4">
      {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <form noValidate onSubmit={handleSubmit}>
        <CharacterCount id={fieldIds.reason} label="Why are you hiding it?" hint="The author will see this" maxLength={1000} value={reason} onChange={setReason} error={errors?.fields.reason} />
        <SubmitOrCancel label="Hide comment" warning sending={sending} onCancel={onCancel} />
      </form>
    </div>
  );
}
