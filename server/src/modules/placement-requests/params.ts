import { z } from "zod";

const id = z.uuid({ error: "Not a valid id" });
export const OfferParamsSchema = z.object({ id, offerId: id }).strict();
export const ClarificationParamsSchema = z.object({ id, clarificationId: id }).strict();

/** The Idempotency-Key header, when sent: a client-made unique string per submission. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  const key = header?.trim();
  return key ? key.slice(0, 200) : undefined;
}
