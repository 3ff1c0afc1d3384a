import { useEffect, useSyncExternalStore } from "react";
import { NotificationNewSchema } from "@shared/schemas/notifications";
import { fetchUnreadCount } from "../api/notifications";

// The person's unread count, one per tab: the header shows it, the notifications page changes it
// when something is read, and notification:new (to the person's own room) brings new ones live.

interface Centre {
  /** Undefined until the first count arrives, so the header never shows a wrong "(0)". */
  unread: number | undefined;
  /** Changes with every new notification, so an open list knows to fetch again. */
  arrivals: number;
}
let centre: Centre = { unread: undefined, arrivals: 0 };
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const change = (next: Partial<Centre>) => {
  centre = { ...centre, ...next };
  for (const listener of listeners) listener();
};

/** After the person reads one or all: the server's count, so the header agrees at once. */
export const setUnreadCount = (unread: number) => change({ unread });

export const useNotificationCentre = (): Centre => useSyncExternalStore(subscribe, () => centre);

/**
 * Keeps the count live while someone who belongs to an organisation is signed in: fetched on
 * start and after every reconnection (events sent while disconnected are not replayed), then
 * taken from each notification:new.
 */
export function useNotificationsLive(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    let controller = new AbortController();
    let unlisten: (() => void) | undefined;
    let stopped = false;
    const refresh = () => {
      controller.abort();
      controller = new AbortController();
      fetchUnreadCount(controller.signal).then(setUnreadCount, () => undefined);
    };
    const onNew = (payload: unknown) => {
      const parsed = NotificationNewSchema.safeParse(payload);
      if (parsed.success) change({ unread: parsed.data.unread, arrivals: centre.arrivals + 1 });
    };
    refresh();
    // The header is on the first page, which must not carry socket.io-client (the bundle budget):
    // the connection’s code comes in a chunk of its own, after the page has shown.
    import("./notifications-socket").then(
      ({ listenForNotifications }) => {
        if (!stopped) unlisten = listenForNotifications({ onConnect: refresh, onNew });
      },
      () => undefined,
    );
    return () => {
      stopped = true;
      controller.abort();
      unlisten?.();
    };
  }, [active]);
}
