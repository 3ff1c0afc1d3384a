import { PAGE_PATHS } from "@shared/page-paths";
import type { RequestView } from "@shared/schemas/placement-requests";
import { SummaryList } from "../../components/summary-list";
import { formatDateTime } from "../../lib/format-date";
import type { RequestLive } from "../../realtime/use-request-live";
import { AmendmentsList } from "../requests/amendments-list";
import { ClarificationsList } from "../requests/clarifications-list";
import { LiveRequestGate } from "../requests/live-request-gate";
import { RequestHeader, useRequestNotice } from "../requests/request-header";
import { requestTermsRows } from "../requests/request-labels";
import { AmendRequestForm } from "./amend-request-form";
import { CancelRequestForm } from "./cancel-request-form";
import { ClarificationAnswerForm } from "./clarification-answer-form";
import { InvitationsTable } from "./invitations-table";
import { OffersSection, RequestBoardStage } from "./request-board-stage";

const CANCELLABLE = new Set(["draft", "open", "closed", "evaluated", "price_round"]);

/** The council's live board for one placement request. */
export function RequestBoardPage() {
  return <LiveRequestGate>{(view, live) => <Board view={view} live={live} />}</LiveRequestGate>;
}

function Board({ view, live }: { view: RequestView; live: RequestLive }) {
  const { request } = view;
  const { notice, changed } = useRequestNotice(live);

  return (
    <>
      <RequestHeader
        view={view}
        live={live}
        title={`Placement request for ${request.childReference ?? "a child"}`}
        backTo={PAGE_PATHS.commissionerRequests}
        notice={notice}
      />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <SummaryList
            rows={[
              { key: "Deadline", value: formatDateTime(request.deadline) },
              { key: "Questions close", value: formatDateTime(request.questionsCloseAt) },
              ...requestTermsRows(request),
            ]}
          />
          <AmendmentsList amendments={view.amendments} />
          {request.state === "open" ? (
            <AmendRequestForm
              // A live amendment that rewords the criteria starts the form again from the new wording.
              key={request.criteria.map((c) => c.label).join("\n")}
              requestId={request.id}
              criteria={request.criteria}
              onAmended={(next) => changed(next, "You amended the request. Every invited provider has been told.")}
            />
          ) : null}
        </div>
      </div>
      <InvitationsTable invitations={view.invitations} />
      <OffersSection view={view} />
      <RequestBoardStage view={view} onChanged={changed} resync={live.resync} />
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <ClarificationsList
            clarifications={view.clarifications}
            answerSlot={(c) => <ClarificationAnswerForm requestId={request.id} clarification={c} onAnswered={() => live.resync()} />}
          />
          {CANCELLABLE.has(request.state) ? (
            <CancelRequestForm
              requestId={request.id}
              onCancelled={(next) => changed(next, "You cancelled the request. Every invited provider has been told.")}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
