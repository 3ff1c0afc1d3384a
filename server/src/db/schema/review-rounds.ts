import { integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { frameworks } from "./frameworks";
import { users } from "./identity";
import { organisations } from "./organisations";

const at = (name: string) => timestamp(name, { withTimezone: true });

export const reviewRounds = pgTable("review_rounds", {
  id: uuid("id").primaryKey().defaultRandom(),
  frameworkId: uuid("framework_id")
    .notNull()
    .references(() => frameworks.id),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  opensAt: at("opens_at").notNull(),
  closesAt: at("closes_at").notNull(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: at("created_at").notNull().defaultNow(),
});

export const reviewRoundForums = pgTable(
  "review_round_forums",
  {
    roundId: uuid("round_id")
      .notNull()
      .references(() => reviewRounds.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.organisationId] })],
);

const part = (name: string, titleColumn: string) =>
  pgTable(name, {
    id: uuid("id").primaryKey().defaultRandom(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => reviewRounds.id),
    position: integer("position").notNull(),
    title: text(titleColumn).notNull(),
    body: text(titleColumn === "heading" ? "body" : "description")
      .notNull()
      .default(""),
  });

export const reviewSections = part("review_sections", "heading");
export const reviewProposals = part("review_proposals", "title");
export const reviewCriteria = part("review_criteria", "name");

export const reviewVotes = pgTable(
  "review_votes",
  {
    proposalId: uuid("proposal_id")
      .notNull()
      .references(() => reviewProposals.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    choice: text("choice").$type<"for" | "against" | "abstain">().notNull(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.userId] })],
);

export const reviewRatings = pgTable(
  "review_ratings",
  {
    criterionId: uuid("criterion_id")
      .notNull()
      .references(() => reviewCriteria.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    rating: smallint("rating").notNull(),
    updatedAt: at("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.criterionId, t.userId] })],
);

export const reviewComments = pgTable("review_comments", {
  id: uuid("id").primaryKey().defaultRandom(),
  roundId: uuid("round_id")
    .notNull()
    .references(() => reviewRounds.id),
  sectionId: uuid("section_id")
    .notNull()
    .references(() => reviewSections.id),
  parentId: uuid("parent_id"),
  authorUserId: uuid("author_user_id")
    .notNull()
    .references(() => users.id),
  authorOrganisationId: uuid("author_organisation_id")
    .notNull()
    .references(() => organisations.id),
  body: text("body").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
  hiddenAt: at("hidden_at"),
  hiddenReason: text("hidden_reason"),
  hiddenBy: uuid("hidden_by").references(() => users.id),
});

export const reviewThemes = pgTable("review_themes", {
  id: uuid("id").primaryKey().defaultRandom(),
  roundId: uuid("round_id")
    .notNull()
    .references(() => reviewRounds.id),
  title: text("title").notNull(),
  answer: text("answer").notNull().default(""),
  createdAt: at("created_at").notNull().defaultNow(),
  updatedAt: at("updated_at").notNull().defaultNow(),
});

export const reviewThemeComments = pgTable(
  "review_theme_comments",
  {
    themeId: uuid("theme_id")
      .notNull()
      .references(() => reviewThemes.id, { onDelete: "cascade" }),
    commentId: uuid("comment_id")
      .notNull()
      .references(() => reviewComments.id),
  },
  (t) => [primaryKey({ columns: [t.themeId, t.commentId] })],
);

/** When a panel member last opened a round: "new since your last visit" is counted from it. */
export const reviewRoundVisits = pgTable(
  "review_round_visits",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => reviewRounds.id),
    lastSeenAt: at("last_seen_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roundId] })],
);
