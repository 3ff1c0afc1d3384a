import type { Router } from "express";
import { RequestAmendSchema } from "@shared/schemas/placement-requests";
import type { Db } from "../../db/client";
import { buyerStep } from "./buyer-step";
import { amendRequest } from "./commands/amend";

/** Amending an open request before its deadline (the council only); every viewer's page follows it live. */
export function amendmentRoutes(router: Router, { db }: { db: Db }): void {
  buyerStep(router, db, {
    path: "/api/v1/placement-requests/:id/amendments",
    summary:
      "Amend an open request before its deadline: a later deadline, when questions close, clearer criteria wording or a note; numbered, audited, every invited provider told",
    description: "The request after the amendment, with every amendment listed",
    body: RequestAmendSchema,
    run: async ({ actor, request, body, ip }) => (await amendRequest({ db, actor, request, input: body, ip })).request,
  });
}
