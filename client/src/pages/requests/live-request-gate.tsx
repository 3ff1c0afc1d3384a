import type { ReactNode } from "react";
import { useParams } from "react-router";
import type { RequestView } from "@shared/schemas/placement-requests";
import { Loading, QueryProblem } from "../../components/query-problem";
import { isNotFound } from "../../lib/not-found-error";
import { type RequestLive, useRequestLive } from "../../realtime/use-request-live";
import { NotFoundPage } from "../public/not-found-page";

/**
 * Follows the request named by the page's `:id` live; a request this person may not see is
 * "not found", as the API answers.
 */
export function LiveRequestGate({ children: render }: { children(view: RequestView, live: RequestLive): ReactNode }) {
  const { id = "" } = useParams();
  const live = useRequestLive(id);
  const { state } = live;
  if (state.status === "loading") return <Loading what="the placement request" />;
  if (state.status === "error") return isNotFound(state.error) ? <NotFoundPage /> : <QueryProblem what="the placement request" onRetry={live.retry} />;
  return render(state.view, live);
}
