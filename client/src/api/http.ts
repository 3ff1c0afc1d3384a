import type { z } from "zod";
import { type ApiError, ApiErrorSchema, ErrorCode } from "@shared/errors";

/**
 * A request the API refused or could not answer; `error.code` says why and, for a domain rule,
 * `error.reason` which one (switch on them, never on the message).
 */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly error: ApiError;

  constructor(status: number, error: ApiError) {
    super(`${status} ${error.code}: ${error.message}`);
    this.name = "ApiRequestError";
    this.status = status;
    this.error = error;
  }
}

let csrfToken: string | undefined;

/**
 * The session's CSRF token, sent as X-CSRF-Token on every write. The server also accepts a
 * same-origin Origin header, but a browser or proxy that drops Origin must not break writes.
 */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export interface ApiRequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  signal?: AbortSignal;
  /** Extra headers, e.g. an Idempotency-Key that makes a retried write safe. */
  headers?: Record<string, string>;
}

/**
 * Calls the JSON API and parses the answer with `schema`, so a page only ever sees data of
 * the shape shared/ promises. Failures become ApiRequestError whatever went wrong (an error
 * body, a proxy's HTML page, no network) so callers handle one type.
 */
export async function apiRequest<T>(path: string, schema: z.ZodType<T>, options: ApiRequestOptions = {}): Promise<T> {
  const { method = "GET" } = options;
  const { status, payload } = await send(path, options);
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new ApiRequestError(status, {
      code: ErrorCode.InternalError,
      message: `The response from ${method} ${path} was not in the expected shape`,
    });
  }
  return parsed.data;
}

/** For writes that answer 204 No Content (revoke, remove): success is the absence of an error. */
export async function apiSend(path: string, options: ApiRequestOptions): Promise<void> {
  await send(path, options);
}

async function send(path: string, options: ApiRequestOptions): Promise<{ status: number; payload: unknown }> {
  const { method = "GET", body, signal } = options;
  const headers: Record<string, string> = { ...options.headers, Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      signal,
    });
  } catch (cause) {
    // An abort is the caller's own decision, not a failure to report.
    if (signal?.aborted) throw cause;
    throw new ApiRequestError(0, { code: ErrorCode.ServiceUnavailable, message: "Could not reach the service" });
  }

  const payload: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);

  if (!response.ok) {
    const parsed = ApiErrorSchema.safeParse(payload);
    throw new ApiRequestError(response.status, parsed.success ? parsed.data : fallbackError(response.status));
  }
  return { status: response.status, payload };
}

function fallbackError(status: number): ApiError {
  if (status === 404) return { code: ErrorCode.NotFound, message: "Not found" };
  if (status === 429) return { code: ErrorCode.RateLimited, message: "Too many requests" };
  if (status === 502 || status === 503 || status === 504) {
    return { code: ErrorCode.ServiceUnavailable, message: "The service is unavailable" };
  }
  return { code: ErrorCode.InternalError, message: `Unexpected response (HTTP ${status})` };
}
