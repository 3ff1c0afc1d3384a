import { useState } from "react";
import { personalDataIn } from "@shared/personal-data";
import { type ReviewComment, ReviewCommentCreateSchema } from "@shared/schemas/review-rounds";
import { postComment } from "../../api/review-rounds";
import { CharacterCount, PERSONAL_DATA_HINT } from "../../components/character-count";
import { Form } from "../../components/form";
import { collectErrors, errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { useFormSubmit } from "../../components/use-form-submit";

interface CommentFormProps {
  roundId: string;
  sectionId: string;
  parentId?: string;
  /** Unique on the page: the textarea's id. */
  id: string;
  label: string;
  submitLabel: string;
  onPosted(comment: ReviewComment): void;
  onCancel?(): void;
}

const list = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1)}` : (items[0] ?? ""));

/**
 * A comment on a section, or a reply. Personal data is caught here before sending, in the
 * same words as the server's check, which still has the last say.
 */
export function CommentForm({ roundId, sectionId, parentId, id, label, submitLabel, onPosted, onCancel }: CommentFormProps) {
  const [body, setBody] = useState("");
  const fieldIds = { body: id };
  const form = useFormSubmit(async () => {
    const parsed = ReviewCommentCreateSchema.safeParse({ sectionId, ...(parentId ? { parentId } : {}), body });
    if (!parsed.success) return errorsFromZod(fieldIds, parsed.error);
    const found = personalDataIn(parsed.data.body);
    if (found.length > 0) return collectErrors(fieldIds, [{ field: "body", message: `Remove ${list(found)} from your comment` }]);
    return sendOrErrors(fieldIds, async () => {
      const comment = await postComment(roundId, parsed.data);
      setBody("");
      onPosted(comment);
    });
  });

  return (
    <div className="govuk-!-margin-top-4">
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel={submitLabel} onCancel={onCancel}>
        <CharacterCount id={id} label={label} hint={PERSONAL_DATA_HINT} maxLength={2000} value={body} onChange={setBody} error={form.errors?.fields.body} />
      </Form>
    </div>
  );
}
