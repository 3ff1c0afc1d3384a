import { useState } from "react";
import { type Criterion, RequestAmendSchema, type RequestView } from "@shared/schemas/placement-requests";
import { amendPlacementRequest } from "../../api/placement-requests";
import { CharacterCount } from "../../components/character-count";
import { DateTimeInput, type DateTimeParts, EMPTY_DATE_TIME, momentFromLondon } from "../../components/date-time-input";
import { Details } from "../../components/details";
import { Form } from "../../components/form";
import { collectErrors, sendOrErrors } from "../../components/form-errors";
import { TextInput } from "../../components/text-input";
import { useFormSubmit } from "../../components/use-form-submit";

interface AmendState {
  deadline: DateTimeParts;
  questionsCloseAt: DateTimeParts;
  /** Each criterion's wording by position, starting as it reads now. */
  criteria: string[];
  note: string;
  reason: string;
}
const emptyState = (criteria: readonly Criterion[]): AmendState => ({
  deadline: EMPTY_DATE_TIME,
  questionsCloseAt: EMPTY_DATE_TIME,
  criteria: criteria.map((c) => c.label),
  note: "",
  reason: "",
});
const criterionId = (index: number) => `amend-criterion-${index}`;
/** "criteria" alone (the server's "keep the same criteria") is shown on the first box. */
const fieldIds = (criteria: readonly Criterion[]) => ({
  deadline: "amend-deadline",
  questionsCloseAt: "amend-questions-close",
  criteria: criterionId(0),
  ...Object.fromEntries(criteria.map((_, i) => [`criteria.${i}`, criterionId(i)])),
  note: "amend-note",
  reason: "amend-reason",
});
const typed = (parts: DateTimeParts) => Object.values(parts).some((v) => v.trim() !== "");
const DATE_PROBLEM = "Enter a real date and a time on the 24-hour clock, like 27 3 2026 and 14 30";

/** The body to send, checked with the API's schema; a date left empty is not changed. */
function check(state: AmendState, criteria: readonly Criterion[]) {
  const deadline = typed(state.deadline) ? momentFromLondon(state.deadline) : undefined;
  const questionsCloseAt = typed(state.questionsCloseAt) ? momentFromLondon(state.questionsCloseAt) : undefined;
  // Criteria are sent only when one is reworded: offers answer each by id, so ids and order stay.
  const reworded = criteria.some((c, i) => state.criteria[i] !== c.label);
  const body = {
    ...(deadline ? { deadline } : {}),
    ...(reworded ? { criteria: criteria.map((c, i) => ({ id: c.id, label: state.criteria[i] ?? c.label })) } : {}),
    ...(questionsCloseAt ? { questionsCloseAt } : {}),
    ...(state.note.trim() ? { note: state.note } : {}),
    reason: state.reason,
  };
  const parsed = RequestAmendSchema.safeParse(body);
  const issues = [
    ...(typed(state.deadline) && !deadline ? [{ field: "deadline", message: DATE_PROBLEM }] : []),
    ...(typed(state.questionsCloseAt) && !questionsCloseAt ? [{ field: "questionsCloseAt", message: DATE_PROBLEM }] : []),
    ...(parsed.success ? [] : parsed.error.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message }))),
  ];
  return issues.length ? { problems: collectErrors(fieldIds(criteria), issues) } : { body };
}

/**
 * Amending an open request: a later deadline, when questions close, clearer wording of its
 * criteria, or a note, with the reason every invited provider reads. Each is numbered and shown on
 * their pages at once.
 */
export function AmendRequestForm({
  requestId,
  criteria,
  onAmended,
}: {
  requestId: string;
  criteria: readonly Criterion[];
  onAmended(view: RequestView): void;
}) {
  const [state, setState] = useState(() => emptyState(criteria));
  const change = (patch: Partial<AmendState>) => setState((s) => ({ ...s, ...patch }));
  const ids = fieldIds(criteria);
  const submission = useFormSubmit(async (current: AmendState) => {
    const checked = check(current, criteria);
    if ("problems" in checked) return checked.problems;
    return sendOrErrors(
      ids,
      async () => {
        const view = await amendPlacementRequest(requestId, checked.body);
        onAmended(view);
        setState(emptyState(view.request.criteria));
      },
      "deadline",
    );
  });
  const fields: Partial<Record<string, string>> = submission.errors?.fields ?? {};
  return (
    <Details summary="Amend this request">
      <Form form={submission} onSubmit={(event) => submission.submit(event, state)} submitLabel="Amend the request" secondary>
        <DateTimeInput
          id={ids.deadline}
          legend="New deadline (optional)"
          hint="UK time, 24-hour clock. A deadline can only be extended. Leave empty to keep it."
          value={state.deadline}
          onChange={(deadline) => change({ deadline })}
          error={fields.deadline}
        />
        <DateTimeInput
          id={ids.questionsCloseAt}
          legend="When questions close (optional)"
          hint="Before the deadline. Leave empty to keep it."
          value={state.questionsCloseAt}
          onChange={(questionsCloseAt) => change({ questionsCloseAt })}
          error={fields.questionsCloseAt}
        />
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset" aria-describedby="amend-criteria-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Criteria wording (optional)</legend>
            <div id="amend-criteria-hint" className="govuk-hint">
              Word a criterion more clearly. You cannot add or remove criteria: offers already answer each one.
            </div>
            {criteria.map((c, i) => (
              <TextInput
                key={c.id}
                id={criterionId(i)}
                label={`Criterion ${i + 1}`}
                value={state.criteria[i] ?? ""}
                onChange={(label) => setState((s) => ({ ...s, criteria: s.criteria.map((old, j) => (j === i ? label : old)) }))}
                error={fields[`criteria.${i}`] ?? (i === 0 ? fields.criteria : undefined)}
              />
            ))}
          </fieldset>
        </div>
        <CharacterCount
          id={ids.note}
          label="Note for invited providers (optional)"
          hint="For example, a clearer description of what the child needs."
          maxLength={2000}
          value={state.note}
          onChange={(note) => change({ note })}
          error={fields.note}
        />
        <CharacterCount
          id={ids.reason}
          label="Why are you amending the request?"
          hint="Every invited provider reads this with the amendment."
          maxLength={1000}
          value={state.reason}
          onChange={(reason) => change({ reason })}
          error={fields.reason}
        />
      </Form>
    </Details>
  );
}
