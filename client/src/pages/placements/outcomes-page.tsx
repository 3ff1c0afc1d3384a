import { useState } from "react";
import { useLocation, useNavigate } from "react-router";
import type { ChildProfile } from "@shared/schemas/children";
import { type ChildOutcome, ChildOutcomesInputSchema } from "@shared/schemas/outcome-reviews";
import { saveChildOutcomes, useChildOutcomes } from "../../api/outcome-reviews";
import { CharacterCount, PERSONAL_DATA_HINT } from "../../components/character-count";
import { FormErrorSummary } from "../../components/form";
import { errorsFromZod, sendOrErrors } from "../../components/form-errors";
import { QueryView } from "../../components/query-view";
import { ReadingColumn } from "../../components/reading-column";
import { SubmitButton } from "../../components/submit-or-cancel";
import { useFormSubmit } from "../../components/use-form-submit";
import { usePageTitle } from "../../components/use-page-title";
import { commissionerChildPath } from "../../lib/paths";
import { ChildProfileGate } from "../commissioner/child-profile-gate";
import { currentOutcomes } from "./placement-gate";

/** Where the editor was opened from (a placement's page), to go back to after saving. */
export interface OutcomesLinkState {
  from?: string;
}

/** The outcomes of the child's EHC plan (section E), as short pseudonymised statements each review scores. */
export function ChildOutcomesPage() {
  return <ChildProfileGate>{(child) => <OutcomesLoader child={child} />}</ChildProfileGate>;
}

function OutcomesLoader({ child }: { child: ChildProfile }) {
  const outcomes = useChildOutcomes(child.id);
  return (
    <QueryView query={outcomes} what="the outcomes of the child’s EHC plan" loading="the outcomes">
      {(list) => <OutcomesEditor child={child} outcomes={currentOutcomes(list)} />}
    </QueryView>
  );
}

interface Row {
  /** React's key: an outcome's id, or a new row's own. */
  key: string;
  id: string | undefined;
  statement: string;
}

let newRows = 0;
const newRow = (): Row => ({ key: `new-${++newRows}`, id: undefined, statement: "" });

function OutcomesEditor({ child, outcomes }: { child: ChildProfile; outcomes: ChildOutcome[] }) {
  const [rows, setRows] = useState<Row[]>(() => (outcomes.length > 0 ? outcomes.map((o) => ({ key: o.id, id: o.id, statement: o.statement })) : [newRow()]));
  const navigate = useNavigate();
  const back = (useLocation().state as OutcomesLinkState | null)?.from ?? commissionerChildPath(child.id);
  const fieldIds = Object.fromEntries(rows.map((row, index) => [`outcomes.${index}`, `outcome-${row.key}`]));
  const form = useFormSubmit(async (current: Row[]) => {
    const parsed = ChildOutcomesInputSchema.safeParse({
      outcomes: current.map((row) => (row.id ? { id: row.id, statement: row.statement } : { statement: row.statement })),
    });
    const ids = { outcomes: `outcome-${current[0]?.key ?? ""}`, ...fieldIds };
    if (!parsed.success) return errorsFromZod(ids, parsed.error);
    return sendOrErrors(ids, async () => {
      await saveChildOutcomes(child.id, parsed.data);
      await navigate(back, { state: { notice: `You saved the outcomes of ${child.reference}’s EHC plan.` } });
    });
  });
  usePageTitle("Outcomes in the EHC plan", { hasErrors: Boolean(form.errors) });
  const errorOf = (row: Row) => form.errors?.summary.find((item) => item.fieldId === `outcome-${row.key}`)?.text;
  const change = (key: string, statement: string) => setRows((current) => current.map((row) => (row.key === key ? { ...row, statement } : row)));

  return (
    <ReadingColumn backTo={back} backText="Back">
      <FormErrorSummary form={form} />
      <span className="govuk-caption-l">{child.reference}</span>
      <h1 className="govuk-heading-l">Outcomes in the EHC plan</h1>
      <p className="govuk-body">
        Write each outcome in section E of the child’s EHC plan as a short statement. Each review scores progress towards every outcome from 1 (no progress) to
        5 (fully achieved).
      </p>
      <p className="govuk-body">An outcome you remove stays with the reviews that already scored it.</p>
      <form noValidate onSubmit={(event) => void form.submit(event, rows)}>
        {rows.map((row, index) => (
          <div key={row.key} className="govuk-!-margin-bottom-6">
            <CharacterCount
              id={`outcome-${row.key}`}
              label={`Outcome ${index + 1}`}
              hint={index === 0 ? `For example, “Travels to college independently”. ${PERSONAL_DATA_HINT}` : undefined}
              maxLength={300}
              value={row.statement}
              onChange={(statement) => change(row.key, statement)}
              error={errorOf(row)}
            />
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              data-module="govuk-button"
              onClick={() => setRows((current) => current.filter((r) => r.key !== row.key))}
            >
              Remove<span className="govuk-visually-hidden"> outcome {index + 1}</span>
            </button>
          </div>
        ))}
        <div className="govuk-button-group">
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            onClick={() => setRows((current) => [...current, newRow()])}
          >
            Add another outcome
          </button>
        </div>
        <SubmitButton sending={form.sending}>Save the outcomes</SubmitButton>
      </form>
    </ReadingColumn>
  );
}
