import { PAGE_PATHS } from "@shared/page-paths";
import { ClarificationAskSchema, type RequestView } from "@shared/schemas/placement-requests";
import { askClarification } from "../../api/placement-requests";
import { SummaryList } from "../../components/summary-list";
import { TextForm } from "../../components/text-form";
import { formatDateTime } from "../../lib/format-date";
import type { RequestLive } from "../../realtime/use-request-live";
import { AmendmentsList } from "../requests/amendments-list";
import { ClarificationsList } from "../requests/clarifications-list";
import { LiveRequestGate } from "../requests/live-request-gate";
import { RequestHeader, useRequestNotice } from "../requests/request-header";
import { requestTermsRows } from "../requests/request-labels";
import { AnonymisedChildSummary } from "./anonymised-child";
import { InvitationResponse } from "./invitation-response";
import { RequestOutcome } from "./request-outcome";

/** An invited provider's page for one request: the child, the deadline, its offer or decline, questions, the outcome. */
export function ProviderRequestPage() {
  return <LiveRequestGate>{(view, live) => <ProviderRequest view={view} live={live} />}</LiveRequestGate>;
}

/**
 * Said aloud when it changes, after the state's tag: the request closing, the award. Nothing
 * where the tag says it all ("Open for offers", "Cancelled"), so nothing is said twice.
 */
function stateLine(view: RequestView): string | undefined {
  const { request, award } = view;
  if (award && !award.confirmedAt)
    return award.yours ? "The council intends to award the placement to your offer." : "The council intends to award the placement to another provider.";
  if (award) return award.yours ? "You were awarded the placement." : "The placement was awarded to another provider.";
  if (request.state === "cancelled" || request.state === "open" || request.state === "price_round") return undefined;
  return "Closed: the council is evaluating the offers.";
}

function ProviderRequest({ view, live }: { view: RequestView; live: RequestLive }) {
  const { request } = view;
  const { notice, setNotice, changed } = useRequestNotice(live);
  // By the server's clock, as the countdown; the server refuses a late question whatever this says.
  const questionsClosed = Date.parse(view.serverTime) >= Date.parse(request.questionsCloseAt);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <RequestHeader
          view={view}
          live={live}
          title={`Placement request from ${request.councilName}`}
          backTo={PAGE_PATHS.providerRequests}
          notice={notice}
          status={stateLine(view)}
        />
        <RequestOutcome view={view} />
        <AnonymisedChildSummary child={view.child} />
        <h2 className="govuk-heading-m">How offers are judged</h2>
        <AmendmentsList amendments={view.amendments} />
        <SummaryList
          rows={[
            { key: "Deadline", value: formatDateTime(request.deadline) },
            { key: "Questions close", value: formatDateTime(request.questionsCloseAt) },
            ...requestTermsRows(request),
          ]}
        />
        {view.invitations.map((invitation, index) => (
          <InvitationResponse key={invitation.settingId} view={view} invitation={invitation} prefix={`offer-${index + 1}`} live={live} onChanged={changed} />
        ))}
        <ClarificationsList clarifications={view.clarifications}>
          {request.state === "open" && !questionsClosed ? (
            <TextForm
              id="clarification-question"
              field="question"
              schema={ClarificationAskSchema}
              label="Ask the council a question"
              hint="Only the council sees who asked. If it answers everyone, your question is shown without your name."
              maxLength={2000}
              submitLabel="Send question"
              send={async ({ question }) => {
                await askClarification(request.id, question);
                live.resync();
                setNotice("You sent your question to the council.");
              }}
            />
          ) : null}
          {request.state === "open" && questionsClosed ? (
            <p className="govuk-body">
              Questions closed at {formatDateTime(request.questionsCloseAt)}. Make your offer on what the request and its answers say.
            </p>
          ) : null}
        </ClarificationsList>
      </div>
    </div>
  );
}
