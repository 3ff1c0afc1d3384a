import { useState } from "react";
import { type ReviewComment, ReviewCommentModerationSchema } from "@shared/schemas/review-rounds";
import { moderateComment } from "../../api/review-rounds";
import { CharacterCount } from "../../components/character-count";
import { Form } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { useFormSubmit } from "../../components/use-form-submit";

interface HideCommentFormProps {
  comment: ReviewComment;
  /** "Show again" is a single button; hiding asks for the reason the author will see. */
  restore?: boolean;
  onDone(comment: ReviewComment): void;
  onCancel?(): void;
}

export function HideCommentForm({ comment, restore = false, onDone, onCancel }: HideCommentFormProps) {
  const [reason, setReason] = useState("");
  const fieldIds = { reason: `hide-${comment.id}-reason`, hidden: `hide-${comment.id}-reason` };
  const form = useFormSubmit(async () => {
    const parsed = ReviewCommentModerationSchema.safeParse(restore ? { hidden: false } : { hidden: true, reason });
    if (!parsed.success) return errorsFromZod(fieldIds, parsed.error);
    return sendOrErrors(fieldIds, async () => {
      onDone(await moderateComment(comment.id, restore ? { hidden: false } : { hidden: true, reason: parsed.data.reason ?? "" }));
    });
  });

  if (restore) {
    return (
      <Form
        form={form}
        onSubmit={(event) => form.submit(event)}
        submitLabel={
          <>
            Show again<span className="govuk-visually-hidden"> the hidden comment from {comment.forumName}</span>
          </>
        }
        secondary
        flush
      />
    );
  }

  return (
    <div className="govuk-!-margin-top-4">
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Hide comment" warning onCancel={onCancel}>
        <CharacterCount
          id={fieldIds.reason}
          label="Why are you hiding it?"
          hint="The author will see this"
          maxLength={1000}
          value={reason}
          onChange={setReason}
          error={form.errors?.fields.reason}
        />
      </Form>
    </div>
  );
}
