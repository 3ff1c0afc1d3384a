import { Router } from "express";
import { IdParamsSchema } from "@shared/schemas/params";
import { OfferParamsSchema } from "@shared/schemas/params";
import {
  ClarificationAskSchema,
  ClarificationResponseSchema,
  DeclineSchema,
  OfferReceiptResponseSchema,
  OfferSubmitSchema,
  PriceRevisionSchema,
  RequestViewResponseSchema,
} from "@shared/schemas/placement-requests";
import type { Db } from "../../db/client";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { askClarification } from "./commands/clarify";
import { declineInvitation, withdrawOffer } from "./commands/respond";
import { revisePrice } from "./commands/revise-price";
import { submitOffer } from "./commands/submit-offer";
import { providerOf } from "./load";
import { idempotencyKeyOf } from "./params";
import { loadRequestFor } from "./queries";
import { buildClarificationView, buildRequestView } from "./view";

/**
 * What invited providers do: offer, revise, withdraw, decline, ask. Each route reads top to
 * bottom: the provider (load and policy, providerOf), the command (its own transaction, which
 * queues its live events: live-outbox.ts), the answer.
 */
export function responseRoutes({ db }: { db: Db }): Router {
  const router = Router();
  const common = { tag: "placement requests", access: "signed-in" as const, before: [requireMember()] };
  const current = async (actor: Parameters<typeof loadRequestFor>[1], id: string) => (await loadRequestFor(db, actor, id)).request;

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/placement-requests/:id/offers",
    summary: "Offer (201) or revise your offer (200, a new version) for one of your invited settings; send Idempotency-Key to make retries safe",
    input: { params: IdParamsSchema, body: OfferSubmitSchema },
    responses: {
      201: { description: "Stored: the receipt, by the server's clock", schema: OfferReceiptResponseSchema },
      200: { description: "A revision stored, or a retried submission's first receipt", schema: OfferReceiptResponseSchema },
      409: { description: "The request closed at its deadline" },
    },
    handler: async (req, res, input) => {
      // The provider's check is the command's first read (lockRequestAsProvider: the same 404 and
      // 403 as providerOf), under the request's lock: read here too, every offer would cost a
      // round trip more, which counts where PostgreSQL is a network away (ADR 0026).
      const actor = memberOf(req);
      const result = await submitOffer({
        db,
        actor,
        requestId: input.params.id,
        input: input.body,
        idempotencyKey: idempotencyKeyOf(req.get("Idempotency-Key")),
        ip: req.ip,
      });
      res.status(result.status).json(result.body);
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/placement-requests/:id/offers/:offerId/withdraw",
    summary: "Withdraw your offer before the deadline (its versions stay on record)",
    input: { params: OfferParamsSchema },
    responses: { 200: { description: "Withdrawn", schema: RequestViewResponseSchema } },
    handler: async (req, res, input) => {
      const actor = await providerOf(db, req, input.params.id);
      await withdrawOffer({ db, actor, requestId: input.params.id, offerId: input.params.offerId, ip: req.ip });
      const request = await current(actor, input.params.id);
      res.json({ data: await buildRequestView(db, request, { kind: "provider", organisationId: actor.organisationId }) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/placement-requests/:id/offers/:offerId/price",
    summary: "Ranked mode's price round: lower your weekly fee; you see your new rank, never others' prices",
    input: { params: OfferParamsSchema, body: PriceRevisionSchema },
    responses: { 200: { description: "The new version's receipt", schema: OfferReceiptResponseSchema } },
    handler: async (req, res, input) => {
      const actor = await providerOf(db, req, input.params.id);
      const result = await revisePrice({
        db,
        actor,
        requestId: input.params.id,
        offerId: input.params.offerId,
        fee: input.body.fee,
        justification: input.body.justification,
        idempotencyKey: idempotencyKeyOf(req.get("Idempotency-Key")),
        ip: req.ip,
      });
      res.status(result.status).json(result.body);
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/placement-requests/:id/declines",
    summary: "Decline for one of your invited settings, with a reason",
    input: { params: IdParamsSchema, body: DeclineSchema },
    responses: { 200: { description: "Declined", schema: RequestViewResponseSchema } },
    handler: async (req, res, input) => {
      const actor = await providerOf(db, req, input.params.id);
      await declineInvitation({ db, actor, requestId: input.params.id, input: input.body, ip: req.ip });
      const request = await current(actor, input.params.id);
      res.json({ data: await buildRequestView(db, request, { kind: "provider", organisationId: actor.organisationId }) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/placement-requests/:id/clarifications",
    summary: "Ask the council a question about the request (private to it until answered)",
    input: { params: IdParamsSchema, body: ClarificationAskSchema },
    responses: { 201: { description: "Asked", schema: ClarificationResponseSchema } },
    handler: async (req, res, input) => {
      const actor = await providerOf(db, req, input.params.id);
      const { row } = await askClarification({ db, actor, requestId: input.params.id, question: input.body.question, ip: req.ip });
      res.status(201).json({ data: await buildClarificationView(db, { kind: "provider", organisationId: actor.organisationId }, row) });
    },
  });
  return router;
}
