import { useEffect, useState } from "react";
import { formatDateTime } from "../lib/format-date";

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

/** "2 days 3 hours", "4 minutes 5 seconds": the two largest units left. */
export function timeLeft(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const units = [
    [Math.floor(s / 86_400), "day"],
    [Math.floor(s / 3600) % 24, "hour"],
    [Math.floor(s / 60) % 60, "minute"],
    [s % 60, "second"],
  ] as const;
  const first = units.findIndex(([n]) => n > 0);
  if (first < 0) return "0 seconds";
  return units
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, unit]) => plural(n, unit))
    .join(" ");
}

// What is said aloud: only when the time left crosses one of these, never every second.
const MILESTONES_S = [24 * 3600, 3600, 15 * 60, 5 * 60, 60, 30, 10];

function milestone(ms: number): string {
  if (ms <= 0) return "closed";
  const crossed = MILESTONES_S.filter((s) => ms <= s * 1000).at(-1);
  return crossed === undefined ? "" : `${timeLeft(crossed * 1000)}`;
}

interface DeadlineCountdownProps {
  deadline: string;
  /** Server clock minus this browser's, so the count is the server's, which decides what is late. */
  clockOffsetMs: number;
  /** "Offers close", "The price round closes". */
  what: string;
}

/**
 * The time left to a deadline on the server's clock. The count updates every second for the
 * eye; a screen reader hears a polite announcement only as it passes a day, an hour, 15, 5 and
 * 1 minutes, 30 and 10 seconds, and the close.
 */
export function DeadlineCountdown({ deadline, clockOffsetMs, what }: DeadlineCountdownProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = Date.parse(deadline) - (now + clockOffsetMs);
  const passed = milestone(left);
  const [announced, setAnnounced] = useState({ at: passed, text: "" });
  if (announced.at !== passed)
    setAnnounced({
      at: passed,
      text: passed === "closed" ? `${what}: the deadline has passed.` : passed ? `${passed} left. ${what} at ${formatDateTime(deadline)}.` : "",
    });

  return (
    <div className="govuk-inset-text">
      <p className="govuk-body govuk-!-margin-bottom-1">
        {what} at <strong>{formatDateTime(deadline)}</strong> (UK time, by the service’s clock).
      </p>
      <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-0" role="timer" aria-live="off">
        {left > 0 ? `${timeLeft(left)} left` : "The deadline has passed"}
      </p>
      <div className="govuk-visually-hidden" aria-live="polite">
        {announced.text}
      </div>
    </div>
  );
}
