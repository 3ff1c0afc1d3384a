import { useState } from "react";
import { type ReviewComment, ReviewThemeSaveSchema } from "@shared/schemas/review-rounds";
import { type ReviewTheme, saveTheme } from "../../api/review-rounds";
import { CharacterCount } from "../../components/character-count";
import { Checkboxes } from "../../components/checkboxes";
import { Form } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";

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
  // Unique on the page: an edit form can be open beside the form that adds one.
  const prefix = theme ? `theme-${theme.id}` : "theme";
  const fieldIds: Record<Field, string> = { title: `${prefix}-title`, answer: `${prefix}-answer`, commentIds: `${prefix}-comments` };
  const form = useFormSubmit(async () => {
    const parsed = ReviewThemeSaveSchema.safeParse({ title, answer, commentIds });
    if (!parsed.success) return errorsFromZod(fieldIds, parsed.error);
    return sendOrErrors(fieldIds, async () => {
      await saveTheme(roundId, parsed.data, theme?.id);
      if (!theme) {
        setTitle("");
        setAnswer("");
        setCommentIds([]);
      }
      await onSaved(parsed.data.title);
    });
  });
  const fields = form.errors?.fields;

  const options = comments.filter((c) => c.body !== null).map((c) => ({ value: c.id, label: c.body ?? "", hint: c.forumName }));
  return (
    <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel={theme ? "Save theme" : "Add theme"} onCancel={onCancel}>
      {theme ? null : <h3 className="govuk-heading-s">Add a theme</h3>}
      <TextInput id={fieldIds.title} label="Theme" value={title} onChange={setTitle} error={fields?.title} />
      <CharacterCount id={fieldIds.answer} label="What the hub did (the answer)" maxLength={5000} value={answer} onChange={setAnswer} error={fields?.answer} />
      {options.length > 0 ? (
        <Checkboxes
          name={fieldIds.commentIds}
          legend="Comments in this theme"
          legendSize="s"
          small
          options={options}
          values={commentIds}
          onChange={setCommentIds}
          error={fields?.commentIds}
        />
      ) : null}
    </Form>
  );
}
