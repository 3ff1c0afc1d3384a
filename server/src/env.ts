import { z } from "zod";
import { DIGEST_TEMPLATE, NOTIFICATION_KINDS } from "@shared/codes/notifications";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "use true or false" })
  .optional()
  .transform((v) => (v === undefined ? undefined : ["true", "1", "yes"].includes(v)));

const postgresUrl = optionalString.refine((v) => v === undefined || /^postgres(ql)?:\/\/.+/.test(v), {
  message: "must be a PostgreSQL URL such as postgres://user:password@host:5432/dbname (or unset it to use embedded PostgreSQL in DATA_DIR)",
});

const redisUrl = optionalString.refine((v) => v === undefined || /^rediss?:\/\/.+/.test(v), {
  message: "must be a Redis URL such as redis://127.0.0.1:6379 (or unset it to run a single node without Redis)",
});

/** A whole number from `min` to `max`, given as text; `error` says what is wanted, for every way it can be wrong. */
const wholeNumber = (min: number, max: number, error: string) => z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });

const httpUrl = (example: string) =>
  optionalString.refine((v) => v === undefined || z.url({ protocol: /^https?$/ }).safeParse(v).success, {
    message: `must be an http(s) URL such as ${example}`,
  });

// GOV.UK Notify: one template per kind and the digest, each named NOTIFY_TEMPLATE_<NAME>.
const NOTIFY_TEMPLATE_NAMES = [...NOTIFICATION_KINDS, DIGEST_TEMPLATE].map((name) => `NOTIFY_TEMPLATE_${name.toUpperCase()}`);
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const notifyTemplateId = optionalString.refine((v) => v === undefined || new RegExp(`^${UUID}$`).test(v), {
  message: "must be the template ID from GOV.UK Notify (a uuid, under the template's name in Notify)",
});

/** Every variable the app reads; exported so the deployment manifests' test can hold them to it. */
export const EnvShape = z.object({
  NODE_ENV: z.enum(["development", "test", "production"], { error: "must be development, test or production" }).default("development"),
  PORT: wholeNumber(0, 65535, "must be a whole number between 1 and 65535, e.g. 3000").default(3000),
  HOST: optionalString,
  // Empty is unset, as for the other optional variables (a ConfigMap may hold "").
  LIVE_PORT: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    wholeNumber(1, 65535, "must be a whole number between 1 and 65535, e.g. 3001, and not PORT").optional(),
  ),
  DATABASE_URL: postgresUrl,
  DATA_DIR: z.string().trim().min(1, { error: "must be a folder path, e.g. ./data" }).default("./data"),
  REDIS_URL: redisUrl,
  PUBLIC_URL: httpUrl("http://localhost:3000"),
  SESSION_SECRET: optionalString.refine((v) => v === undefined || v.length >= 32, {
    message: "must be at least 32 characters; generate one with: openssl rand -hex 32",
  }),
  OIDC_ISSUER: httpUrl("https://login.example-council.gov.uk/realms/placements"),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_PRIVATE_KEY: optionalString,
  STRIPE_SECRET_KEY: optionalString.refine((v) => v === undefined || /^(sk|rk)_(test|live)_/.test(v), {
    message: "must be a Stripe secret key starting sk_test_ or sk_live_ (or a restricted rk_ key)",
  }),
  STRIPE_WEBHOOK_SECRET: optionalString.refine((v) => v === undefined || v.startsWith("whsec_"), {
    message: "must be the webhook signing secret starting whsec_ from the Stripe dashboard",
  }),
  STRIPE_API_BASE: httpUrl("http://127.0.0.1:12111"),
  BILLING_INTERVAL_MS: wholeNumber(100, 86_400_000, "must be a whole number of milliseconds between 100 and 86400000, e.g. 60000").default(60_000),
  // Notify gives keys as <key name>-<service id>-<secret>.
  NOTIFY_API_KEY: optionalString.refine((v) => v === undefined || new RegExp(`^[A-Za-z0-9_-]+-${UUID}-${UUID}$`).test(v), {
    message: "must be a GOV.UK Notify API key: <key name>-<service id>-<secret>, from API integration > API keys in Notify",
  }),
  NOTIFY_API_BASE: httpUrl("http://127.0.0.1:4010"),
  ...Object.fromEntries(NOTIFY_TEMPLATE_NAMES.map((name) => [name, notifyTemplateId])),
  OUTBOX_INTERVAL_MS: wholeNumber(100, 3_600_000, "must be a whole number of milliseconds between 100 and 3600000, e.g. 1000").default(1000),
  // How long a node keeps serving after SIGTERM with its readiness already failing, so the load
  // balancer stops sending it traffic before it closes; must stay below the orchestrator's grace.
  DRAIN_DELAY_MS: wholeNumber(0, 60_000, "must be a whole number of milliseconds between 0 and 60000, e.g. 5000 (0 stops at once)").optional(),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).optional(),
  SEED_DEMO: booleanFlag,
  ADMIN_EMAILS: optionalString.refine((v) => v === undefined || v.split(",").every((e) => z.email().safeParse(e.trim()).success), {
    message: "must be a comma-separated list of e-mail addresses, e.g. ops@hub.example.gov.uk,lead@hub.example.gov.uk",
  }),
  // The Open Contracting Partnership registers a prefix per publisher ("ocds-" and six characters);
  // shorter ones are accepted so a test or a demo can use its own.
  OCDS_OCID_PREFIX: optionalString.refine((v) => v === undefined || /^ocds-[a-z0-9]{1,20}$/.test(v), {
    message: "must be your OCDS prefix: ocds- then lower-case letters and digits, e.g. ocds-b5fd17 (register one with the Open Contracting Partnership)",
  }),
});

type RawEnv = z.infer<typeof EnvShape>;

export interface Env {
  nodeEnv: RawEnv["NODE_ENV"];
  port: number;
  /**
   * A second port for live connections (socket.io) behind a load balancer, so that a rush of
   * them (a lost node's pages reconnecting) does not queue ahead of API requests; see
   * http/live-listener.ts. Unset: live connections share PORT, as on one machine.
   */
  livePort: number | undefined;
  host: string | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  redisUrl: string | undefined;
  publicUrl: string;
  sessionSecret: string;
  oidc: { issuer?: string; clientId?: string; clientSecret?: string; privateKey?: string };
  stripe: { secretKey?: string; webhookSecret?: string; apiBase?: string };
  /** How often each node's billing schedule runs (it bills only periods that have ended). */
  billingIntervalMs: number;
  /** GOV.UK Notify; without apiKey e-mails are held in the outbox, never sent. templates: name -> Notify id. */
  notify: { apiKey?: string; apiBase?: string; templates: Record<string, string> };
  /** How often each node's outbox worker runs. */
  outboxIntervalMs: number;
  /** After SIGTERM: how long readiness fails while the node still serves, before it closes. */
  drainDelayMs: number;
  logLevel: (typeof LOG_LEVELS)[number];
  seedDemo: boolean;
  /** Verified e-mail addresses that become regional administrators at their first sign-in. */
  adminEmails: string[];
  /** Prefix of every OCDS ocid we publish: `${prefix}-${request id}`. */
  ocdsOcidPrefix: string;
}

/** Two failed readiness probes 2 s apart, plus time for the load balancer to update its endpoints. */
const DEFAULT_PRODUCTION_DRAIN_DELAY_MS = 5000;

/** Not registered: a deployment that publishes OCDS data sets its own. */
const DEFAULT_OCDS_OCID_PREFIX = "ocds-pxchg";

// A fixed development secret is safe only because production refuses to start without a real one.
const DEVELOPMENT_SESSION_SECRET = "development-only-session-secret-not-for-production-use";

export type EnvResult = { ok: true; env: Env } | { ok: false; problems: string[] };

/** Parses an environment (process.env in main.ts, a literal object in tests) into typed config. */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const parsed = EnvShape.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const value = source[name];
      const shown = value === undefined || /SECRET|KEY/.test(name) ? "" : ` (got "${value}")`;
      return `${name}${shown}: ${issue.message}`;
    });
    return { ok: false, problems };
  }
  const raw = parsed.data;
  const problems: string[] = [];
  if (raw.NODE_ENV === "production") {
    const required: [keyof RawEnv, string][] = [
      ["SESSION_SECRET", "generate one with: openssl rand -hex 32"],
      ["PUBLIC_URL", "the https address people use, e.g. https://placements.example.gov.uk"],
      ["OIDC_ISSUER", "your identity provider's issuer URL (the embedded development provider is refused in production)"],
      ["OIDC_CLIENT_ID", "the client id registered with your identity provider"],
      ["STRIPE_SECRET_KEY", "the Stripe secret key (sk_live_...)"],
      ["STRIPE_WEBHOOK_SECRET", "the Stripe webhook signing secret (whsec_...)"],
      ["NOTIFY_API_KEY", "a GOV.UK Notify live API key (without one no e-mail is ever sent)"],
    ];
    for (const [name, how] of required) {
      if (raw[name] === undefined) problems.push(`${name}: required when NODE_ENV=production; set it to ${how}`);
    }
    if (raw.OIDC_CLIENT_SECRET === undefined && raw.OIDC_PRIVATE_KEY === undefined) {
      problems.push("OIDC_CLIENT_SECRET or OIDC_PRIVATE_KEY: one is required when NODE_ENV=production (private_key_jwt needs OIDC_PRIVATE_KEY, a PEM or JWK)");
    }
  }
  if (raw.OIDC_ISSUER !== undefined && raw.OIDC_CLIENT_ID === undefined) {
    problems.push("OIDC_CLIENT_ID: required when OIDC_ISSUER is set; use the client id registered with that issuer");
  }
  const rawNotify = raw as unknown as Record<string, string | undefined>;
  if (raw.NOTIFY_API_KEY !== undefined) {
    for (const name of NOTIFY_TEMPLATE_NAMES) {
      if (rawNotify[name] === undefined) {
        problems.push(`${name}: required when NOTIFY_API_KEY is set; paste that template's ID from Notify (npm run cli -- notify templates prints the texts)`);
      }
    }
  }
  if (raw.LIVE_PORT !== undefined && raw.LIVE_PORT === raw.PORT)
    problems.push(`LIVE_PORT: must not be PORT (${raw.PORT}); use another port, e.g. 3001, or leave it unset`);
  if (problems.length > 0) return { ok: false, problems };

  return {
    ok: true,
    env: {
      nodeEnv: raw.NODE_ENV,
      port: raw.PORT,
      livePort: raw.LIVE_PORT,
      host: raw.HOST,
      databaseUrl: raw.DATABASE_URL,
      dataDir: raw.DATA_DIR,
      redisUrl: raw.REDIS_URL,
      publicUrl: (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, ""),
      sessionSecret: raw.SESSION_SECRET ?? DEVELOPMENT_SESSION_SECRET,
      oidc: {
        issuer: raw.OIDC_ISSUER,
        clientId: raw.OIDC_CLIENT_ID,
        clientSecret: raw.OIDC_CLIENT_SECRET,
        privateKey: raw.OIDC_PRIVATE_KEY,
      },
      stripe: { secretKey: raw.STRIPE_SECRET_KEY, webhookSecret: raw.STRIPE_WEBHOOK_SECRET, apiBase: raw.STRIPE_API_BASE },
      billingIntervalMs: raw.BILLING_INTERVAL_MS,
      notify: {
        apiKey: raw.NOTIFY_API_KEY,
        apiBase: raw.NOTIFY_API_BASE,
        templates: Object.fromEntries(
          [...NOTIFICATION_KINDS, DIGEST_TEMPLATE].flatMap((name) => {
            const id = rawNotify[`NOTIFY_TEMPLATE_${name.toUpperCase()}`];
            return id === undefined ? [] : [[name, id]];
          }),
        ),
      },
      outboxIntervalMs: raw.OUTBOX_INTERVAL_MS,
      // Behind a load balancer (production) the probe needs time to notice; elsewhere stop at once.
      drainDelayMs: raw.DRAIN_DELAY_MS ?? (raw.NODE_ENV === "production" ? DEFAULT_PRODUCTION_DRAIN_DELAY_MS : 0),
      logLevel: raw.LOG_LEVEL ?? (raw.NODE_ENV === "test" ? "silent" : "info"),
      seedDemo: raw.SEED_DEMO ?? raw.NODE_ENV !== "production",
      adminEmails: (raw.ADMIN_EMAILS ?? "")
        .split(",")
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean),
      ocdsOcidPrefix: raw.OCDS_OCID_PREFIX ?? DEFAULT_OCDS_OCID_PREFIX,
    },
  };
}

/** Reads process.env once at boot; on any problem prints every one with how to fix it and exits 1. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = parseEnv(source);
  if (result.ok) return result.env;
  process.stderr.write(
    `Placement Exchange cannot start: the environment has ${result.problems.length} problem(s).\n` +
      result.problems.map((p) => `  - ${p}\n`).join("") +
      "See the configuration table in README.md.\n",
  );
  process.exit(1);
}
