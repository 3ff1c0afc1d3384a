import { Router } from "express";
import { ServiceFeedbackCreateSchema, ServiceFeedbackReceiptSchema } from "@shared/schemas/service-feedback";
import type { Db } from "../../db/client";
import { defineRoute } from "../../http/route";
import { createServiceFeedback } from "./commands/create-service-feedback";
import { presentReceipt } from "./present";

export function serviceFeedbackRoutes(db: Db): Router {
  const router = Router();
  defineRoute(router, {
    method: "post",
    path: "/api/v1/service-feedback",
    summary: "Send anonymous feedback about this service",
    tag: "feedback",
    access: "public",
    input: { body: ServiceFeedbackCreateSchema },
    responses: { 201: { description: "Feedback received", schema: ServiceFeedbackReceiptSchema } },
    handler: async (_req, res, input) => {
      const row = await createServiceFeedback({ db, input: input.body });
      res.status(201).json({ data: presentReceipt(row) });
    },
  });
  return router;
}
