import { useState, type FormEvent } from "react";
import { ReviewThemeSaveSchema, type ReviewComment } from "../../../../shared/src/schemas/review-rounds";
import { saveTheme } from "../../api/review-rounds";
import { CharacterCount } from "../../components/character-count";
import { Checkboxes } from "../../components/checkboxes";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { TextInput } from "../../components/text-input";

type Field = "title" | "answer" | "commentIds";
const FIELD_IDS: Record<Field, string> = { title: "theme-title", answer: "theme-answer", commentIds: "theme-comments" };

/** "You said, we did": the hub names a theme, answers it, and ticks the comments it groups. */
export function ThemeForm({ roundId, comments, onSaved }: { roundId: string; comments: ReviewComment[]; onSaved(title: string): Promise<void> }) {
  const [title, setTitle] = useState("");
  const [answer, setAnswer] = useState("");
  const [commentIds, setCommentIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);

  function fail(next: FormErrors<Field>) {
    setErrors(next);
    setAttempt((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const parsed = ReviewThemeSaveSchema.safeParse({ title, answer, commentIds });
    if (!parsed.success) return fail(errorsFromZod(FIELD_IDS, parsed.error));
    setSending(true);
    try {
      await saveTheme(roundId, parsed.data);
      setTitle("");
      setAnswer("");
      setCommentIds([]);
      setErrors(undefined);
      await onSaved(parsed.data.title);
    } catch (error) {
      fail(errorsFromApi(FIELD_IDS, error));
    } finally {
      setSending(false);
    }
  }

  const options = comments.filter((c) => c.body !== null).map((c) => ({ value: c.id, label: c.body ?? "", hint: c.forumName }));
  return (
    <>
      {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <form noValidate onSubmit={handleSubmit}>
        <h3 className="govuk-heading-s">Add a theme</h3>
        <TextInput id={FIELD_IDS.title} label="Theme" value={title} onChange={setTitle} error={errors?.fields.title} />
        <CharacterCount id={FIELD_IDS.answer} label="What the hub did (the answer)" maxLength={5000} value={answer} onChange={setAnswer} error={errors?.fields.answer} />
        {options.length > 0 ? (
          <Checkboxes name={FIELD_IDS.commentIds} legend="Comments in this theme" legendSize="s" small options={options} values={commentIds} onChange={setCommentIds} error={errors?.fields.commentIds} />
        ) : null}
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={sending}>
          Add theme
        </button>
      </form>
    </>
  );
}
