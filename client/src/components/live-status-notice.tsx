import { useLiveStatus } from "../realtime/use-live-status";
import { WarningText } from "./warning-text";

/**
 * Says when the page has stopped following its record live, so that no one reads a quiet board
 * as "nothing has happened". The status region is always there, so a screen reader announces
 * the warning when it appears.
 */
export function LiveStatusNotice() {
  const status = useLiveStatus();
  return (
    <div role="status">
      {status === "reconnecting" ? (
        <WarningText>Live updates are paused while the connection comes back. This page will catch up by itself.</WarningText>
      ) : null}
      {status === "partial" ? <WarningText>Some live updates are delayed just now. Reload the page to see the latest.</WarningText> : null}
      {status === "stopped" ? <WarningText>Live updates have stopped. Reload the page to see the latest.</WarningText> : null}
    </div>
  );
}
