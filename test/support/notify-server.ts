/**
 * A GOV.UK Notify-shaped HTTP server for tests: the real `notifications-node-client` talks to it
 * unchanged (NOTIFY_API_BASE = its url), so the outbox worker runs as it would against
 * api.notifications.service.gov.uk. It checks the API key's JWT as Notify does, knows each
 * template's placeholders (the repository's templates, given by the test) and refuses a missing one
 * with Notify's 400, can fail, slow down or go unreachable on demand, and logs every e-mail it accepted.
 *
 *   const notify = await startNotifyServer({ templates: NOTIFY_TEST_TEMPLATES });
 *   const t = await createTestApp({ env: NOTIFY_TEST_ENV(notify.url) });
 *   ... notify.sent, notify.failNext({ times: 2, status: 500 }), notify.down() ...
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { EMAIL_TEMPLATES, templateEnvName } from "../../server/src/modules/notifications/templates";

/** `<key name>-<service id>-<secret>`, the shape Notify gives out. */
export const NOTIFY_TEST_SERVICE_ID = "26785a09-ab16-4eb0-8407-a37497a57506";
export const NOTIFY_TEST_SECRET = "3d844edf-8d35-48ac-975b-e847b4f122b0";
export const NOTIFY_TEST_API_KEY = `placementexchange_test-${NOTIFY_TEST_SERVICE_ID}-${NOTIFY_TEST_SECRET}`;

/** A stable made-up Notify id per template name. */
const idFor = (name: string) => {
  const h = createHash("md5").update(name).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
};

/** The repository's templates as if pasted into Notify, each with its id there. */
export const NOTIFY_TEST_TEMPLATES: NotifyTemplate[] = EMAIL_TEMPLATES.map((t) => ({ id: idFor(t.name), subject: t.subject, body: t.body }));
export const notifyTemplateId = (name: string): string => idFor(name);

/** The app's environment for talking to the test server at `url`: the key and every template id. */
export const NOTIFY_TEST_ENV = (url: string): Record<string, string> => ({
  NOTIFY_API_KEY: NOTIFY_TEST_API_KEY,
  NOTIFY_API_BASE: url,
  ...Object.fromEntries(EMAIL_TEMPLATES.map((t) => [templateEnvName(t.name), idFor(t.name)])),
});

export interface NotifyTemplate {
  id: string;
  subject: string;
  body: string;
}

export interface SentEmail {
  id: string;
  templateId: string;
  emailAddress: string;
  personalisation: Record<string, string>;
  reference: string | null;
  subject: string;
  body: string;
  at: number;
}

export interface NotifyServer {
  url: string;
  /** Every e-mail accepted (201), in order. */
  sent: SentEmail[];
  /** The next `times` sends answer `status` (default 500) without sending. */
  failNext(props: { times?: number; status?: number }): void;
  /** The next `times` sends wait `ms` before answering (a slow Notify). */
  delayNext(props: { times?: number; ms: number }): void;
  /** Unreachable: connections are destroyed without an answer. */
  down(): void;
  up(): void;
  close(): Promise<void>;
}

const PLACEHOLDER = /\(\(([^()]+?)\)\)/g;

/** The placeholders of a template's subject and body, as Notify reads them. */
export const placeholdersOf = (template: { subject: string; body: string }): string[] => [
  ...new Set([...`${template.subject}\n${template.body}`.matchAll(PLACEHOLDER)].map((m) => (m[1] ?? "").trim())),
];

const render = (text: string, values: Record<string, string>) => text.replace(PLACEHOLDER, (_, name: string) => values[name.trim()] ?? "");

const errorBody = (status: number, error: string, message: string) => ({ status_code: status, errors: [{ error, message }] });

const base64url = (buffer: Buffer) => buffer.toString("base64").replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");

/** Notify's own check: HS256 signed with the key's secret, iss = the service id, iat within 30 seconds. */
function checkToken(header: string | undefined, secret: string, serviceId: string): string | null {
  if (!header?.startsWith("Bearer ")) return "Unauthorized: authentication token must be provided";
  const parts = header.slice("Bearer ".length).split(".");
  if (parts.length !== 3) return "Invalid token: signature, api token not found";
  const [head, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(base64url(createHmac("sha256", secret).update(`${head}.${payload}`).digest()));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "Invalid token: signature, api token not found";
  let claims: { iss?: unknown; iat?: unknown; alg?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as typeof claims;
    const headClaims = JSON.parse(Buffer.from(head, "base64url").toString("utf8")) as { alg?: unknown };
    if (headClaims.alg !== "HS256") return "Invalid token: algorithm used is not HS256";
  } catch {
    return "Invalid token: signature, api token not found";
  }
  if (claims.iss !== serviceId) return "Invalid token: service not found";
  if (typeof claims.iat !== "number" || Math.abs(Date.now() / 1000 - claims.iat) > 30) return "Error: Your system clock must be accurate to within 30 seconds";
  return null;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
}

export async function startNotifyServer(props: { templates: readonly NotifyTemplate[]; serviceId?: string; secret?: string }): Promise<NotifyServer> {
  const serviceId = props.serviceId ?? NOTIFY_TEST_SERVICE_ID;
  const secret = props.secret ?? NOTIFY_TEST_SECRET;
  const sent: SentEmail[] = [];
  let failures: { times: number; status: number } = { times: 0, status: 500 };
  let delays: { times: number; ms: number } = { times: 0, ms: 0 };
  let isDown = false;
  const sockets = new Set<Socket>();

  const answer = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (isDown) return void req.socket.destroy();
    const path = new URL(req.url ?? "/", "http://notify");
    const listing = req.method === "GET" && path.pathname === "/v2/notifications";
    if (!listing && (req.method !== "POST" || req.url !== "/v2/notifications/email")) return answer(res, 404, errorBody(404, "BadRequestError", "Not found"));
    const authError = checkToken(req.headers.authorization, secret, serviceId);
    if (authError) return answer(res, 403, errorBody(403, "AuthError", authError));
    // GET /v2/notifications?template_type=email&reference=...: what Notify has for a reference, newest first.
    if (listing) {
      const reference = path.searchParams.get("reference");
      const found = sent.filter((e) => reference === null || e.reference === reference).reverse();
      return answer(res, 200, {
        notifications: found.map((e) => ({
          id: e.id,
          reference: e.reference,
          email_address: e.emailAddress,
          type: "email",
          status: "delivered",
          template: { id: e.templateId, version: 1, uri: `${url}/services/${serviceId}/templates/${e.templateId}` },
          subject: e.subject,
          body: e.body,
          created_at: new Date(e.at).toISOString(),
        })),
        links: { current: `${url}/v2/notifications${path.search}` },
      });
    }
    const body = (await readJson(req)) as {
      template_id?: unknown;
      email_address?: unknown;
      personalisation?: Record<string, unknown>;
      reference?: unknown;
    };
    if (delays.times > 0) {
      delays.times--;
      await sleep(delays.ms);
      if (isDown) return void req.socket.destroy();
    }
    if (failures.times > 0) {
      failures.times--;
      return answer(res, failures.status, errorBody(failures.status, failures.status >= 500 ? "Exception" : "BadRequestError", "Internal server error"));
    }
    const template = props.templates.find((t) => t.id === body.template_id);
    if (!template) return answer(res, 400, errorBody(400, "BadRequestError", "Template not found"));
    if (typeof body.email_address !== "string" || !body.email_address.includes("@")) {
      return answer(res, 400, errorBody(400, "ValidationError", "email_address Not a valid email address"));
    }
    const personalisation = Object.fromEntries(Object.entries(body.personalisation ?? {}).map(([k, v]) => [k, String(v)]));
    const missing = placeholdersOf(template).filter((name) => !(name in personalisation));
    if (missing.length > 0) return answer(res, 400, errorBody(400, "BadRequestError", `Missing personalisation: ${missing.join(", ")}`));
    const id = randomUUID();
    const email: SentEmail = {
      id,
      templateId: template.id,
      emailAddress: body.email_address,
      personalisation,
      reference: typeof body.reference === "string" ? body.reference : null,
      subject: render(template.subject, personalisation),
      body: render(template.body, personalisation),
      at: Date.now(),
    };
    sent.push(email);
    answer(res, 201, {
      id,
      reference: email.reference,
      content: { subject: email.subject, body: email.body, from_email: "placement.exchange@notifications.service.gov.uk", one_click_unsubscribe_url: null },
      uri: `${url}/v2/notifications/${id}`,
      template: { id: template.id, version: 1, uri: `${url}/services/${serviceId}/templates/${template.id}` },
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => answer(res, 400, errorBody(400, "BadRequestError", "Invalid JSON")));
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    sent,
    failNext: ({ times = 1, status = 500 }) => void (failures = { times, status }),
    delayNext: ({ times = 1, ms }) => void (delays = { times, ms }),
    down() {
      isDown = true;
      for (const socket of sockets) socket.destroy();
    },
    up: () => void (isDown = false),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
