import { ErrorCode, type ValidationIssue } from "../../../shared/src/errors";

/** An error meant for the client: its status, code and message are shown as they are. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly issues?: ValidationIssue[],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "The resource") => new AppError(ErrorCode.NotFound, 404, `${what} was not found.`);
export const unauthorized = () =>
  new AppError(ErrorCode.Unauthorized, 401, "Sign in, or send an API token as 'Authorization: Bearer <token>'.");
export const forbidden = (message = "You do not have permission to do that.") =>
  new AppError(ErrorCode.Forbidden, 403, message);
export const conflict = (message: string) => new AppError(ErrorCode.Conflict, 409, message);
export const validationFailed = (issues: ValidationIssue[]) =>
  new AppError(ErrorCode.ValidationError, 400, "The request has problems; see issues for each one.", issues);
