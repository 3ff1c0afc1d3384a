/**
 * How people from the embedded development provider are recorded. Its real issuer URL follows
 * PUBLIC_URL (and so the port); recording a fixed key instead keeps a demo person the same
 * person when the app moves port. Only ever used after openid-client has checked the real
 * issuer against the discovery document.
 */
export const EMBEDDED_ISSUER_KEY = "urn:placement-exchange:development-provider";
