import { type ApiError, DomainErrorCode, ErrorCode, type ValidationIssue } from "@shared/errors";

/** An error meant for the client: its status, code and message are shown as they are. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly issues?: ValidationIssue[],
    /** Which domain rule refused it (ApiError's `reason`); `code` stays the HTTP class. */
    readonly reason?: DomainErrorCode,
    /** What the person should see before confirming (reason confirmation_required). */
    readonly extra?: Pick<ApiError, "pricesAboveCeiling">,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "The resource") => new AppError(ErrorCode.NotFound, 404, `${what} was not found.`);
export const unauthorized = () => new AppError(ErrorCode.Unauthorized, 401, "Sign in, or send an API token as 'Authorization: Bearer <token>'.");
export const forbidden = (message = "You do not have permission to do that.", reason?: DomainErrorCode) =>
  new AppError(ErrorCode.Forbidden, 403, message, undefined, reason);
export const conflict = (message: string, reason?: DomainErrorCode) => new AppError(ErrorCode.Conflict, 409, message, undefined, reason);
/** A change that affects others, refused until it is sent again confirmed; `extra` lists what it affects. */
export const confirmationRequired = (message: string, extra: NonNullable<AppError["extra"]>) =>
  new AppError(ErrorCode.Conflict, 409, message, undefined, DomainErrorCode.ConfirmationRequired, extra);
export const validationFailed = (issues: ValidationIssue[], reason?: DomainErrorCode) =>
  new AppError(ErrorCode.ValidationError, 400, "The request has problems; see issues for each one.", issues, reason);
