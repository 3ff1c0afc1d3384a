import "./evaluation-report.css";
import { generatePath, Link } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import type { EvaluationState, RequestView } from "@shared/schemas/placement-requests";
import { evaluationReportCsvUrl } from "../../api/evaluation";
import { QueryView } from "../../components/query-view";
import { SummaryList } from "../../components/summary-list";
import { Table } from "../../components/table";
import { usePageTitle } from "../../components/use-page-title";
import { formatDateTime } from "../../lib/format-date";
import { activeOffers, EvaluatorsTables } from "../commissioner/scoring-form";
import { useEvaluation } from "./use-evaluation";

/**
 * The evaluation report for sign-off: every evaluator's scores and reasons, their declarations,
 * the agreed scores with the moderation note, price scores, totals and ranks, who and when.
 * Printed, it leaves out the header, navigation and buttons (evaluation-report.css).
 */
export function EvaluationReportPage() {
  const { id, query } = useEvaluation();
  usePageTitle("Evaluation report");
  return (
    <div className="app-evaluation-report">
      <Link className="govuk-back-link app-no-print" to={generatePath(PAGE_PATHS.commissionerRequest, { id })}>
        Back to the request
      </Link>
      <QueryView query={query} what="the evaluation report" isEmpty={() => false}>
        {({ view, state }) => <Report view={view} state={state} />}
      </QueryView>
    </div>
  );
}

function Report({ view, state }: { view: RequestView; state: EvaluationState }) {
  const { request } = view;
  const agreed = state.moderation?.agreed ?? [];
  const names = (offerId: string) => {
    const offer = view.offers.find((o) => o.id === offerId);
    return offer ? `${offer.settingName}, ${offer.organisationName}` : "";
  };
  return (
    <>
      <span className="govuk-caption-l">Placement request for {request.childReference ?? "a child"}</span>
      <h1 className="govuk-heading-l">Evaluation report</h1>
      <SummaryList
        rows={[
          { key: "Council", value: request.councilName },
          { key: "Weights", value: `Quality ${request.weights.quality}%, price ${request.weights.price}%` },
          { key: "Moderated by", value: state.moderation?.moderatorName ?? "Not moderated yet" },
          { key: "Completed", value: state.completedAt ? formatDateTime(state.completedAt) : "Not completed yet" },
        ]}
      />
      <p className="govuk-body app-no-print">
        <a className="govuk-link" href={evaluationReportCsvUrl(request.id)} download>
          Download the report as CSV
        </a>
      </p>

      <h2 className="govuk-heading-m">Declarations of interest</h2>
      <Table
        caption="Declarations of interest"
        captionSize="hidden"
        columns={["Evaluator", "Conflict of interest", "Details", "Declared"]}
        rows={state.evaluators.map((e) => ({
          key: e.userId,
          header: e.name,
          cells: [e.conflict ? "Yes" : "No", e.details ?? "", formatDateTime(e.declaredAt)],
        }))}
        empty="Nobody has declared yet."
      />

      <h2 className="govuk-heading-m">Evaluators&apos; scores</h2>
      <EvaluatorsTables view={view} state={state} />

      <h2 className="govuk-heading-m">Agreed scores</h2>
      {activeOffers(view).map((offer) => (
        <Table
          key={offer.id}
          caption={`${offer.settingName}, ${offer.organisationName}: agreed scores`}
          columns={["Criterion", { text: "Score", numeric: true }, "Reason"]}
          rows={request.criteria.map((c) => {
            const cell = agreed.find((a) => a.offerId === offer.id && a.criterionId === c.id);
            return { key: c.id, header: c.label, cells: [{ content: cell?.score ?? "", numeric: true }, cell?.reason ?? ""] };
          })}
        />
      ))}
      <SummaryList rows={[{ key: "Moderation note", value: state.moderation?.note ?? "None" }]} />

      <h2 className="govuk-heading-m">Totals and ranks</h2>
      <Table
        caption="Totals and ranks"
        captionSize="hidden"
        columns={[
          "Offer",
          { text: "Weekly fee", numeric: true },
          { text: "Quality", numeric: true },
          { text: "Price", numeric: true },
          { text: "Total", numeric: true },
          { text: "Rank", numeric: true },
        ]}
        rows={view.evaluation.map((row) => ({
          key: row.offerId,
          header: names(row.offerId),
          cells: [
            { content: `£${(row.weeklyFeePence / 100).toFixed(2)}`, numeric: true },
            { content: row.qualityScore, numeric: true },
            { content: row.priceScore ?? "", numeric: true },
            { content: row.total ?? "", numeric: true },
            { content: row.rank, numeric: true },
          ],
        }))}
        empty="Totals and ranks are worked out when the evaluation is completed."
      />
    </>
  );
}
