import type { LiveSocket } from "./live-socket";

/**
 * Runs `follow` with the tab's live connection once socket.io's chunk has arrived, and answers
 * how to stop. The chunk is not a static import of the pages, so it does not download (and run)
 * before a page can show what it fetched over REST: the live snapshot replaces that view anyway.
 * If the chunk cannot download, the page stays as fetched and its own reload buttons still work.
 */
export function onLiveSocket(follow: (socket: LiveSocket) => () => void): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  import("./live-socket").then(
    ({ liveSocket }) => {
      if (!stopped) stop = follow(liveSocket());
    },
    () => undefined,
  );
  return () => {
    stopped = true;
    stop?.();
  };
}
