import { useCallback, useEffect, useState } from "react";

export type QueryState<T> = { status: "loading" } | { status: "error"; error: unknown } | { status: "success"; data: T };

export interface ApiQuery {
  /** Start again from "loading" (after an error). */
  retry(): void;
  /**
   * Fetch again after a change, keeping what is shown until the new data arrives, so a table
   * does not vanish and lose the reader's place. Resolves once the new data is in state, so a
   * "done" message shown after it never sits above stale rows.
   */
  reload(): Promise<void>;
}

/**
 * Runs `load` on mount and whenever `retry()` is called, aborting a request whose answer
 * would arrive after the page has gone. `load` must be stable (defined at module level, or
 * memoised with useCallback).
 */
export function useApiQuery<T>(load: (signal: AbortSignal) => Promise<T>): QueryState<T> & ApiQuery {
  const [state, setState] = useState<QueryState<T>>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: "loading" });
    load(controller.signal).then(
      (data) => setState({ status: "success", data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: "error", error });
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const reload = useCallback(async () => {
    try {
      const data = await load(new AbortController().signal);
      setState({ status: "success", data });
    } catch (error) {
      setState({ status: "error", error });
    }
  }, [load]);
  return { ...state, retry, reload };
}
