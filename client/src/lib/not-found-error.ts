import { ErrorCode } from "@shared/errors";
import { ApiRequestError } from "../api/http";

/** A setting that is not there, or not this provider's (the API answers 404 for both), is "not found". */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiRequestError && (error.error.code === ErrorCode.NotFound || error.error.code === ErrorCode.ValidationError);
}
