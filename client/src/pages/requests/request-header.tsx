import { type ReactNode, useState } from "react";
import { Link, useLocation } from "react-router";
import type { RequestView } from "@shared/schemas/placement-requests";
import { DeadlineCountdown } from "../../components/deadline-countdown";
import { LiveStatusNotice } from "../../components/live-status-notice";
import { SuccessBanner } from "../../components/notification-banner";
import { usePageTitle } from "../../components/use-page-title";
import type { RequestLive } from "../../realtime/use-request-live";
import { modeName, RequestStateTag } from "./request-labels";

/**
 * What a request page tells its reader after an action ("You awarded the placement."), starting
 * with the one it was opened with; `changed` shows the request as the action answered it.
 */
export function useRequestNotice(live: RequestLive) {
  const arrivedWith = (useLocation().state as { notice?: string } | null)?.notice;
  const [notice, setNotice] = useState(arrivedWith);
  const changed = (next: RequestView, message: string) => {
    live.replace(next);
    setNotice(message);
  };
  return { notice, setNotice, changed };
}

interface RequestHeaderProps {
  view: RequestView;
  live: RequestLive;
  title: string;
  backTo: string;
  notice: string | undefined;
  /** After the state's tag, said aloud when it changes. */
  status?: ReactNode;
}

/** The top of a request page, for the council and for providers: state, countdown on the server's clock, any cancellation. */
export function RequestHeader({ view, live, title, backTo, notice, status }: RequestHeaderProps) {
  usePageTitle(title);
  const { request } = view;
  const counting = request.state === "open" ? request.deadline : request.state === "price_round" ? request.priceRoundClosesAt : null;
  return (
    <>
      <Link className="govuk-back-link" to={backTo}>
        All placement requests
      </Link>
      {notice ? <SuccessBanner key={notice} title={notice} /> : null}
      <LiveStatusNotice />
      <span className="govuk-caption-l">{modeName(request.mode)} placement request</span>
      <h1 className="govuk-heading-l">{title}</h1>
      <div aria-live="polite">
        <p className="govuk-body">
          <RequestStateTag state={request.state} /> {status}
        </p>
      </div>
      {counting ? (
        <DeadlineCountdown deadline={counting} clockOffsetMs={live.clockOffsetMs} what={request.state === "open" ? "Offers close" : "The price round closes"} />
      ) : null}
      {request.state === "cancelled" ? <div className="govuk-inset-text">The council cancelled the request: {view.cancelReason}</div> : null}
    </>
  );
}
