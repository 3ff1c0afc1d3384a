import type { RiskTrajectory } from "../codes/children";
import type { NeedSupportLevel, PdsRisk, SexAdmitted } from "../codes/directory";
import type { NeedCode } from "../codes/needs";
import type { PriceBand } from "../codes/price-bands";
import type { LatLng } from "../geo/distance";
import type { Exclusion, Match } from "../schemas/matching";

/** What the engine needs of a child's profile: codes and numbers only, nothing identifying. */
export interface MatchChild {
  /** Whole years on the date the placement is needed by (or today, if that has passed). */
  ageYears: number;
  sex: "female" | "male";
  /** The lot (placement type) sought. */
  lotNumber: number;
  primaryNeed: NeedCode;
  secondaryNeeds: readonly NeedCode[];
  /** Risks present (Placements Data Standard); any other risk is "No known risk". */
  risks: readonly { code: PdsRisk; trajectory: RiskTrajectory }[];
  /** The centre of the home postcode district; null when the district is unknown. */
  home: LatLng | null;
  maxTravelKm: number | null;
  preferredSettingId: string | null;
  priceBand: PriceBand | null;
}

/** A listed setting of the region, as the engine sees it. */
export interface MatchSetting {
  id: string;
  name: string;
  organisationName: string;
  town: string;
  outcode: string | null;
  /** The lots the setting is listed on: its own lots to which its provider is admitted. */
  lotNumbers: readonly number[];
  ageLow: number;
  ageHigh: number;
  sexAdmitted: SexAdmitted;
  vacancies: number;
  needs: readonly { code: string; level: NeedSupportLevel }[];
  /** The Placements Data Standard risks (field names) the setting can manage. */
  risksManaged: readonly string[];
  /** 1 Outstanding to 4 Inadequate; null when none is recorded. */
  ofstedGrade: number | null;
  location: LatLng | null;
  /** The provider's framework price for the child's band on the child's lot (weekly pence). */
  bandPricePence: number | null;
  /** The lot's weekly ceiling for that band (pence). */
  bandCeilingPence: number | null;
  /** Approved parent carer feedback, given only from FEEDBACK_MINIMUM_REVIEWS reviews. */
  feedback: { average: number; reviews: number } | null;
}

/** One child against one setting: what every rule and criterion reads. */
export interface Pairing {
  child: MatchChild;
  setting: MatchSetting;
  /** Great-circle km from the home district's centre; null when either place is unknown. */
  distanceKm: number | null;
}

export interface RankOptions {
  /** How many matches to return, best first. */
  limit: number;
  /** Also list every setting left out, with each hard rule it breaks. */
  explainExcluded?: boolean;
}

export interface RankResult {
  /** How many settings were given. */
  considered: number;
  matches: Match[];
  excluded?: Exclusion[];
}
