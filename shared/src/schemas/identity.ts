import { z } from "zod";
import { ORGANISATION_KINDS } from "../codes/organisation-kinds";
import { ROLES } from "../codes/roles";
import { plainText } from "./primitives";

export const RoleSchema = z.enum(ROLES, { error: "Select a role" });
export const OrganisationKindSchema = z.enum(ORGANISATION_KINDS, { error: "Select the kind of organisation" });

export const OrganisationSchema = z.object({
  id: z.uuid(),
  regionId: z.uuid(),
  kind: OrganisationKindSchema,
  name: z.string(),
  laCode: z.string().nullable(),
  /** A council's contact for placements, shown to the provider it awards. */
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  companiesHouseNumber: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

/** An organisation's contact e-mail: a role mailbox, like placements@council.gov.uk. */
const contactEmail = () =>
  plainText()
    .trim()
    .max(320, { error: "The e-mail address must be 320 characters or fewer" })
    .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: "Enter an e-mail address in the correct format, like placements@council.gov.uk" });
const contactPhone = () =>
  plainText()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,40}$/, { error: "Enter a telephone number, like 0161 234 5000" });

export const OrganisationCreateSchema = z
  .object({
    name: plainText().trim().min(1, { error: "Enter the organisation's name" }).max(200, { error: "Name must be 200 characters or fewer" }),
    kind: OrganisationKindSchema,
    laCode: plainText()
      .trim()
      .regex(/^\d{3}$/, { error: "Enter the local authority code as 3 digits, like 352" })
      .optional(),
    companiesHouseNumber: plainText()
      .trim()
      .toUpperCase()
      .regex(/^([0-9]{8}|[A-Z]{2}[0-9]{6})$/, { error: "Enter a Companies House number, like 01234567 or SC123456" })
      .optional(),
    /** A council's contact for placements (its award letters name it). */
    contactEmail: contactEmail().optional(),
    contactPhone: contactPhone().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.kind === "council" || value.kind === "parent_forum") && !value.laCode) {
      ctx.addIssue({ code: "custom", path: ["laCode"], message: "Enter the local authority code for a council or Parent Carer Forum" });
    }
  });
export type OrganisationCreateInput = z.infer<typeof OrganisationCreateSchema>;

/** Changing an organisation's contact: both answers each time; null removes one. */
export const OrganisationContactUpdateSchema = z
  .object({
    contactEmail: contactEmail().nullable(),
    contactPhone: contactPhone().nullable(),
  })
  .strict();
export type OrganisationContactUpdateInput = z.infer<typeof OrganisationContactUpdateSchema>;

export const OrganisationListSchema = z.object({ data: z.array(OrganisationSchema) });
export const OrganisationResponseSchema = z.object({ data: OrganisationSchema });

export const MeSchema = z.object({
  data: z.object({
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      displayName: z.string().nullable(),
      /** Null until the person has joined an organisation. */
      role: RoleSchema.nullable(),
      orgAdmin: z.boolean(),
    }),
    organisation: z.object({ id: z.uuid(), name: z.string(), kind: OrganisationKindSchema }).nullable(),
    authenticatedBy: z.enum(["session", "token"]),
    /** Send as X-CSRF-Token on cookie-authenticated writes (session sign-ins only). */
    csrfToken: z.string().optional(),
  }),
});
export type Me = z.infer<typeof MeSchema>["data"];

export const MemberSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string().nullable(),
  role: RoleSchema,
  orgAdmin: z.boolean(),
  lastSignInAt: z.iso.datetime().nullable(),
});
export type Member = z.infer<typeof MemberSchema>;
export const MemberListSchema = z.object({ data: z.array(MemberSchema) });
export const MemberResponseSchema = z.object({ data: MemberSchema });

export const MemberUpdateSchema = z
  .object({ role: RoleSchema.optional(), orgAdmin: z.boolean().optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.orgAdmin !== undefined, { error: "Change the role or the administrator setting" });
export type MemberUpdateInput = z.infer<typeof MemberUpdateSchema>;

export const InvitationSchema = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  email: z.string(),
  role: RoleSchema,
  orgAdmin: z.boolean(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  acceptedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type Invitation = z.infer<typeof InvitationSchema>;
export const InvitationListSchema = z.object({ data: z.array(InvitationSchema) });
export const InvitationResponseSchema = z.object({ data: InvitationSchema });

export const InvitationCreateSchema = z
  .object({
    email: plainText()
      .trim()
      .toLowerCase()
      .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.gov.uk" })),
    role: RoleSchema,
    orgAdmin: z.boolean().default(false),
  })
  .strict();
export type InvitationCreateInput = z.infer<typeof InvitationCreateSchema>;

export const ApiTokenSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The token's first characters, so a person can tell tokens apart; never the secret. */
  prefix: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export const ApiTokenListSchema = z.object({ data: z.array(ApiTokenSchema) });

export const API_TOKEN_MAX_DAYS = 365;
export const ApiTokenCreateSchema = z
  .object({
    name: plainText()
      .trim()
      .min(1, { error: "Enter a name for the token, like 'Case management system'" })
      .max(80, { error: "Name must be 80 characters or fewer" }),
    expiresInDays: z
      .number({ error: "Enter the number of days the token lasts" })
      .int({ error: "Enter a whole number of days" })
      .min(1, { error: "A token must last at least 1 day" })
      .max(API_TOKEN_MAX_DAYS, { error: `A token can last at most ${API_TOKEN_MAX_DAYS} days` })
      .default(90),
  })
  .strict();
export type ApiTokenCreateInput = z.infer<typeof ApiTokenCreateSchema>;

/** Shown once, when the token is made: the secret is stored only as a hash. */
export const ApiTokenCreatedSchema = z.object({ data: ApiTokenSchema.extend({ token: z.string() }) });
