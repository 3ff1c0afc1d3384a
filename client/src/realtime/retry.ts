import type { LiveRefusal } from "@shared/events";

/** The server asked this page to slow down, or was too busy to answer: watching again later will work. */
export const isWorthRetrying = (code: LiveRefusal["code"]) => code === "rate_limited" || code === "service_unavailable";

export const RETRY_AFTER_MS = 2000;
