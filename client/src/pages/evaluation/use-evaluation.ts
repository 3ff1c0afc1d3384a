import { useCallback } from "react";
import { useParams } from "react-router";
import { fetchEvaluation } from "../../api/evaluation";
import { fetchRequestView } from "../../api/placement-requests";
import { useApiQuery } from "../../api/use-api-query";

/** The request in the page's path as the council sees it, with its evaluation. */
export function useEvaluation() {
  const id = useParams().id ?? "";
  const load = useCallback(
    async (signal: AbortSignal) => {
      const [view, state] = await Promise.all([fetchRequestView(id, signal), fetchEvaluation(id, signal)]);
      return { view, state };
    },
    [id],
  );
  return { id, query: useApiQuery(load) };
}
