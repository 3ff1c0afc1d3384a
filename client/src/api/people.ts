import { useCallback } from "react";
import {
  type Invitation,
  type InvitationCreateInput,
  InvitationListSchema,
  InvitationResponseSchema,
  type Member,
  MemberListSchema,
  MemberResponseSchema,
  type MemberUpdateInput,
  type Organisation,
} from "@shared/schemas/identity";
import { apiRequest, apiSend } from "./http";
import { fetchOrganisation } from "./organisations";
import { useApiQuery } from "./use-api-query";

export interface OrganisationPeople {
  organisation: Organisation;
  members: Member[];
  invitations: Invitation[];
}

const base = (organisationId: string) => `/api/v1/organisations/${encodeURIComponent(organisationId)}`;

export async function fetchOrganisationPeople(organisationId: string, signal: AbortSignal): Promise<OrganisationPeople> {
  const [organisation, members, invitations] = await Promise.all([
    fetchOrganisation(organisationId, signal),
    apiRequest(`${base(organisationId)}/members`, MemberListSchema, { signal }),
    apiRequest(`${base(organisationId)}/invitations`, InvitationListSchema, { signal }),
  ]);
  return { organisation, members: members.data, invitations: invitations.data };
}

export function useOrganisationPeople(organisationId: string) {
  const load = useCallback((signal: AbortSignal) => fetchOrganisationPeople(organisationId, signal), [organisationId]);
  return useApiQuery(load);
}

export async function updateMember(organisationId: string, userId: string, input: MemberUpdateInput): Promise<Member> {
  const { data } = await apiRequest(`${base(organisationId)}/members/${encodeURIComponent(userId)}`, MemberResponseSchema, {
    method: "PATCH",
    body: input,
  });
  return data;
}

export async function removeMember(organisationId: string, userId: string): Promise<void> {
  await apiSend(`${base(organisationId)}/members/${encodeURIComponent(userId)}`, { method: "DELETE" });
}

export async function invitePerson(organisationId: string, input: InvitationCreateInput): Promise<Invitation> {
  const { data } = await apiRequest(`${base(organisationId)}/invitations`, InvitationResponseSchema, { method: "POST", body: input });
  return data;
}

export async function revokeInvitation(organisationId: string, invitationId: string): Promise<void> {
  await apiSend(`${base(organisationId)}/invitations/${encodeURIComponent(invitationId)}`, { method: "DELETE" });
}
