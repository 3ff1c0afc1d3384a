import type { Db } from "../../server/src/db/client";
import type { Member } from "../../server/src/http/require-actor";
import { loadActor } from "../../server/src/modules/identity/actor";
import { openReviewRound } from "../../server/src/modules/review-rounds/commands/open-review-round";
import { frameworkOf } from "./directory";
import { buildOrganisation, buildRegion } from "./organisations";
import { buildUser } from "./users";

const WINDOWS = {
  open: [-86_400_000, 7 * 86_400_000],
  upcoming: [86_400_000, 7 * 86_400_000],
  closed: [-7 * 86_400_000, -86_400_000],
} as const;

/** A round in the region (made through the real command) for the given forums, open by default. */
export async function buildReviewRound(db: Db, options: { regionId: string; forumIds: string[]; state?: keyof typeof WINDOWS }) {
  const hubOrg = await buildOrganisation(db, { kind: "regional_hub", regionId: options.regionId });
  const hub = await buildUser(db, { role: "regional_admin", orgAdmin: true, organisationId: hubOrg.id });
  const actor = (await loadActor(db, hub.user.id, "token")) as Member;
  const framework = await frameworkOf(db, options.regionId);
  const [opens, closes] = WINDOWS[options.state ?? "open"];
  const round = await openReviewRound({
    db,
    actor,
    input: {
      frameworkId: framework.id,
      title: "Lot 2 service specification",
      summary: "What a good 38-week residential placement looks like.",
      opensAt: new Date(Date.now() + opens).toISOString(),
      closesAt: new Date(Date.now() + closes).toISOString(),
      forumIds: options.forumIds,
      sections: [{ heading: "Keeping in touch with families", body: "Providers agree a contact plan with each family." }],
      proposals: [{ title: "Weekly video calls as a minimum", description: "" }],
      criteria: [{ name: "Meets the outcomes in section F", description: "" }],
    },
  });
  return { round, hub };
}

/** A region with one Parent Carer Forum, two of its panel members, and the region's hub. */
export async function buildReviewPeople(db: Db, options: { forumName?: string } = {}) {
  const regionId = (await buildRegion(db)).id;
  const forumId = (await buildOrganisation(db, { kind: "parent_forum", regionId, ...(options.forumName ? { name: options.forumName } : {}) })).id;
  const panel = await buildUser(db, { role: "parent_panel", organisationId: forumId });
  const colleague = await buildUser(db, { role: "parent_panel", organisationId: forumId });
  const hubOrg = await buildOrganisation(db, { kind: "regional_hub", regionId });
  const hub = await buildUser(db, { role: "regional_admin", orgAdmin: true, organisationId: hubOrg.id });
  return { regionId, forumId, panel, colleague, hub };
}
