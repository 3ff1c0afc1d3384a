import { DomainErrorCode } from "@shared/errors";
import { type MatchChild, rankMatches } from "@shared/matching";
import { listed as inWords } from "@shared/matching/labels";
import type { MATCHING_REQUIRED_FIELDS } from "@shared/schemas/children";
import type { MatchesQuery, MatchesResponse } from "@shared/schemas/matching";
import type { Db } from "../../db/client";
import { conflict } from "../../http/app-error";
import type { Member } from "../../http/require-actor";
import { type MatchingAnswers, matchingAnswers } from "../children/present";
import { readChildRow, refuseDraft } from "../children/queries";
import { districtCentre } from "../directory/search";
import { loadCandidates } from "./candidates";
import { listedCount, rememberListedCount } from "./listed-count";

const FIELD_WORDS: Record<(typeof MATCHING_REQUIRED_FIELDS)[number], string> = {
  birthMonth: "month and year of birth",
  sex: "sex",
  homeOutcode: "home postcode district",
  primaryNeed: "primary need",
  lotNumber: "placement type (lot)",
};

/** The engine's view of a profile; 409 naming what to add when matching cannot run without it. */
export async function matchChildOf(db: Db, answers: MatchingAnswers, lot: number | undefined): Promise<MatchChild> {
  const { ageOnNeededBy, sex, primaryNeed, homeOutcode, lotNumber } = answers;
  if (answers.missingForMatching.length > 0 || ageOnNeededBy === null || sex === null || primaryNeed === null || homeOutcode === null || lotNumber === null) {
    const missing = answers.missingForMatching.map((field) => FIELD_WORDS[field]);
    throw conflict(
      `Matching needs the child's ${inWords(missing)}. Add ${missing.length > 1 ? "them" : "it"} to the profile, then find matches again.`,
      DomainErrorCode.ProfileIncomplete,
    );
  }
  const centre = await districtCentre(db, homeOutcode);
  return {
    // On the date needed by, or today once that has passed (the profile's own reckoning).
    ageYears: ageOnNeededBy,
    sex,
    lotNumber: lot ?? lotNumber,
    primaryNeed,
    secondaryNeeds: answers.secondaryNeeds,
    risks: answers.risks,
    home: centre ? { latitude: centre.latitude, longitude: centre.longitude } : null,
    maxTravelKm: answers.maxTravelKm,
    preferredSettingId: answers.preferredSettingId,
    priceBand: answers.priceBand,
  };
}

export interface FindMatchesProps {
  db: Db;
  actor: Member;
  childId: string;
  query: MatchesQuery;
  ip?: string | undefined;
}

/**
 * Ranks the region's listed settings for a child. Reading the profile is a disclosure, so it is
 * audited (purpose "matching") and answers 404 to anyone but the owning council's commissioners.
 */
export async function findMatches({ db, actor, childId, query, ip }: FindMatchesProps): Promise<MatchesResponse["data"]> {
  const { row, today } = await readChildRow({ db, actor, id: childId, purpose: "matching", ip });
  refuseDraft(row);
  const child = await matchChildOf(db, matchingAnswers(row, today), query.lot);
  const explain = query.explain === "excluded";
  const { regionId } = actor;
  const settings = await loadCandidates({ db, regionId, child, prefiltered: !explain });
  // Unfiltered, the candidates are every listed setting of the region: an exact count of those on the lot for free.
  const lot = child.lotNumber;
  const considered = explain
    ? rememberListedCount(regionId, lot, settings.filter((s) => s.lotNumbers.includes(lot)).length)
    : await listedCount(db, regionId, lot);
  const result = rankMatches(child, settings, { limit: query.limit, explainExcluded: explain });
  return { childId: row.id, lotNumber: child.lotNumber, considered, matches: result.matches, ...(result.excluded ? { excluded: result.excluded } : {}) };
}
