import { useState } from "react";
import { RequestAmendSchema, type RequestView } from "@shared/schemas/placement-requests";
import { amendPlacementRequest } from "../../api/placement-requests";
import { CharacterCount } from "../../components/character-count";
import { DateTimeInput, type DateTimeParts, EMPTY_DATE_TIME, momentFromLondon } from "../../components/date-time-input";
import { Details } from "../../components/details";
import { Form } from "../../components/form";
import { collectErrors, sendOrErrors } from "../../components/form-errors";
import { useFormSubmit } from "../../components/use-form-submit";

interface AmendState {
  deadline: DateTimeParts;
  questionsCloseAt: DateTimeParts;
  note: string;
  reason: string;
}
const EMPTY: AmendState = { deadline: EMPTY_DATE_TIME, questionsCloseAt: EMPTY_DATE_TIME, note: "", reason: "" };
const FIELD_IDS = { deadline: "amend-deadline", questionsCloseAt: "amend-questions-close", note: "amend-note", reason: "amend-reason" };
const typed = (parts: DateTimeParts) => Object.values(parts).some((v) => v.trim() !== "");
const DATE_PROBLEM = "Enter a real date and a time on the 24-hour clock, like 27 3 2026 and 14 30";

/** The body to send, checked with the API's schema; a date left empty is not changed. */
function check(state: AmendState) {
  const deadline = typed(state.deadline) ? momentFromLondon(state.deadline) : undefined;
  const questionsCloseAt = typed(state.questionsCloseAt) ? momentFromLondon(state.questionsCloseAt) : undefined;
  const body = {
    ...(deadline ? { deadline } : {}),
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
  return issues.length ? { problems: collectErrors(FIELD_IDS, issues) } : { body };
}

/**
 * Amending an open request: a later deadline, when questions close, or a note, with the reason
 * every invited provider reads. Each is numbered and shown on their pages at once.
 */
export function AmendRequestForm({ requestId, onAmended }: { requestId: string; onAmended(view: RequestView): void }) {
  const [state, setState] = useState(EMPTY);
  const change = (patch: Partial<AmendState>) => setState((s) => ({ ...s, ...patch }));
  const submission = useFormSubmit(async (current: AmendState) => {
    const checked = check(current);
    if ("problems" in checked) return checked.problems;
    return sendOrErrors(
      FIELD_IDS,
      async () => {
        onAmended(await amendPlacementRequest(requestId, checked.body));
        setState(EMPTY);
      },
      "deadline",
    );
  });
  const fields = submission.errors?.fields ?? {};
  return (
    <Details summary="Amend this request">
      <Form form={submission} onSubmit={(event) => submission.submit(event, state)} submitLabel="Amend the request" secondary>
        <DateTimeInput
          id={FIELD_IDS.deadline}
          legend="New deadline (optional)"
          hint="UK time, 24-hour clock. A deadline can only be extended. Leave empty to keep it."
          value={state.deadline}
          onChange={(deadline) => change({ deadline })}
          error={fields.deadline}
        />
        <DateTimeInput
          id={FIELD_IDS.questionsCloseAt}
          legend="When questions close (optional)"
          hint="Before the deadline. Leave empty to keep it."
          value={state.questionsCloseAt}
          onChange={(questionsCloseAt) => change({ questionsCloseAt })}
          error={fields.questionsCloseAt}
        />
        <CharacterCount
          id={FIELD_IDS.note}
          label="Note for invited providers (optional)"
          hint="For example, a clearer description of what the child needs."
          maxLength={2000}
          value={state.note}
          onChange={(note) => change({ note })}
          error={fields.note}
        />
        <CharacterCount
          id={FIELD_IDS.reason}
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
