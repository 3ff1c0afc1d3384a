import { useState, type FormEvent } from "react";
import { personalDataIn } from "../../../../shared/src/personal-data";
import { ReviewCommentCreateSchema, type ReviewComment } from "../../../../shared/src/schemas/review-rounds";
import { postComment } from "../../api/review-rounds";
import { CharacterCount } from "../../components/character-count";
import { ErrorSummary } from "../../components/error-summary";
import { collectErrors, errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { SubmitOrCancel } from "../../components/submit-or-cancel";

type Field = "body";

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
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const fieldIds = { body: id };

  function fail(next: FormErrors<Field>) {
    setErrors(next);
    setAttempt((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const parsed = ReviewCommentCreateSchema.safeParse({ sectionId, ...(parentId ? { parentId } : {}), body });
    if (!parsed.success) return fail(errorsFromZod(fieldIds, parsed.error));
    const found = personalDataIn(parsed.data.body);
    if (found.length > 0) return fail(collectErrors(fieldIds, [{ field: "body", message: `Remove ${list(found)} from your comment` }]));
    setSending(true);
    try {
      const comment = await postComment(roundId, parsed.data);
      setBody("");
      setErrors(undefined);
      onPosted(comment);
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
        <CharacterCount
          id={id}
          label={label}
          hint="Do not include names, phone numbers, e-mail addresses, postcodes or anything else that could identify a child or family."
          maxLength={2000}
          value={body}
          onChange={setBody}
          error={errors?.fields.body}
        />
        <SubmitOrCancel label={submitLabel} sending={sending} onCancel={onCancel} />
      </form>
    </div>
  );
}

