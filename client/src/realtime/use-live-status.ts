import { useEffect, useState } from "react";
import { followLiveStatus, type LiveStatus } from "./live-status";
import { onLiveSocket } from "./on-live-socket";

/**
 * How long a connection may be down before the page says so: a lost node's pages are back in
 * about a second, and a warning that flashes for that would only alarm.
 */
export const LIVE_STATUS_GRACE_MS = 3000;

/** The live connection's status to show on a page that follows a record live. */
export function useLiveStatus(): LiveStatus {
  const [shown, setShown] = useState<LiveStatus>("connected");
  useEffect(() => {
    let latest: LiveStatus | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = onLiveSocket((socket) =>
      followLiveStatus(socket, (status) => {
        // Each failed try says "reconnecting" again; the wait counts from the first.
        if (status === latest) return;
        latest = status;
        clearTimeout(timer);
        if (status === "reconnecting") timer = setTimeout(() => setShown("reconnecting"), LIVE_STATUS_GRACE_MS);
        else setShown(status);
      }),
    );
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, []);
  return shown;
}
