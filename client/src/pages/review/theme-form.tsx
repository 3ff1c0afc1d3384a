import { useState, type FormEvent } from "react";
import { ReviewThemeSaveSchema, type ReviewComment } from "../../../../shared/src/schemas/review-rounds";
import { saveTheme, type ReviewTheme } from "../../api/review-rounds";
import { CharacterCount } from "../../components/character-count";
import { Checkboxes } from "../../components/checkboxes";
import { ErrorSummary } from "../../components/error-summary";
import { errorsFromApi, errorsFromZod, type FormErrors } from "../../components/form-errors";
import { TextInput } from "../../components/text-input";
import { SubmitOrCancel } from "../../components/submit-or-cancel";

type Field = "title" | "answer" | "commentIds";

interface ThemeFormProps {
  roundId: string;
  comments: ReviewComment[];
  /** The theme being changed; without it the form adds a new one. */
  theme?: ReviewTheme;
  onSaved(title: string): Promise<void>;
  onCancel?(): void;
}

/** "You said, we did": the hub names a theme, answers it, and ticks the comments it groups. */
export function ThemeForm({ roundId, comments, theme, onSaved, onCancel }: ThemeFormProps) {
  const [title, setTitle] = useState(theme?.title ?? "");
  const [answer, setAnswer] = useState(theme?.answer ?? "");
  const [commentIds, setCommentIds] = useState<string[]>(theme?.commentIds ?? []);
  const [errors, setErrors] = useState<FormErrors<Field>>();
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  // Unique on the page: an edit form can be open beside the form that adds one.
  const prefix = theme ? `theme-${theme.id}` : "theme";
  const fieldIds: Record<Field, string> = { title: `${prefix}-title`, answer: `${prefix}-answer`, commentIds: `${prefix}-comments` };

  function fail(next: FormErrors<Field>) {
    setErrors(next);
    setAttempt((n) => n + 1);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const parsed = ReviewThemeSaveSchema.safeParse({ title, answer, commentIds });
    if (!parsed.success) return fail(errorsFromZod(fieldIds, parsed.error));
    setSending(true);
    try {
      await saveTheme(roundId, parsed.data, theme?.id);
      if (!theme) {
        setTitle("");
        setAnswer("");
        setCommentIds([]);
      }
      setErrors(undefined);
      await onSaved(parsed.data.title);
    } catch (error) {
      fail(errorsFromApi(fieldIds, error));
    } finally {
      setSending(false);
    }
  }

  const options = comments.filter((c) => c.body !== null).map((c) => ({ value: c.id, label: c.body ?? "", hint: c.forumName }));
  return (
    <>
      {errors ? <ErrorSummary key={attempt} errors={errors.summary} /> : null}
      <form noValidate onSubmit={handleSubmit}>
        {theme ? null : <h3 className="govuk-heading-s">Add a theme</h3>}
        <TextInput id={fieldIds.title} label="Theme" value={title} onChange={setTitle} error={errors?.fields.title} />
        <CharacterCount id={fieldIds.answer} label="What the hub did (the answer)" maxLength={5000} value={answer} onChange={setAnswer} error={errors?.fields.answer} />
        {options.length > 0 ? (
          <Checkboxes name={fieldIds.commentIds} legend="Comments in this theme" legendSize="s" small options={options} values={commentIds} onChange={setCommentIds} error={errors?.fields.commentIds} />
        ) : null}
        <SubmitOrCancel label={theme ? "Save theme" : "Add theme"} sending={sending} onCancel={onCancel} />
      </form>
    </>
  );
}
