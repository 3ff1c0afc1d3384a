import { createHash, randomBytes } from "node:crypto";

// "pxt_" makes a leaked token recognisable to secret scanners; 32 random bytes make it unguessable.
const TOKEN_PATTERN = /^pxt_[A-Za-z0-9_-]{43}$/;

export function generateTokenSecret(): { token: string; prefix: string; hash: string } {
  const token = `pxt_${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, 12), hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const looksLikeToken = (value: string) => TOKEN_PATTERN.test(value);
