import { boolean, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { Role } from "@shared/codes/roles";
import { organisations } from "./organisations";

const at = (name: string) => timestamp(name, { withTimezone: true });

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  issuer: text("issuer").notNull(),
  subject: text("subject").notNull(),
  email: text("email").notNull(),
  emailVerified: boolean("email_verified").notNull().default(false),
  displayName: text("display_name"),
  organisationId: uuid("organisation_id").references(() => organisations.id),
  role: text("role").$type<Role>(),
  orgAdmin: boolean("org_admin").notNull().default(false),
  disabledAt: at("disabled_at"),
  createdAt: at("created_at").notNull().defaultNow(),
  lastSignInAt: at("last_sign_in_at"),
});

export const invitations = pgTable("invitations", {
  id: uuid("id").primaryKey().defaultRandom(),
  organisationId: uuid("organisation_id")
    .notNull()
    .references(() => organisations.id),
  email: text("email").notNull(),
  role: text("role").$type<Role>().notNull(),
  orgAdmin: boolean("org_admin").notNull().default(false),
  invitedBy: uuid("invited_by").references(() => users.id),
  createdAt: at("created_at").notNull().defaultNow(),
  expiresAt: at("expires_at"),
  acceptedAt: at("accepted_at"),
  acceptedBy: uuid("accepted_by").references(() => users.id),
  revokedAt: at("revoked_at"),
});

export const sessions = pgTable("sessions", {
  sid: text("sid").primaryKey(),
  data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
  createdAt: at("created_at").notNull().defaultNow(),
  expiresAt: at("expires_at").notNull(),
});

export const apiTokens = pgTable("api_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id),
  name: text("name").notNull(),
  prefix: text("prefix").notNull(),
  tokenHash: text("token_hash").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
  expiresAt: at("expires_at").notNull(),
  lastUsedAt: at("last_used_at"),
  revokedAt: at("revoked_at"),
});
