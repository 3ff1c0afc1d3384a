import { type ServiceFeedbackCreateInput, type ServiceFeedbackReceipt, ServiceFeedbackReceiptSchema } from "@shared/schemas/service-feedback";
import { apiRequest } from "./http";

export async function submitServiceFeedback(input: ServiceFeedbackCreateInput): Promise<ServiceFeedbackReceipt["data"]> {
  const { data } = await apiRequest("/api/v1/service-feedback", ServiceFeedbackReceiptSchema, {
    method: "POST",
    body: input,
  });
  return data;
}
