import { Router } from "express";
import {
  InvitationCreateSchema,
  InvitationListSchema,
  InvitationResponseSchema,
  MemberListSchema,
  MemberResponseSchema,
  MemberUpdateSchema,
} from "@shared/schemas/identity";
import { IdParamsSchema, InvitationParamsSchema, MemberParamsSchema } from "@shared/schemas/params";
import type { Db } from "../../db/client";
import { memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import type { LiveHub } from "../../realtime/live-hub";
import { invitePerson } from "./commands/invite-person";
import { removeMember } from "./commands/remove-member";
import { revokeInvitation } from "./commands/revoke-invitation";
import { updateMember } from "./commands/update-member";
import { presentInvitation, presentMember } from "./present";
import { listInvitations, listMembers, loadManageableOrganisation } from "./queries";

export function peopleRoutes({ db, live }: { db: Db; live: LiveHub }): Router {
  const router = Router();
  const common = { tag: "people", access: "signed-in" as const, before: [requireMember()] };

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/organisations/:id/members",
    summary: "The people in an organisation",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "Members", schema: MemberListSchema } },
    handler: async (req, res, input) => {
      const organisation = await loadManageableOrganisation(db, memberOf(req), input.params.id);
      res.json({ data: (await listMembers(db, organisation.id)).map(presentMember) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "patch",
    path: "/api/v1/organisations/:id/members/:userId",
    summary: "Change a person's role or whether they administer the organisation",
    input: { params: MemberParamsSchema, body: MemberUpdateSchema },
    responses: { 200: { description: "Changed", schema: MemberResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const organisation = await loadManageableOrganisation(db, actor, input.params.id);
      const row = await updateMember({ db, actor, organisation, userId: input.params.userId, input: input.body, ip: req.ip });
      res.json({ data: presentMember(row) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "delete",
    path: "/api/v1/organisations/:id/members/:userId",
    summary: "Remove a person from the organisation (their sessions and tokens end at once)",
    input: { params: MemberParamsSchema },
    responses: { 204: { description: "Removed" } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const organisation = await loadManageableOrganisation(db, actor, input.params.id);
      await removeMember({ db, live, actor, organisation, userId: input.params.userId, ip: req.ip });
      res.status(204).end();
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/organisations/:id/invitations",
    summary: "Invitations to an organisation, newest first",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "Invitations", schema: InvitationListSchema } },
    handler: async (req, res, input) => {
      const organisation = await loadManageableOrganisation(db, memberOf(req), input.params.id);
      res.json({ data: (await listInvitations(db, organisation.id)).map(presentInvitation) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/organisations/:id/invitations",
    summary: "Invite someone by e-mail with a role; their first sign-in with that verified address joins",
    input: { params: IdParamsSchema, body: InvitationCreateSchema },
    responses: { 201: { description: "Invited", schema: InvitationResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const organisation = await loadManageableOrganisation(db, actor, input.params.id);
      const row = await invitePerson({ db, actor, organisation, input: input.body, ip: req.ip });
      res.status(201).json({ data: presentInvitation(row) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "delete",
    path: "/api/v1/organisations/:id/invitations/:invitationId",
    summary: "Revoke an invitation that has not been accepted",
    input: { params: InvitationParamsSchema },
    responses: { 204: { description: "Revoked" } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const organisation = await loadManageableOrganisation(db, actor, input.params.id);
      await revokeInvitation({ db, actor, organisationId: organisation.id, invitationId: input.params.invitationId, ip: req.ip });
      res.status(204).end();
    },
  });
  return router;
}
