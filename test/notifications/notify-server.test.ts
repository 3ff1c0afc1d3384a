import { createHmac } from "node:crypto";
import { NotifyClient } from "notifications-node-client";
import {
  NOTIFY_TEST_API_KEY,
  NOTIFY_TEST_SECRET,
  NOTIFY_TEST_SERVICE_ID,
  NOTIFY_TEST_TEMPLATES,
  type NotifyServer,
  notifyTemplateId,
  startNotifyServer,
} from "../support/notify-server";

let notify: NotifyServer;
let client: NotifyClient;
const invited = notifyTemplateId("request_invited");
const values = {
  title: "Placement request PR-7 from Testshire Council",
  body: "Respond by 5pm on 10 December 2026.",
  link: "https://px.test/provider/requests/7",
};

beforeAll(async () => {
  notify = await startNotifyServer({ templates: NOTIFY_TEST_TEMPLATES });
  client = new NotifyClient(notify.url, NOTIFY_TEST_API_KEY);
});
afterAll(() => notify.close());
beforeEach(() => {
  notify.up();
  notify.sent.splice(0);
});

/** What the client rejects with: Notify's status and first error. */
const failureOf = async (p: Promise<unknown>) => {
  const error = (await p.then(
    () => null,
    (e: unknown) => e,
  )) as { response?: { status: number; data: { errors: { error: string; message: string }[] } }; code?: string } | null;
  return { status: error?.response?.status, error: error?.response?.data.errors[0], code: error?.code };
};

/** A token as the client would make, with our own claims. */
const token = (claims: Record<string, unknown>, secret = NOTIFY_TEST_SECRET) => {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const unsigned = `${part({ typ: "JWT", alg: "HS256" })}.${part(claims)}`;
  return `${unsigned}.${createHmac("sha256", secret).update(unsigned).digest("base64url")}`;
};
const post = (bearer: string) =>
  fetch(`${notify.url}/v2/notifications/email`, {
    method: "POST",
    headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
    body: JSON.stringify({ template_id: invited, email_address: "a@test.example", personalisation: values }),
  });

describe("the Notify test server, through the real notifications-node-client", () => {
  it("should accept an e-mail with its template's placeholders and answer as Notify does", async () => {
    const res = await client.sendEmail(invited, "person@test.example", { personalisation: values, reference: "notification-1" });
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({
      id: expect.any(String),
      reference: "notification-1",
      content: { subject: values.title, body: expect.stringContaining("Respond by 5pm on 10 December 2026.") },
      template: { id: invited, version: 1 },
    });
    expect(notify.sent).toEqual([expect.objectContaining({ id: res.data.id, emailAddress: "person@test.example", reference: "notification-1" })]);
  });

  it("should refuse a missing placeholder with Notify's 400, naming it", async () => {
    const { title: _left, ...rest } = values;
    expect(await failureOf(client.sendEmail(invited, "person@test.example", { personalisation: rest }))).toMatchObject({
      status: 400,
      error: { error: "BadRequestError", message: "Missing personalisation: title" },
    });
    expect(notify.sent).toEqual([]);
  });

  it("should refuse a key with the wrong secret or service, a stale token and no token, with Notify's 403", async () => {
    const wrongSecret = new NotifyClient(notify.url, `key-${NOTIFY_TEST_SERVICE_ID}-00000000-0000-4000-8000-000000000000`);
    expect(await failureOf(wrongSecret.sendEmail(invited, "person@test.example", { personalisation: values }))).toMatchObject({
      status: 403,
      error: { error: "AuthError" },
    });
    const wrongService = new NotifyClient(notify.url, `key-00000000-0000-4000-8000-000000000000-${NOTIFY_TEST_SECRET}`);
    expect((await failureOf(wrongService.sendEmail(invited, "person@test.example", { personalisation: values }))).status).toBe(403);
    const stale = await post(token({ iss: NOTIFY_TEST_SERVICE_ID, iat: Math.round(Date.now() / 1000) - 60 }));
    expect(stale.status).toBe(403);
    expect(((await stale.json()) as { errors: { message: string }[] }).errors[0]!.message).toMatch(/30 seconds/);
    expect((await post(token({ iss: NOTIFY_TEST_SERVICE_ID, iat: Math.round(Date.now() / 1000) }))).status).toBe(201);
    expect((await fetch(`${notify.url}/v2/notifications/email`, { method: "POST", body: "{}" })).status).toBe(403);
  });

  it("should fail on demand, go down and come back", async () => {
    notify.failNext({ times: 2, status: 500 });
    expect((await failureOf(client.sendEmail(invited, "p@test.example", { personalisation: values }))).status).toBe(500);
    expect((await failureOf(client.sendEmail(invited, "p@test.example", { personalisation: values }))).status).toBe(500);
    notify.down();
    const unreachable = await failureOf(client.sendEmail(invited, "p@test.example", { personalisation: values }));
    expect(unreachable.status).toBeUndefined();
    expect(unreachable.code).toBeDefined();
    notify.up();
    expect((await client.sendEmail(invited, "p@test.example", { personalisation: values })).status).toBe(201);
    expect(notify.sent).toHaveLength(1);
  });
});
