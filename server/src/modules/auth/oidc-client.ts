import { importJWK, importPKCS8 } from "jose";
import * as client from "openid-client";
import type { Env } from "../../env";

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret?: string | undefined;
  /** PEM (PKCS#8) or JWK JSON, for private_key_jwt (GOV.UK One Login requires it). */
  privateKey?: string | undefined;
  /**
   * Plain-http issuer allowed: only ever true for the embedded development provider. A
   * configured issuer must be https, so tokens and codes never cross the network in clear.
   */
  embedded: boolean;
}

async function clientAuthentication(settings: OidcSettings): Promise<client.ClientAuth | undefined> {
  if (!settings.privateKey) return undefined;
  const text = settings.privateKey.trim();
  if (text.startsWith("{")) {
    const jwk = JSON.parse(text) as { kid?: string; alg?: string };
    const key = (await importJWK(jwk, jwk.alg ?? "RS256")) as CryptoKey;
    return client.PrivateKeyJwt(jwk.kid ? { key, kid: jwk.kid } : key);
  }
  return client.PrivateKeyJwt(await importPKCS8(text.replace(/\\n/g, "\n"), "RS256"));
}

/** Reads the issuer's metadata and JWKS location (OpenID Connect Discovery). */
export async function discoverIssuer(settings: OidcSettings): Promise<client.Configuration> {
  const config = await client.discovery(
    settings.issuer,
    settings.clientId,
    settings.clientSecret,
    await clientAuthentication(settings),
    settings.embedded ? { execute: [client.allowInsecureRequests] } : undefined,
  );
  // By default openid-client trusts TLS for ID tokens from the token endpoint and skips the
  // signature (OIDC Core 3.1.3.7 allows it). We check it against the issuer's JWKS anyway: a
  // compromised proxy or a mis-issued certificate must not be enough to sign someone in.
  client.enableNonRepudiationChecks(config);
  return config;
}

/** Settings from the environment; without OIDC_ISSUER, the embedded provider's client. */
export function oidcSettings(env: Env, embedded: { clientId: string; clientSecret: string } | undefined): OidcSettings {
  if (env.oidc.issuer && env.oidc.clientId) {
    return {
      issuer: new URL(env.oidc.issuer),
      clientId: env.oidc.clientId,
      clientSecret: env.oidc.clientSecret,
      privateKey: env.oidc.privateKey,
      embedded: false,
    };
  }
  if (!embedded) throw new Error("No OIDC_ISSUER is configured and the development provider is not running.");
  return { issuer: new URL(`${env.publicUrl}/idp`), clientId: embedded.clientId, clientSecret: embedded.clientSecret, embedded: true };
}
