import type { Offer, RequestView } from "@shared/schemas/placement-requests";
import { handleRequestEvent } from "../../client/src/realtime/request-live-events";
import { isFresher, withClarification, withResponse } from "../../client/src/realtime/request-live-state";

const REQUEST = "00000000-0000-4000-8000-000000000001";
const SETTING = "00000000-0000-4000-8000-000000000002";

const view = (serverTime: string, offers: Offer[] = []): RequestView =>
  ({ serverTime, request: { state: "open" }, invitations: [{ settingId: SETTING, status: "invited" }], offers, clarifications: [] }) as unknown as RequestView;

const offer = (version: number) => ({ id: "00000000-0000-4000-8000-000000000003", settingId: SETTING, current: { version } }) as unknown as Offer;
const invitation = (status: string) => ({ settingId: SETTING, status }) as unknown as RequestView["invitations"][number];

describe("a request's live state", () => {
  it("should apply a response by id, so one delivered twice is shown once", () => {
    const once = withResponse(view("2026-01-01T00:00:00.000Z"), { requestId: REQUEST, invitation: invitation("offered"), offer: offer(1) });
    const twice = withResponse(once, { requestId: REQUEST, invitation: invitation("offered"), offer: offer(1) });
    expect(twice.offers).toHaveLength(1);
    expect(twice.invitations.map((i) => i.status)).toEqual(["offered"]);
  });

  it("should replace an offer by a newer version, and keep it when a sealed response carries none", () => {
    const first = withResponse(view("2026-01-01T00:00:00.000Z"), { requestId: REQUEST, invitation: invitation("offered"), offer: offer(1) });
    const revised = withResponse(first, { requestId: REQUEST, invitation: invitation("offered"), offer: offer(2) });
    expect(revised.offers.map((o) => o.current.version)).toEqual([2]);
    expect(withResponse(revised, { requestId: REQUEST, invitation: invitation("offered"), offer: null }).offers).toHaveLength(1);
  });

  it("should add a clarification once, and replace it when answered", () => {
    const asked = { id: "00000000-0000-4000-8000-000000000004", answer: null } as unknown as RequestView["clarifications"][number];
    const answered = { ...asked, answer: "Yes." };
    const v = withClarification(withClarification(withClarification(view("2026-01-01T00:00:00.000Z"), asked), asked), answered);
    expect(v.clarifications.map((c) => c.answer)).toEqual(["Yes."]);
  });

  it("should let only a snapshot taken later replace what is shown", () => {
    const shown = view("2026-01-01T00:00:05.000Z");
    expect(isFresher(shown, view("2026-01-01T00:00:04.000Z"))).toBe(false);
    expect(isFresher(shown, view("2026-01-01T00:00:06.000Z"))).toBe(true);
    expect(isFresher(undefined, shown)).toBe(true);
  });
});

describe("a request's live events", () => {
  /** Records which of the page's actions an event asked for. */
  const actions = () => {
    const calls: string[] = [];
    const changes: ((v: RequestView) => RequestView)[] = [];
    return {
      calls,
      /** A view after every change the event applied. */
      shown: (from: RequestView) => changes.reduce((v, change) => change(v), from),
      apply: (change: (v: RequestView) => RequestView) => void (calls.push("apply"), changes.push(change)),
      resync: () => void calls.push("resync"),
      receipt: () => void calls.push("receipt"),
      serverTime: () => void calls.push("serverTime"),
    };
  };

  it("should ignore a payload that is not in the shared schema's shape, or is another request's", () => {
    const a = actions();
    handleRequestEvent("response:received", { requestId: REQUEST, invitation: { settingId: "not a uuid" }, offer: null }, REQUEST, a);
    handleRequestEvent("request:closed", { requestId: SETTING, state: "closed", closedAt: "2026-01-01T00:00:00.000Z" }, REQUEST, a);
    handleRequestEvent("review:totals", { requestId: REQUEST }, REQUEST, a);
    expect(a.calls).toEqual([]);
  });

  it("should show the new state and take a whole new snapshot when the request closes, since the offers may have opened", () => {
    const a = actions();
    handleRequestEvent("request:closed", { requestId: REQUEST, state: "closed", closedAt: "2026-01-01T00:00:00.000Z" }, REQUEST, a);
    expect(a.calls).toEqual(["apply", "resync"]);
    expect(a.shown(view("2026-01-01T00:00:00.000Z")).request.state).toBe("closed");
  });

  it("should show the award's state at once, since no request:updated follows it, then take a new snapshot", () => {
    const a = actions();
    const awarded = { requestId: REQUEST, state: "awarded", awardedAt: "2026-01-01T00:00:00.000Z", yours: false };
    handleRequestEvent("request:awarded", awarded, REQUEST, a);
    expect(a.calls).toEqual(["apply", "resync"]);
    expect(a.shown(view("2026-01-01T00:00:00.000Z")).request.state).toBe("awarded");
  });
});
