import { useMemo, useRef } from "react";

/**
 * A fresh key for one submission of a form. The form keeps it until the submission succeeds or
 * its content changes, so pressing the button again after a lost answer is a retry, not a second
 * offer. randomUUID needs a secure context; getRandomValues covers the rest.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The key of a form's current submission: made on the first attempt, forgotten on success or on a change. */
export function useIdempotencyKey() {
  const ref = useRef<string | undefined>(undefined);
  return useMemo(
    () => ({
      forSubmission: () => (ref.current ??= newIdempotencyKey()),
      reset: () => {
        ref.current = undefined;
      },
    }),
    [],
  );
}
