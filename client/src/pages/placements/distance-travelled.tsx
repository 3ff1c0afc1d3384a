import * as Plot from "@observablehq/plot";
import { useMemo } from "react";
import { INCIDENT_KIND_LABELS, INCIDENT_KINDS, REVIEW_RISK_TRAJECTORY_LABELS } from "@shared/codes/outcomes";
import type { DistanceTravelled } from "@shared/schemas/outcome-reviews";
import { ChartFigure } from "../../components/chart-figure";
import { Table } from "../../components/table";
import { formatDate } from "../../lib/format-date";
import { outcomeName, riskLabel } from "./labels";

/** The baseline's date, then each review's, as the charts' categories and the tables' columns. */
const datesOf = (data: DistanceTravelled) => [...(data.baselineDate ? [data.baselineDate] : []), ...data.reviewDates];

const signed = (n: number) => (n > 0 ? `+${n}` : String(n));
const twoPlaces = (n: number) => (Math.round(n * 100) / 100).toString();

/** One dot or bar of a chart: the numbers its table lists, with its label as the mark's title (a tooltip; what a test reads). */
interface Point {
  series: string;
  date: string;
  value: number;
  label: string;
}

/** A line per outcome with a dot at each score and the outcome's name at its end: told apart by shape and name as well as colour. */
function linesOf(points: Point[], dates: string[]): Plot.PlotOptions {
  return {
    marginRight: 90,
    x: { type: "point", domain: dates, label: null, padding: 0.3 },
    y: { domain: [1, 5], ticks: 5, label: "Score (1 no progress, 5 fully achieved)", grid: true },
    color: { type: "categorical" },
    symbol: { type: "ordinal" },
    marks: [
      Plot.line(points, { x: "date", y: "value", stroke: "series", z: "series", ariaHidden: "true" }),
      Plot.dot(points, { x: "date", y: "value", stroke: "series", fill: "series", symbol: "series", r: 4, title: "label" }),
      Plot.text(points, Plot.selectLast({ x: "date", y: "value", z: "series", text: "series", textAnchor: "start", dx: 8, ariaHidden: "true" })),
    ],
  };
}

/** Each outcome's score at the baseline and at each submitted review. */
function OutcomeScores({ data }: { data: DistanceTravelled }) {
  const labels = datesOf(data).map(formatDate);
  const plot = useMemo(() => {
    const points: Point[] = data.outcomes.flatMap((outcome, index) => {
      const series = outcomeName(index);
      const scores = [...(data.baselineDate ? [{ reviewDate: data.baselineDate, score: outcome.baseline }] : []), ...outcome.points];
      return scores.flatMap(({ reviewDate, score }) =>
        score === null ? [] : [{ series, date: formatDate(reviewDate), value: score, label: `${series}, ${formatDate(reviewDate)}: score ${score}` }],
      );
    });
    return linesOf(points, datesOf(data).map(formatDate));
  }, [data]);
  return (
    <ChartFigure
      caption="Progress towards each outcome"
      description="Each outcome’s score from 1 (no progress) to 5 (fully achieved), at the baseline and at each review; a line going up is progress."
      plot={plot}
      table={
        <Table
          caption="Scores at the baseline and each review, with the change from the baseline"
          columns={[
            "Outcome",
            ...labels.map((text, index) => ({ text: index === 0 && data.baselineDate ? `Baseline, ${text}` : `Review, ${text}`, numeric: true })),
          ]}
          rows={data.outcomes.map((outcome, index) => ({
            key: outcome.outcomeId,
            header: `${outcomeName(index)}: ${outcome.statement}`,
            cells: [
              ...(data.baselineDate ? [outcome.baseline ?? "Not scored"] : []),
              ...outcome.points.map((p) => (p.score === null ? "Not scored" : p.change === null ? String(p.score) : `${p.score} (${signed(p.change)})`)),
            ],
          }))}
        />
      }
    />
  );
}

/** Incidents per 4 weeks between one review and the one before it. */
function IncidentRates({ data }: { data: DistanceTravelled }) {
  const plot = useMemo((): Plot.PlotOptions => {
    const bars: Point[] = data.incidentRates.flatMap((rate) =>
      INCIDENT_KINDS.map((kind) => {
        const series = INCIDENT_KIND_LABELS[kind];
        const value = rate.per4Weeks[kind];
        return { series, date: formatDate(rate.reviewDate), value, label: `${series}, ${formatDate(rate.reviewDate)}: ${twoPlaces(value)} per 4 weeks` };
      }),
    );
    // A row of bars per review, one bar per kind, each with its number: nothing overlaps however many reviews or zeros.
    // The scale runs a third past the longest bar, so its number fits inside the frame, clear of the review's date.
    const longest = Math.max(0, ...bars.map((b) => b.value));
    return {
      marginLeft: 170,
      marginRight: 130,
      height: 50 + data.incidentRates.length * 140,
      fy: { domain: data.incidentRates.map((r) => formatDate(r.reviewDate)), label: null },
      y: { domain: INCIDENT_KINDS.map((kind) => INCIDENT_KIND_LABELS[kind]), label: null },
      x: { label: "Incidents per 4 weeks", grid: true, domain: [0, longest > 0 ? longest * 1.35 : 1] },
      marks: [
        Plot.barX(bars, { fy: "date", y: "series", x: "value", fill: "#1d70b8", title: "label" }),
        Plot.text(bars, { fy: "date", y: "series", x: "value", text: (d: Point) => twoPlaces(d.value), textAnchor: "start", dx: 4, ariaHidden: "true" }),
      ],
    };
  }, [data]);
  return (
    <ChartFigure
      caption="Incidents per 4 weeks"
      description="How often each kind of incident happened between one review and the one before it, per 4 weeks; a shorter bar is fewer incidents."
      plot={plot}
      table={
        <Table
          caption="Incidents per 4 weeks since the review before"
          columns={[
            "Review",
            { text: "Weeks since the one before", numeric: true },
            ...INCIDENT_KINDS.map((kind) => ({ text: INCIDENT_KIND_LABELS[kind], numeric: true })),
            { text: "All incidents", numeric: true },
          ]}
          rows={data.incidentRates.map((rate) => ({
            key: rate.reviewDate,
            header: formatDate(rate.reviewDate),
            cells: [twoPlaces(rate.weeks), ...INCIDENT_KINDS.map((kind) => twoPlaces(rate.per4Weeks[kind])), twoPlaces(rate.total)],
          }))}
        />
      }
    />
  );
}

/** The distance travelled over a placement: outcomes, incidents and risks from the baseline to the latest review. */
export function DistanceTravelledSection({ data }: { data: DistanceTravelled }) {
  const reviews = data.reviewDates.length;
  return (
    <section aria-labelledby="distance-heading" data-testid="distance-travelled">
      <h2 className="govuk-heading-m" id="distance-heading">
        Distance travelled
      </h2>
      {!data.baselineDate ? (
        <p className="govuk-body">The distance travelled is measured from the baseline. Once a baseline is submitted it shows here.</p>
      ) : (
        <>
          <p className="govuk-body">
            {reviews === 0
              ? `Baseline submitted on ${formatDate(data.baselineDate)}; no review since.`
              : `Measured from the baseline on ${formatDate(data.baselineDate)} over ${reviews === 1 ? "1 submitted review" : `${reviews} submitted reviews`}. Drafts do not count.`}
          </p>
          {data.meanChange !== null ? (
            <p className="govuk-body">
              Mean change in outcome scores from the baseline to the latest review: <strong>{signed(Math.round(data.meanChange * 100) / 100)}</strong>
            </p>
          ) : null}
          {data.outcomes.length > 0 ? <OutcomeScores data={data} /> : <p className="govuk-body">The child’s EHC plan has no outcomes recorded.</p>}
          {data.incidentRates.length > 0 ? <IncidentRates data={data} /> : null}
          <RiskTrajectories data={data} />
        </>
      )}
    </section>
  );
}

function RiskTrajectories({ data }: { data: DistanceTravelled }) {
  const dates = datesOf(data);
  return (
    <Table
      caption="Risk trajectories"
      columns={["Risk", ...dates.map((date, index) => (index === 0 && data.baselineDate ? `Baseline, ${formatDate(date)}` : `Review, ${formatDate(date)}`))]}
      rows={data.risks.map((risk) => ({
        key: risk.code,
        header: riskLabel(risk.code),
        cells: dates.map((date) => {
          const point = risk.points.find((p) => p.reviewDate === date);
          return point ? REVIEW_RISK_TRAJECTORY_LABELS[point.trajectory] : "Not recorded";
        }),
      }))}
      empty="No risk was recorded at the baseline or any review."
    />
  );
}
