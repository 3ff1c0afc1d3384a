import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import type Provider from "oidc-provider";
import type { KoaContextWithOIDC } from "oidc-provider";
import type { Env } from "../../env";

export interface DevAccountClaims {
  email: string;
  name: string;
  emailVerified: boolean;
}

export interface DevIdentityProvider {
  provider: Provider;
  issuer: string;
  client: { clientId: string; clientSecret: string };
  /** The ID-token signing key (private JWK); tests use it to forge tokens the app must refuse. */
  signingKey: JWK;
  /** People who have signed in here, by subject. */
  accounts: Map<string, DevAccountClaims>;
}

// Our own first-party client: consent would only ask the person to approve us to ourselves.
async function loadExistingGrant(ctx: KoaContextWithOIDC) {
  const { Grant } = ctx.oidc.provider;
  const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session?.grantIdFor(ctx.oidc.client?.clientId ?? "");
  if (grantId) return Grant.find(grantId);
  const grant = new Grant({ clientId: ctx.oidc.client?.clientId, accountId: ctx.oidc.session?.accountId });
  grant.addOIDCScope("openid email profile");
  await grant.save();
  return grant;
}

/**
 * The embedded development OpenID provider (oidc-provider, a certified implementation), at
 * PUBLIC_URL/idp. Everything about sign-in goes through the real protocol against it.
 */
// oidc-provider prints two warnings about choices made knowingly (docs/domain/signing-in-and-access.md):
// it prefers Node 22 (it runs on 20.19+, as the tests show), and it keeps its state in memory
// (this provider serves one development node). Printed on every start and in every test file
// they would bury real warnings, so these two, and only these, are left out at their source.
const KNOWN_WARNINGS = [/^oidc-provider WARNING: Unsupported runtime/, /^oidc-provider WARNING: a quick start development-only in-memory adapter/];

async function withoutKnownWarnings<T>(work: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && KNOWN_WARNINGS.some((known) => known.test(args[0] as string))) return;
    warn(...args);
  };
  try {
    return await work();
  } finally {
    console.warn = warn;
  }
}

export async function createDevIdentityProvider(env: Env): Promise<DevIdentityProvider> {
  if (env.nodeEnv === "production") throw new Error("The development identity provider never runs in production: set OIDC_ISSUER.");
  const issuer = `${env.publicUrl}/idp`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const signingKey: JWK = { ...(await exportJWK(privateKey)), kid: `dev-${randomBytes(4).toString("hex")}`, alg: "RS256", use: "sig" };
  const client = { clientId: "placement-exchange-dev", clientSecret: randomBytes(24).toString("base64url") };
  const accounts = new Map<string, DevAccountClaims>();

  const provider = await withoutKnownWarnings(async () => {
    const { default: OidcProvider } = await import("oidc-provider");
    return new OidcProvider(issuer, {
      clients: [
        {
          client_id: client.clientId,
          client_secret: client.clientSecret,
          redirect_uris: [`${env.publicUrl}/auth/callback`],
          response_types: ["code"],
          grant_types: ["authorization_code"],
          token_endpoint_auth_method: "client_secret_basic",
        },
      ],
      pkce: { required: () => true },
      claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
      // Put the e-mail in the ID token itself, so the app needs no userinfo call.
      conformIdTokenClaims: false,
      findAccount: (_ctx, sub) => {
        const account = accounts.get(sub);
        if (!account) return undefined;
        return {
          accountId: sub,
          claims: () => ({ sub, email: account.email, email_verified: account.emailVerified, name: account.name }),
        };
      },
      interactions: { url: (_ctx, interaction) => `/idp/interaction/${interaction.uid}` },
      features: { devInteractions: { enabled: false } },
      jwks: { keys: [signingKey as never] },
      cookies: { keys: [env.sessionSecret] },
      loadExistingGrant,
      ttl: { AuthorizationCode: 60, IdToken: 600, AccessToken: 600, Interaction: 900, Session: 3600, Grant: 3600 },
      renderError: (ctx, out) => {
        ctx.type = "html";
        const text = Object.entries(out)
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join("\n")
          .replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c] ?? c);
        ctx.body = `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Sign-in error – Placement Exchange</title></head><body><main><h1>Sign-in error</h1><pre>${text}</pre><p><a href="/sign-in">Try signing in again</a></p></main></body></html>`;
      },
    });
  });
  provider.proxy = true;
  return { provider, issuer, client, signingKey, accounts };
}
