/** The Idempotency-Key header, when sent: a client-made unique string per submission. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  const key = header?.trim();
  return key ? key.slice(0, 200) : undefined;
}
