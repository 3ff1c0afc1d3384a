// bench:national's floor: a node that does none of the app's work. Run as a process of its own,
// like an app node (nation-kit.ts's startCluster with FLOOR_NODE), behind the same nginx, on the
// same Redis through the same socket.io adapter, with the same sockets (nation-fleet.ts) and the
// same load: no database, no authentication, no audit. What its deliveries take, steady and with
// a node killed, is what this machine gives the app's deliveries before the app does anything:
// the clients, the balancer, socket.io and Redis sharing the same cores.
// - A socket's `auth.token` is who it is: "council" for a council's page, else its provider's
//   API token. `request:watch` joins the request's room for that viewer and answers an empty view.
// - An offer (POST .../placement-requests/:id/offers, the provider's token as bearer) is answered
//   201 and sent as the app sends it: `response:received` to the council's sockets and
//   `offer:receipt` to the author's, each with a payload of about the app's size.
// - Any other GET (the reads) is answered 200 with a body of about a read's size; health too.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import { createAdapter } from "@socket.io/redis-adapter";
import { Redis } from "ioredis";
import { Server } from "socket.io";
import { listenForLive } from "../../server/src/http/live-listener";

const PAD = "x".repeat(600);
const READ_BODY = JSON.stringify({ data: "x".repeat(4000) });
const OFFER_PATH = /^\/api\/v1\/placement-requests\/([0-9a-f-]{36})\/offers$/;

const room = (requestId: string, who: string) => `${requestId}:${who}`;

async function bodyOf(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

const http = createServer((req, res) => {
  const offer = req.method === "POST" ? OFFER_PATH.exec(req.url ?? "") : null;
  if (!offer) {
    void bodyOf(req).then(() => res.writeHead(200, { "content-type": "application/json" }).end(READ_BODY));
    return;
  }
  const requestId = offer[1] as string;
  const author = (req.headers.authorization ?? "").replace(/^Bearer /, "");
  void bodyOf(req).then((text) => {
    const { settingId } = JSON.parse(text) as { settingId: string };
    const offerId = randomUUID();
    live.to(room(requestId, "council")).emit("response:received", { requestId, invitation: { settingId, status: "offered" }, pad: PAD });
    live.to(room(requestId, author)).emit("offer:receipt", { requestId, settingId, offerId, pad: PAD });
    res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ data: { offerId } }));
  });
});

const io = new Server(http, { serveClient: false });
// A key of its own: the app's idle nodes share this Redis and must not hear the floor's events.
io.adapter(createAdapter(new Redis(process.env.REDIS_URL as string), new Redis(process.env.REDIS_URL as string), { key: "px-floor" }));
const live = io.of("/live");
live.use((socket, next) => {
  socket.data.who = String((socket.handshake.auth as { token?: unknown }).token ?? "");
  next();
});
live.on("connection", (socket) => {
  socket.on("request:watch", (input: { requestId: string }, ack: (answer: unknown) => void) => {
    void socket.join(room(input.requestId, socket.data.who as string));
    ack({ ok: true, view: { invitations: [] } });
  });
});

// The app's backlog (server/src/main.ts): a killed node's pages arrive at once. Its live
// connections on a socket of their own too, as the app's (server/src/http/live-listener.ts).
http.listen({ port: Number(process.env.PORT), host: "127.0.0.1", backlog: 4096 });
if (process.env.LIVE_PORT) await listenForLive(http, { port: Number(process.env.LIVE_PORT), host: "127.0.0.1", backlog: 4096 });
