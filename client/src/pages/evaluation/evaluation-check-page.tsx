import { generatePath, useNavigate } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import type { EvaluationState, RequestView } from "@shared/schemas/placement-requests";
import { completeEvaluation } from "../../api/placement-requests";
import { Form } from "../../components/form";
import { sendOrErrors } from "../../components/form-errors";
import { QueryView } from "../../components/query-view";
import { ReadingColumn } from "../../components/reading-column";
import { SummaryCard, SummaryList } from "../../components/summary-list";
import { useFormSubmit } from "../../components/use-form-submit";
import { usePageTitle } from "../../components/use-page-title";
import { WarningText } from "../../components/warning-text";
import { activeOffers } from "../commissioner/scoring-form";
import { useEvaluation } from "./use-evaluation";

/** Check the agreed scores and reasons, then complete the evaluation: the last step, and final. */
export function EvaluationCheckPage() {
  const { id, query } = useEvaluation();
  const board = generatePath(PAGE_PATHS.commissionerRequest, { id });
  return (
    <ReadingColumn backTo={board} backText="Back to the request">
      <QueryView query={query} what="the evaluation" isEmpty={() => false}>
        {({ view, state }) => <CheckAnswers view={view} state={state} board={board} />}
      </QueryView>
    </ReadingColumn>
  );
}

function CheckAnswers({ view, state, board }: { view: RequestView; state: EvaluationState; board: string }) {
  const navigate = useNavigate();
  const form = useFormSubmit(async () =>
    sendOrErrors({}, async () => {
      await completeEvaluation(view.request.id);
      await navigate(board);
    }),
  );
  usePageTitle("Check the agreed scores before completing the evaluation", { hasErrors: Boolean(form.errors) });
  const agreed = state.moderation?.agreed ?? [];
  return (
    <>
      <h1 className="govuk-heading-l">Check the agreed scores before completing the evaluation</h1>
      {activeOffers(view).map((offer) => (
        <SummaryCard key={offer.id} title={`${offer.settingName}, ${offer.organisationName}`}>
          <SummaryList
            rows={view.request.criteria.map((c) => {
              const cell = agreed.find((a) => a.offerId === offer.id && a.criterionId === c.id);
              return {
                key: c.label,
                value: (
                  <>
                    <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">{cell?.score ?? "Not scored"}</p>
                    <p className="govuk-body govuk-!-margin-bottom-0">{cell?.reason ?? "No reason given"}</p>
                  </>
                ),
              };
            })}
          />
        </SummaryCard>
      ))}
      <SummaryList rows={[{ key: "Moderation note", value: state.moderation?.note ?? "None" }]} />
      <WarningText>You cannot change scores after you complete the evaluation</WarningText>
      <Form form={form} onSubmit={(event) => form.submit(event)} submitLabel="Complete evaluation" />
    </>
  );
}
