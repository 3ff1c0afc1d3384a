import { and, eq, inArray } from "drizzle-orm";
import type Stripe from "stripe";
import type { Db } from "../../server/src/db/client";
import {
  emailOutbox,
  notifications,
  organisations,
  providerMemberships,
  reviewComments,
  reviewRounds,
  reviewSections,
  settingClaims,
  settingFeedback,
  users,
} from "../../server/src/db/schema";
import { decideClaim } from "../../server/src/modules/directory/commands/decide-claim";
import { decideAdmission } from "../../server/src/modules/framework/commands/decide-admission";
import { type Actor, loadActor } from "../../server/src/modules/identity/actor";
import { announceClosedRounds } from "../../server/src/modules/notifications/round-announcer";
import { invitePerson } from "../../server/src/modules/organisations/commands/invite-person";
import { applySubscription } from "../../server/src/modules/payments/webhooks/apply-membership";
import { moderateComment, saveTheme } from "../../server/src/modules/review-rounds/commands/comment";
import { loadVisibleRound } from "../../server/src/modules/review-rounds/queries";
import { moderateFeedback } from "../../server/src/modules/setting-feedback/commands/moderate-feedback";
import { buildSetting } from "../factories/directory";
import { buildApplication, buildFrameworkWorld } from "../factories/frameworks";
import { buildOrganisation, buildRegion } from "../factories/organisations";
import { buildReviewPeople, buildReviewRound } from "../factories/review-rounds";
import { buildUser, type BuiltUser } from "../factories/users";
import { createTestDatabase, type TestDatabase } from "../setup/test-database";

let database: TestDatabase;
const db = (): Db => database.handle.db;

beforeAll(async () => {
  database = await createTestDatabase({ seed: false });
});
afterAll(() => database.drop());

const actorOf = async (who: BuiltUser) => (await loadActor(db(), who.user.id, "token")) as Actor;

/** Who has been told of a kind, among the given people (each once at most, by the unique about). */
async function told(kind: string, people: BuiltUser[]) {
  const rows = await db()
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.kind, kind as never),
        inArray(
          notifications.userId,
          people.map((p) => p.user.id),
        ),
      ),
    );
  return rows;
}
const ids = (rows: { userId: string }[]) => rows.map((r) => r.userId).sort();
const idsOf = (...people: BuiltUser[]) => people.map((p) => p.user.id).sort();
const disable = (who: BuiltUser) => db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, who.user.id));

describe("a review round opening", () => {
  it("tells the panel members of the forums asked, not another forum's, the hub or a disabled member", async () => {
    const people = await buildReviewPeople(db());
    const gone = await buildUser(db(), { role: "parent_panel", organisationId: people.forumId });
    await disable(gone);
    const otherForum = await buildOrganisation(db(), { kind: "parent_forum", regionId: people.regionId });
    const outsider = await buildUser(db(), { role: "parent_panel", organisationId: otherForum.id });
    const { round, hub } = await buildReviewRound(db(), { regionId: people.regionId, forumIds: [people.forumId], state: "upcoming" });

    const rows = await told("round_opened", [people.panel, people.colleague, gone, outsider, hub, people.hub]);
    expect(ids(rows)).toEqual(idsOf(people.panel, people.colleague));
    expect(rows[0]).toMatchObject({ title: `Review round: ${round.title}`, link: `/parent-panel/review-rounds/${round.id}` });
    expect(rows[0]?.body).toMatch(/opens on .* and closes on /);
    // E-mailed straight away by default, to the member's own address only.
    const mail = await db().select().from(emailOutbox).where(eq(emailOutbox.userId, people.panel.user.id));
    expect(mail.map((m) => [m.template, m.emailAddress])).toEqual([["round_opened", people.panel.user.email]]);
  });
});

describe("a review round closing and its summary", () => {
  it("tells the round's panel members once when it closes, and once when the hub answers after the close", async () => {
    const people = await buildReviewPeople(db());
    const otherForum = await buildOrganisation(db(), { kind: "parent_forum", regionId: people.regionId });
    const outsider = await buildUser(db(), { role: "parent_panel", organisationId: otherForum.id });
    const { round, hub } = await buildReviewRound(db(), { regionId: people.regionId, forumIds: [people.forumId] });
    const everyone = [people.panel, people.colleague, outsider, hub, people.hub];
    await announceClosedRounds(db());
    expect(await told("round_closed", everyone)).toEqual([]);

    await db()
      .update(reviewRounds)
      .set({ opensAt: new Date(Date.now() - 3 * 86_400_000), closesAt: new Date(Date.now() - 60_000) })
      .where(eq(reviewRounds.id, round.id));
    await announceClosedRounds(db());
    await announceClosedRounds(db());
    const closed = await told("round_closed", everyone);
    expect(ids(closed)).toEqual(idsOf(people.panel, people.colleague));
    expect(closed[0]).toMatchObject({ title: `Review round closed: ${round.title}`, link: `/review-rounds/${round.id}/summary` });

    const header = await loadVisibleRound(db(), await actorOf(hub), round.id);
    const answer = { title: "Contact with families", answer: "We will make weekly calls the minimum.", commentIds: [] };
    await saveTheme({ db: db(), actor: await actorOf(hub), round: header, input: answer });
    await saveTheme({ db: db(), actor: await actorOf(hub), round: header, input: { ...answer, title: "Another theme" } });
    const summary = await told("round_summary_published", everyone);
    expect(ids(summary)).toEqual(idsOf(people.panel, people.colleague));
    expect(summary[0]?.link).toBe(`/review-rounds/${round.id}/summary`);
  });

  it("does not announce the summary for answers given while the round is still open", async () => {
    const people = await buildReviewPeople(db());
    const { round, hub } = await buildReviewRound(db(), { regionId: people.regionId, forumIds: [people.forumId] });
    const header = await loadVisibleRound(db(), await actorOf(hub), round.id);
    await saveTheme({ db: db(), actor: await actorOf(hub), round: header, input: { title: "Early", answer: "Noted.", commentIds: [] } });
    expect(await told("round_summary_published", [people.panel, people.colleague])).toEqual([]);
  });
});

describe("moderation", () => {
  it("tells a comment's author, and only them, once for hiding and once for showing again", async () => {
    const people = await buildReviewPeople(db());
    const { round, hub } = await buildReviewRound(db(), { regionId: people.regionId, forumIds: [people.forumId] });
    const [section] = await db().select().from(reviewSections).where(eq(reviewSections.roundId, round.id));
    const [comment] = await db()
      .insert(reviewComments)
      .values({
        roundId: round.id,
        sectionId: section!.id,
        authorUserId: people.panel.user.id,
        authorOrganisationId: people.forumId,
        body: "Weekly is too rare.",
      })
      .returning();
    const actor = await actorOf(hub);
    await moderateComment({ db: db(), actor, commentId: comment!.id, hidden: true, reason: "Off topic" });
    await moderateComment({ db: db(), actor, commentId: comment!.id, hidden: true, reason: "Off topic" });
    let rows = await told("moderation_decided", [people.panel, people.colleague, hub]);
    expect(rows.map((r) => [r.userId, r.title])).toEqual([[people.panel.user.id, "Your comment was hidden"]]);
    await moderateComment({ db: db(), actor, commentId: comment!.id, hidden: false });
    rows = await told("moderation_decided", [people.panel, people.colleague, hub]);
    expect(rows.map((r) => r.title).sort()).toEqual(["Your comment is shown again", "Your comment was hidden"]);
    expect(rows.every((r) => r.userId === people.panel.user.id && r.link === `/parent-panel/review-rounds/${round.id}`)).toBe(true);
    // Showing a shown comment tells no one; hiding it again later is a new decision, told again.
    await moderateComment({ db: db(), actor, commentId: comment!.id, hidden: false });
    expect(await told("moderation_decided", [people.panel])).toHaveLength(2);
    await moderateComment({ db: db(), actor, commentId: comment!.id, hidden: true, reason: "Names a child" });
    expect((await told("moderation_decided", [people.panel])).map((r) => r.title).sort()).toEqual([
      "Your comment is shown again",
      "Your comment was hidden",
      "Your comment was hidden",
    ]);
  });

  it("tells a setting feedback's author whether it was published, naming the setting and no one", async () => {
    const regionId = (await buildRegion(db())).id;
    const provider = await buildOrganisation(db(), { kind: "provider", regionId });
    const setting = await buildSetting(db(), { organisationId: provider.id, name: "Brook House School" });
    const author = await buildUser(db(), { role: "parent_panel", regionId });
    const other = await buildUser(db(), { role: "parent_panel", organisationId: author.user.organisationId! });
    const providerAdmin = await buildUser(db(), { role: "provider", orgAdmin: true, organisationId: provider.id });
    const hub = await buildUser(db(), { role: "regional_admin", orgAdmin: true, regionId });
    const [feedback] = await db()
      .insert(settingFeedback)
      .values({
        settingId: setting.id,
        authorUserId: author.user.id,
        authorOrganisationId: author.user.organisationId!,
        ratings: { meeting_needs: 4 },
        comment: "Kind staff.",
      })
      .returning();
    await moderateFeedback({ db: db(), actor: await actorOf(hub), feedback: feedback!, decision: "rejected", reason: "Names a member of staff" });
    const rows = await told("moderation_decided", [author, other, providerAdmin, hub]);
    expect(rows.map((r) => [r.userId, r.title, r.link])).toEqual([[author.user.id, "Your feedback was not published", "/parent-panel/your-feedback"]]);
    expect(rows[0]?.body).toContain("Brook House School");
    // A second decision is refused, so nothing is told twice.
    const [now] = await db().select().from(settingFeedback).where(eq(settingFeedback.id, feedback!.id));
    await expect(moderateFeedback({ db: db(), actor: await actorOf(hub), feedback: now!, decision: "approved" })).rejects.toBeDefined();
    expect(await told("moderation_decided", [author])).toHaveLength(1);
  });
});

describe("an organisation's administrators", () => {
  it("hear a framework application's decision; its ordinary staff, other providers and the hub do not", async () => {
    const world = await buildFrameworkWorld(db());
    const otherProvider = await buildOrganisation(db(), { kind: "provider", regionId: world.region.id });
    const otherAdmin = await buildUser(db(), { role: "provider", orgAdmin: true, organisationId: otherProvider.id });
    const goneAdmin = await buildUser(db(), { role: "provider", orgAdmin: true, organisationId: world.provider.id });
    await disable(goneAdmin);
    await buildApplication(db(), { framework: world.framework, organisationId: world.provider.id, lotNumbers: [2] });
    const everyone = [world.providerAdmin, world.providerStaff, otherAdmin, goneAdmin, world.admin];
    const decide = async (status: "admitted" | "suspended") =>
      decideAdmission({
        db: db(),
        actor: await actorOf(world.admin),
        framework: world.framework,
        organisationId: world.provider.id,
        lotNumber: 2,
        input: { status, reason: "Meets the criteria" },
      });
    await decide("admitted");
    let rows = await told("application_decided", everyone);
    expect(ids(rows)).toEqual(idsOf(world.providerAdmin));
    expect(rows[0]?.body).toBe(`Your organisation is admitted to lot 2 of ${world.framework.name}. The regional hub's reason is on your framework page.`);
    await expect(decide("admitted")).rejects.toBeDefined();
    await decide("suspended");
    rows = await told("application_decided", everyone);
    expect(rows.map((r) => r.body.split(" lot ")[0]).sort()).toEqual(["Your organisation is admitted to", "Your organisation is suspended from"]);
    // Admitted again and suspended again later: new changes, told again.
    await decide("admitted");
    await decide("suspended");
    expect(ids(await told("application_decided", everyone))).toEqual(idsOf(world.providerAdmin, world.providerAdmin, world.providerAdmin, world.providerAdmin));
  });

  it("hear a setting claim's decision, the claimant's only", async () => {
    const regionId = (await buildRegion(db())).id;
    const owner = await buildOrganisation(db(), { kind: "provider", regionId });
    const setting = await buildSetting(db(), { organisationId: owner.id, name: "Oak Lodge" });
    const claimant = await buildOrganisation(db(), { kind: "provider", regionId });
    const claimantAdmin = await buildUser(db(), { role: "provider", orgAdmin: true, organisationId: claimant.id });
    const claimantStaff = await buildUser(db(), { role: "provider", organisationId: claimant.id });
    const ownerAdmin = await buildUser(db(), { role: "provider", orgAdmin: true, organisationId: owner.id });
    const hub = await buildUser(db(), { role: "regional_admin", orgAdmin: true, regionId });
    const [claim] = await db()
      .insert(settingClaims)
      .values({ settingId: setting.id, organisationId: claimant.id, requestedBy: claimantAdmin.user.id })
      .returning();
    await decideClaim({ db: db(), actor: await actorOf(hub), claim: claim!, decision: "approved", reason: "Ofsted registration matches" });
    const rows = await told("claim_decided", [claimantAdmin, claimantStaff, ownerAdmin, hub]);
    expect(rows.map((r) => [r.userId, r.title, r.link])).toEqual([[claimantAdmin.user.id, "Your setting claim is approved", "/provider/settings/claim"]]);
    expect(rows[0]?.body).toContain("Oak Lodge");
  });

  it("hear once that a membership payment failed, when it becomes overdue, not on Stripe's retries", async () => {
    const provider = await buildOrganisation(db(), { kind: "provider" });
    const admin = await buildUser(db(), { role: "provider", orgAdmin: true, organisationId: provider.id });
    const staff = await buildUser(db(), { role: "provider", organisationId: provider.id });
    const otherAdmin = await buildUser(db(), { role: "provider", orgAdmin: true });
    await db()
      .insert(providerMemberships)
      .values({ organisationId: provider.id, regionId: provider.regionId, feePence: 50_000, status: "active", subscriptionId: "sub_notify_1" });
    const periodEnd = Math.floor(Date.now() / 1000) + 86_400 * 300;
    const subscription = (status: string) =>
      ({
        id: "sub_notify_1",
        status,
        customer: "cus_notify_1",
        metadata: { organisationId: provider.id },
        items: { data: [{ current_period_end: periodEnd }] },
      }) as unknown as Stripe.Subscription;
    const apply = (status: string) => db().transaction((tx) => applySubscription(tx, subscription(status)));
    await apply("active");
    expect(await told("membership_payment_failed", [admin, staff, otherAdmin])).toEqual([]);
    await apply("past_due");
    await apply("past_due");
    await apply("unpaid");
    const rows = await told("membership_payment_failed", [admin, staff, otherAdmin]);
    expect(rows.map((r) => [r.userId, r.title, r.link])).toEqual([[admin.user.id, "Your membership payment failed", "/payments"]]);
  });
});

describe("an invitation to join", () => {
  it("queues one e-mail to the invited address with the organisation, the role, who invited and the sign-in link", async () => {
    const org = await buildOrganisation(db(), { kind: "council", name: "Stockport Council" });
    const admin = await buildUser(db(), { role: "commissioner", orgAdmin: true, organisationId: org.id });
    const [organisation] = await db().select().from(organisations).where(eq(organisations.id, org.id));
    const invitation = await invitePerson({
      db: db(),
      actor: await actorOf(admin),
      organisation: organisation!,
      input: { email: "new.colleague@stockport.test.example", role: "commissioner", orgAdmin: false },
    });
    const mail = await db()
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.reference, `invitation-${invitation.id}`));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ emailAddress: "new.colleague@stockport.test.example", template: "join_invitation", userId: null, notificationId: null });
    expect(mail[0]?.personalisation).toMatchObject({
      organisation: "Stockport Council",
      role: "Commissioner",
      invited_by: admin.user.displayName,
      link: "/sign-in",
    });
    // A second invitation to the same address while this one is open is refused, so no second e-mail.
    await expect(
      invitePerson({
        db: db(),
        actor: await actorOf(admin),
        organisation: organisation!,
        input: { email: "new.colleague@stockport.test.example", role: "commissioner", orgAdmin: false },
      }),
    ).rejects.toBeDefined();
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.emailAddress, "new.colleague@stockport.test.example"))).toHaveLength(1);
  });
});

describe("what the messages hold", () => {
  it("names no person: no one's name or e-mail address is in any in-app message", async () => {
    const all = await db().select().from(notifications);
    expect(all.length).toBeGreaterThan(5);
    const people = await db().select({ email: users.email, name: users.displayName }).from(users);
    const text = all.map((n) => `${n.title} ${n.body} ${n.link}`).join("\n");
    for (const p of people) {
      expect(text).not.toContain(p.email);
      if (p.name) expect(text).not.toContain(p.name);
    }
  });
});
