import type { ServiceFeedbackCreateInput } from "@shared/schemas/service-feedback";
import type { Db } from "../../../db/client";
import { serviceFeedback } from "../../../db/schema";

export interface CreateServiceFeedbackProps {
  db: Db;
  /** Validated feedback; anonymous by design, so nothing identifies who sent it. */
  input: ServiceFeedbackCreateInput;
}

export async function createServiceFeedback({ db, input }: CreateServiceFeedbackProps) {
  const [row] = await db
    .insert(serviceFeedback)
    .values({ rating: input.rating, comments: input.comments || null, page: input.page ?? null })
    .returning();
  if (!row) throw new Error("service feedback insert returned nothing");
  return row;
}
