import { useCallback, useEffect, useRef, useState } from "react";
import { RequestWatchAckSchema } from "@shared/events";
import type { OfferReceipt, RequestView } from "@shared/schemas/placement-requests";
import { fetchRequestView } from "../api/placement-requests";
import { onLiveSocket } from "./on-live-socket";
import { handleRequestEvent, type RequestLiveActions } from "./request-live-events";
import { isFresher } from "./request-live-state";
import { isWorthRetrying, RETRY_AFTER_MS } from "./retry";

export type RequestLiveState = { status: "loading" } | { status: "error"; error: unknown } | { status: "ready"; view: RequestView };

export interface RequestLive {
  state: RequestLiveState;
  /** The latest receipt for one of this provider's offers, by the server's clock. */
  receipt: OfferReceipt | null;
  /** Server clock minus this browser's clock, for countdowns to the server's deadline. */
  clockOffsetMs: number;
  /** Show the request as a write answered it (kept only if newer than what is shown). */
  replace(view: RequestView): void;
  /** Ask for a fresh snapshot (after a change no event carries in full). */
  resync(): void;
  /** Load again after the first load failed. */
  retry(): void;
}

/**
 * Follows a placement request while the page is open. The page loads over REST, then
 * `request:watch` on every (re)connection answers a whole snapshot that replaces what is shown,
 * so nothing is doubled or missed after a reconnect; events in between apply by id. A change
 * of state (closed, evaluated, awarded) brings what this viewer may now see, so it resyncs.
 */
export function useRequestLive(requestId: string): RequestLive {
  const [view, setView] = useState<RequestView>();
  const [error, setError] = useState<unknown>();
  const [receipt, setReceipt] = useState<OfferReceipt | null>(null);
  const [clockOffsetMs, setClockOffsetMs] = useState(0);
  const watchRef = useRef<() => void>(() => undefined);
  const [attempt, setAttempt] = useState(0);

  const replace = useCallback((next: RequestView) => {
    setView((current) => (isFresher(current, next) ? next : current));
  }, []);
  const apply = useCallback((change: (current: RequestView) => RequestView) => setView((current) => (current ? change(current) : current)), []);

  useEffect(() => {
    const controller = new AbortController();
    setView(undefined);
    setError(undefined);
    setReceipt(null);
    fetchRequestView(requestId, controller.signal).then(
      (fetched) => {
        replace(fetched);
        setClockOffsetMs(Date.parse(fetched.serverTime) - Date.now());
      },
      (failure: unknown) => {
        if (!controller.signal.aborted) setError(failure);
      },
    );
    return () => controller.abort();
  }, [requestId, replace, attempt]);

  useEffect(
    () =>
      onLiveSocket((socket) => {
        // One snapshot in flight at a time; asks made meanwhile are answered by one more after it.
        let inFlight = false;
        let again = false;
        let stopped = false;
        let retryTimer: ReturnType<typeof setTimeout> | undefined;
        const watch = () => {
          if (stopped) return;
          if (inFlight) {
            again = true;
            return;
          }
          inFlight = true;
          const sentAt = Date.now();
          socket.emit("request:watch", { requestId }, (result) => {
            inFlight = false;
            if (stopped) return;
            const parsed = RequestWatchAckSchema.safeParse(result);
            if (parsed.success && parsed.data.ok) {
              // The server's time was read about half way through the round trip.
              setClockOffsetMs(Date.parse(parsed.data.view.serverTime) - (sentAt + Date.now()) / 2);
              replace(parsed.data.view);
            } else if (parsed.success && !parsed.data.ok && isWorthRetrying(parsed.data.code)) {
              again = false;
              retryTimer = setTimeout(watch, RETRY_AFTER_MS);
              return;
            }
            if (again) {
              again = false;
              watch();
            }
          });
        };
        // A reconnection forgets the rooms, and an answer lost with the old connection never comes.
        const onConnect = () => {
          inFlight = false;
          again = false;
          watch();
        };
        watchRef.current = watch;
        const actions: RequestLiveActions = {
          apply,
          resync: watch,
          receipt: (next) => setReceipt((current) => (current && Date.parse(current.serverTime) > Date.parse(next.serverTime) ? current : next)),
          serverTime: (iso) => setClockOffsetMs(Date.parse(iso) - Date.now()),
        };
        const onEvent = (event: string, payload: unknown) => handleRequestEvent(event, payload, requestId, actions);

        socket.on("connect", onConnect);
        socket.onAny(onEvent);
        if (socket.connected) watch();
        return () => {
          stopped = true;
          clearTimeout(retryTimer);
          socket.off("connect", onConnect);
          socket.offAny(onEvent);
          watchRef.current = () => undefined;
          if (socket.connected) socket.emit("request:unwatch", { requestId });
        };
      }),
    [requestId, replace, apply],
  );

  const resync = useCallback(() => watchRef.current(), []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const state: RequestLiveState = view ? { status: "ready", view } : error !== undefined ? { status: "error", error } : { status: "loading" };
  return { state, receipt, clockOffsetMs, replace, resync, retry };
}
