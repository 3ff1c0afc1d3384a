import { INCIDENT_KIND_LABELS, INCIDENT_KINDS } from "@shared/codes/outcomes";
import type { ChildOutcome } from "@shared/schemas/outcome-reviews";
import { CharacterCount, PERSONAL_DATA_HINT } from "../../components/character-count";
import type { FormErrors } from "../../components/form-errors";
import { RadioGrid } from "../../components/radio-grid";
import { Radios } from "../../components/radios";
import { TextInput } from "../../components/text-input";
import { RISKS_TO_CHILD, RISKS_TO_OTHERS, SCORE_OPTIONS, STABILITY_OPTIONS, TRAJECTORY_OPTIONS } from "./labels";
import type { MeasuresState } from "./review-form-state";

/** The id of an outcome's first radio, which the error summary links to. */
const scoreFieldId = (prefix: string, outcomeId: string) => `${prefix}-score-${outcomeId}`;

/**
 * Where each field the API names is on the page: `scores.N` is the Nth score sent, so the map is
 * made for each attempt from what was sent.
 */
export function measureFieldIds(prefix: string, outcomes: readonly OutcomeRef[], sent: readonly { outcomeId: string }[]): Record<string, string> {
  const ids: Record<string, string> = {
    scores: outcomes[0] ? scoreFieldId(prefix, outcomes[0].id) : `${prefix}-scores`,
    attendancePercent: `${prefix}-attendance`,
    incidents: `${prefix}-incidents-${INCIDENT_KINDS[0]}`,
    risks: `${prefix}-risks-${RISKS_TO_CHILD[0]?.key ?? ""}`,
    stability: `${prefix}-stability`,
    notes: `${prefix}-notes`,
  };
  for (const kind of INCIDENT_KINDS) ids[`incidents.${kind}`] = `${prefix}-incidents-${kind}`;
  sent.forEach((score, index) => (ids[`scores.${index}`] = scoreFieldId(prefix, score.outcomeId)));
  for (const outcome of outcomes) ids[`scores.${outcome.id}`] = scoreFieldId(prefix, outcome.id);
  return ids;
}

const SUBMIT_FIELDS = ["scores", "stability", "attendancePercent", "incidents"] as const;

/**
 * The council's review form: every field the browser's check or the server can name. `sent` is
 * the scores as sent (their order gives `scores.N`).
 */
export function reviewFieldIds(outcomes: readonly OutcomeRef[], state: Pick<MeasuresState, "scores">, sent: unknown): Record<string, string> {
  const ids: Record<string, string> = {
    reviewDate: "review-date",
    ...measureFieldIds("review", outcomes, Array.isArray(sent) ? (sent as { outcomeId: string }[]) : []),
    childView: "review-child-view",
    familyView: "review-family-view",
  };
  // "Score every outcome" links to the first outcome left unscored.
  const unscored = outcomes.find((o) => !state.scores[o.id]);
  if (unscored) ids.scores = scoreFieldId("review", unscored.id);
  // The server names what a submit still lacks as "review.<field>".
  for (const field of SUBMIT_FIELDS) ids[`review.${field}`] = ids[field] ?? "";
  return ids;
}

/** A field's message by the id the summary links to: one message per field, as in the summary. */
export function errorsById(errors: FormErrors<string> | undefined): (fieldId: string) => string | undefined {
  const byId = new Map<string, string>();
  for (const item of errors?.summary ?? []) if (item.fieldId && !byId.has(item.fieldId)) byId.set(item.fieldId, item.text);
  return (fieldId) => byId.get(fieldId);
}

/** An outcome as a form scores it: the council reads the plan, the provider the distance travelled. */
export type OutcomeRef = Pick<ChildOutcome, "id" | "statement">;

interface MeasureFieldsProps {
  /** Prefix of every field's id, unique on the page. */
  prefix: string;
  outcomes: readonly OutcomeRef[];
  state: MeasuresState;
  update(change: Partial<MeasuresState>): void;
  showAttendance: boolean;
  incidentsLegend: string;
  errorAt(fieldId: string): string | undefined;
  /** 2 on the review's own page; 4 inside a review's card. */
  headingLevel?: 2 | 4;
}

/** What a review measures, the same for the council's review and the provider's view of it. */
export function MeasureFields({ prefix, outcomes, state, update, showAttendance, incidentsLegend, errorAt, headingLevel = 2 }: MeasureFieldsProps) {
  const Heading = headingLevel === 2 ? "h2" : "h4";
  const setRisk = (code: string, trajectory: string) => update({ risks: { ...state.risks, [code]: trajectory } });
  return (
    <>
      <Heading className="govuk-heading-m">Progress towards each outcome</Heading>
      {outcomes.length === 0 ? <p className="govuk-body">The child’s EHC plan has no outcomes recorded yet.</p> : null}
      {outcomes.map((outcome) => {
        const id = scoreFieldId(prefix, outcome.id);
        return (
          <Radios
            key={outcome.id}
            name={id}
            legend={outcome.statement}
            options={SCORE_OPTIONS}
            value={state.scores[outcome.id]}
            onChange={(score) => update({ scores: { ...state.scores, [outcome.id]: score } })}
            error={errorAt(id)}
          />
        );
      })}
      {showAttendance ? (
        <TextInput
          id={`${prefix}-attendance`}
          label="Attendance (% of sessions)"
          labelSize="m"
          hint="A whole number from 0 to 100"
          inputMode="numeric"
          widthClass="govuk-input--width-3"
          value={state.attendance}
          onChange={(attendance) => update({ attendance })}
          error={errorAt(`${prefix}-attendance`)}
        />
      ) : null}
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{incidentsLegend}</legend>
          <div className="govuk-hint">Enter 0 where there were none.</div>
          {INCIDENT_KINDS.map((kind) => (
            <TextInput
              key={kind}
              id={`${prefix}-incidents-${kind}`}
              label={INCIDENT_KIND_LABELS[kind]}
              inputMode="numeric"
              widthClass="govuk-input--width-4"
              value={state.incidents[kind]}
              onChange={(count) => update({ incidents: { ...state.incidents, [kind]: count } })}
              error={errorAt(`${prefix}-incidents-${kind}`)}
            />
          ))}
        </fieldset>
      </div>
      <RadioGrid
        id={`${prefix}-risks`}
        legend="Risks to the child now"
        hint="Each Placements Data Standard risk: none (no longer present), historic, current or escalating."
        rows={RISKS_TO_CHILD}
        options={TRAJECTORY_OPTIONS}
        values={state.risks}
        onChange={setRisk}
        error={errorAt(`${prefix}-risks-${RISKS_TO_CHILD[0]?.key ?? ""}`)}
      />
      <RadioGrid
        id={`${prefix}-risks-others`}
        legend="Risks to others or property now"
        rows={RISKS_TO_OTHERS}
        options={TRAJECTORY_OPTIONS}
        values={state.risks}
        onChange={setRisk}
      />
      <Radios
        name={`${prefix}-stability`}
        legend="Placement stability"
        options={STABILITY_OPTIONS}
        value={state.stability}
        onChange={(stability) => update({ stability })}
        error={errorAt(`${prefix}-stability`)}
      />
      <CharacterCount
        id={`${prefix}-notes`}
        label="Notes (optional)"
        hint={PERSONAL_DATA_HINT}
        maxLength={2000}
        value={state.notes}
        onChange={(notes) => update({ notes })}
        error={errorAt(`${prefix}-notes`)}
      />
    </>
  );
}
