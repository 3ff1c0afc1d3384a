import { useCallback, useState } from "react";
import { generatePath, Link } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { type EvaluationState, type Offer, type RequestView, SCORE_REASON_MAX, type ScoreCell } from "@shared/schemas/placement-requests";
import { declareInterest, fetchEvaluation, saveModeration, startModeration } from "../../api/evaluation";
import { saveScores } from "../../api/placement-requests";
import { useApiQuery } from "../../api/use-api-query";
import { CharacterCount } from "../../components/character-count";
import { Form } from "../../components/form";
import { sendOrErrors } from "../../components/form-errors";
import { SuccessBanner } from "../../components/notification-banner";
import { QueryView } from "../../components/query-view";
import { RadioItem, Radios } from "../../components/radios";
import { Table } from "../../components/table";
import { useFormSubmit } from "../../components/use-form-submit";

const SCORE_OPTIONS = ["0", "1", "2", "3", "4", "5"].map((value) => ({ value, label: value }));

/** The grid being typed: per "offerId/criterionId", the score chosen (if any) and the reason. */
type Grid = Record<string, { score?: string; reason: string }>;
const cellKey = (offerId: string, criterionId: string) => `${offerId}/${criterionId}`;

const gridOf = (cells: readonly ScoreCell[]): Grid =>
  Object.fromEntries(
    cells.map((c) => [cellKey(c.offerId, c.criterionId), { ...(c.score === null ? {} : { score: String(c.score) }), reason: c.reason ?? "" }]),
  );

const cellsOf = (grid: Grid, offers: readonly Offer[], criteria: readonly { id: string }[]) =>
  offers.flatMap((o) =>
    criteria.flatMap((c) => {
      const cell = grid[cellKey(o.id, c.id)];
      if (!cell || (cell.score === undefined && !cell.reason.trim())) return [];
      return [{ offerId: o.id, criterionId: c.id, score: cell.score === undefined ? null : Number(cell.score), reason: cell.reason }];
    }),
  );

/** Each evaluator's cells agreeing on one score and reason: the moderator starts from them. */
function unanimous(state: EvaluationState): ScoreCell[] {
  const columns = state.evaluators.filter((e) => !e.conflict).map((e) => e.scores ?? []);
  const [first, ...rest] = columns;
  return (first ?? []).filter((cell) =>
    rest.every((col) => col.some((c) => c.offerId === cell.offerId && c.criterionId === cell.criterionId && c.score === cell.score)),
  );
}

export const activeOffers = (view: RequestView) => view.offers.filter((o) => o.status === "active");

/**
 * The council's evaluation of a closed request: each commissioner declares any conflict of
 * interest, scores on their own (a draft until moderation), then one moderates to the agreed
 * scores and goes on to the check page to complete it.
 */
export function EvaluationSection({ view }: { view: RequestView }) {
  const load = useCallback((signal: AbortSignal) => fetchEvaluation(view.request.id, signal), [view.request.id]);
  const query = useApiQuery(load);
  const [saved, setSaved] = useState<string>();
  const done = async (message: string) => {
    await query.reload();
    setSaved(message);
  };
  return (
    <section aria-labelledby="evaluation-heading">
      <h2 className="govuk-heading-m" id="evaluation-heading">
        Evaluation
      </h2>
      {saved ? <SuccessBanner title={saved} /> : null}
      <QueryView query={query} what="the evaluation" isEmpty={() => false}>
        {(state) => <EvaluationStep view={view} state={state} onSaved={(message) => void done(message)} />}
      </QueryView>
    </section>
  );
}

function EvaluationStep({ view, state, onSaved }: { view: RequestView; state: EvaluationState; onSaved(message: string): void }) {
  const mine = state.evaluators.find((e) => e.userId === state.you.userId);
  if (!state.you.declared && !state.moderation) return <DeclarationForm requestId={view.request.id} onSaved={onSaved} />;
  if (state.moderation && state.you.mayModerate) return <ModerationForm view={view} state={state} onSaved={onSaved} />;
  if (state.moderation)
    return (
      <>
        <p className="govuk-body">{state.moderation.moderatorName} is moderating the evaluation. The evaluators&apos; scores are below.</p>
        <EvaluatorsTables view={view} state={state} />
      </>
    );
  if (mine?.conflict)
    return <p className="govuk-inset-text">You declared a conflict of interest, so you do not score these offers. Another commissioner evaluates them.</p>;
  return (
    <>
      <ScoringForm view={view} cells={mine?.scores ?? []} onSaved={onSaved} />
      <StartModeration requestId={view.request.id} state={state} onSaved={onSaved} />
    </>
  );
}

function DeclarationForm({ requestId, onSaved }: { requestId: string; onSaved(message: string): void }) {
  const [conflict, setConflict] = useState<"none" | "yes">();
  const [details, setDetails] = useState("");
  const form = useFormSubmit(async () =>
    sendOrErrors({ conflict: "conflict", details: "conflict-details" }, async () => {
      await declareInterest(requestId, { conflict: conflict as "none", ...(conflict === "yes" ? { details } : {}) });
      onSaved("You declared your interests. You can now score the offers.");
    }),
  );
  return (
    <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Continue">
      <Radios
        name="conflict"
        legend="Do you have a conflict of interest with any provider that offered?"
        hint="For example, you or a close relative work for, own or advise the provider. You cannot change this answer afterwards."
        options={[
          { value: "none", label: "No" },
          { value: "yes", label: "Yes" },
        ]}
        value={conflict}
        onChange={(value) => setConflict(value as "none" | "yes")}
        error={form.errors?.fields.conflict}
      />
      {conflict === "yes" ? (
        <CharacterCount
          id="conflict-details"
          label="Details of the conflict of interest"
          hint="Another commissioner scores the offers instead of you."
          maxLength={2000}
          value={details}
          onChange={setDetails}
          error={form.errors?.fields.details}
        />
      ) : null}
    </Form>
  );
}

/** One score (0 to 5, none chosen at first) and its reason, for one offer and criterion. */
function ScoreFields({ id, label, cell, onChange }: { id: string; label: string; cell: Grid[string] | undefined; onChange(cell: Grid[string]): void }) {
  const current = cell ?? { reason: "" };
  return (
    <div className="govuk-form-group">
      <fieldset className="govuk-fieldset">
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{label}</legend>
        <div className="govuk-radios govuk-radios--small govuk-radios--inline">
          {SCORE_OPTIONS.map((option) => (
            <RadioItem
              key={option.value}
              id={`${id}-score-${option.value}`}
              name={`${id}-score`}
              option={option}
              checked={current.score === option.value}
              onChoose={() => onChange({ ...current, score: option.value })}
            />
          ))}
        </div>
      </fieldset>
      <CharacterCount
        id={`${id}-reason`}
        label={`Reason for the score: ${label}`}
        maxLength={SCORE_REASON_MAX}
        value={current.reason}
        onChange={(reason) => onChange({ ...current, reason })}
      />
    </div>
  );
}

/** Every active offer against every criterion, for one person's grid (own scores, or the agreed ones). */
function GridFields({ view, grid, setGrid, prefix }: { view: RequestView; grid: Grid; setGrid(update: (grid: Grid) => Grid): void; prefix: string }) {
  return activeOffers(view).map((offer, index) => (
    <fieldset key={offer.id} className="govuk-fieldset govuk-!-margin-bottom-6">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">{`${offer.settingName}, ${offer.organisationName}`}</legend>
      {view.request.criteria.map((c) => (
        <ScoreFields
          key={c.id}
          id={`${prefix}-${index + 1}-${c.id}`}
          label={c.label}
          cell={grid[cellKey(offer.id, c.id)]}
          onChange={(cell) => setGrid((current) => ({ ...current, [cellKey(offer.id, c.id)]: cell }))}
        />
      ))}
    </fieldset>
  ));
}

function ScoringForm({ view, cells, onSaved }: { view: RequestView; cells: ScoreCell[]; onSaved(message: string): void }) {
  const [grid, setGrid] = useState<Grid>(() => gridOf(cells));
  const form = useFormSubmit(async () =>
    sendOrErrors({}, async () => {
      await saveScores(view.request.id, cellsOf(grid, activeOffers(view), view.request.criteria));
      onSaved("Your draft scores were saved. Other evaluators do not see them until moderation starts.");
    }),
  );
  return (
    <>
      <h3 className="govuk-heading-m">Your scores</h3>
      <p className="govuk-body">
        Score each offer against each criterion from 0 (does not meet it) to 5 (meets it in full), and give the reason for each score: the provider is shown the
        agreed reasons for its own offer with the outcome. You can save a draft and come back.
      </p>
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Save draft" secondary>
        <GridFields view={view} grid={grid} setGrid={setGrid} prefix="score" />
      </Form>
    </>
  );
}

function StartModeration({ requestId, state, onSaved }: { requestId: string; state: EvaluationState; onSaved(message: string): void }) {
  const form = useFormSubmit(async () =>
    sendOrErrors({}, async () => {
      await startModeration(requestId);
      onSaved("You started moderation. Every evaluator's scores are shown side by side.");
    }),
  );
  const scorers = state.evaluators.filter((e) => !e.conflict);
  return (
    <>
      <h3 className="govuk-heading-m">Moderation</h3>
      <p className="govuk-body">
        {scorers.length === 1 ? "1 evaluator has" : `${scorers.length} evaluators have`} declared no conflict of interest. When every one of them has scored
        every offer with reasons, one of you starts moderation: the scores are then fixed and you agree a score and reason for each.
      </p>
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Start moderation" secondary />
    </>
  );
}

const scoreText = (cell: ScoreCell | undefined) => (cell?.score === null || cell?.score === undefined ? "Not scored" : String(cell.score));

/** Each offer's table: a row per criterion, a column per evaluator (score and reason). */
export function EvaluatorsTables({ view, state }: { view: RequestView; state: EvaluationState }) {
  const scorers = state.evaluators.filter((e) => !e.conflict);
  return activeOffers(view).map((offer) => (
    <Table
      key={offer.id}
      caption={`${offer.settingName}, ${offer.organisationName}: evaluators' scores`}
      captionSize="m"
      columns={["Criterion", ...scorers.map((e) => e.name)]}
      rows={view.request.criteria.map((c) => ({
        key: c.id,
        header: c.label,
        cells: scorers.map((e) => {
          const cell = e.scores?.find((s) => s.offerId === offer.id && s.criterionId === c.id);
          return (
            <>
              <strong>{scoreText(cell)}</strong>
              {cell?.reason ? <p className="govuk-body-s govuk-!-margin-bottom-0">{cell.reason}</p> : null}
            </>
          );
        }),
      }))}
    />
  ));
}

function ModerationForm({ view, state, onSaved }: { view: RequestView; state: EvaluationState; onSaved(message: string): void }) {
  const moderation = state.moderation!;
  const [grid, setGrid] = useState<Grid>(() => gridOf(moderation.agreed.length > 0 ? moderation.agreed : unanimous(state)));
  const [note, setNote] = useState(moderation.note ?? "");
  const form = useFormSubmit(async () =>
    sendOrErrors({ note: "moderation-note" }, async () => {
      await saveModeration(view.request.id, { scores: cellsOf(grid, activeOffers(view), view.request.criteria), note });
      onSaved("The agreed scores were saved.");
    }),
  );
  return (
    <>
      <p className="govuk-body">
        You are moderating. Compare the evaluators&apos; scores, then record the agreed score and reason for each offer and criterion.
      </p>
      <EvaluatorsTables view={view} state={state} />
      <h3 className="govuk-heading-m">Agreed scores</h3>
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Save agreed scores" secondary>
        <GridFields view={view} grid={grid} setGrid={setGrid} prefix="agreed" />
        <CharacterCount
          id="moderation-note"
          label="Moderation note"
          hint="How the evaluators' scores were agreed. Needed when more than one evaluator scored."
          maxLength={4000}
          value={note}
          onChange={setNote}
          error={form.errors?.fields.note}
        />
      </Form>
      <p className="govuk-body">
        <Link className="govuk-button" to={generatePath(PAGE_PATHS.commissionerEvaluationCheck, { id: view.request.id })}>
          Check and complete the evaluation
        </Link>
      </p>
    </>
  );
}

/** The way to the evaluation report (every evaluator's scores, the moderation), once the evaluation is complete. */
export function EvaluationReportLink({ requestId }: { requestId: string }) {
  return (
    <p className="govuk-body">
      <Link className="govuk-link" to={generatePath(PAGE_PATHS.commissionerEvaluationReport, { id: requestId })}>
        Evaluation report
      </Link>
    </p>
  );
}
