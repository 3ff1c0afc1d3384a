/**
 * PostgreSQL's unique_violation (23505), whether the driver's error arrives as is or wrapped
 * by Drizzle (which keeps the driver's error as `cause`).
 */
export const isUniqueViolation = (error: unknown): boolean =>
  ((error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code) === "23505";
