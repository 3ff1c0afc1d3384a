/**
 * After the drain delay, how long a stopping node gives requests in flight before it closes
 * their connections. The orchestrator's grace (terminationGracePeriodSeconds, compose's
 * stop_grace_period) must cover any preStop hook + DRAIN_DELAY_MS + this + closing the pools;
 * test/infra/manifests.test.ts holds the manifests to that sum.
 */
export const SHUTDOWN_GRACE_MS = 8000;
