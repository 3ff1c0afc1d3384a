const HOUR = 3_600_000;

/**
 * When providers' questions close, unless the council set a time: 24 hours before the deadline, so
 * the council has a day to answer before offers close; a request that runs less than 48 hours
 * (urgent ones) keeps questions open for its first half instead, so it always has a window for
 * them. It is computed, not stored, so it moves with an extended deadline.
 */
export function questionsCloseAt(request: { deadline: Date; questionsCloseAt: Date | null; openedAt: Date | null; createdAt: Date }): Date {
  if (request.questionsCloseAt) return request.questionsCloseAt;
  const start = (request.openedAt ?? request.createdAt).getTime();
  const deadline = request.deadline.getTime();
  return new Date(deadline - Math.min(24 * HOUR, Math.max(0, (deadline - start) / 2)));
}
