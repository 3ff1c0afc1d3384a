import { OFSTED_GRADE_LABELS, type OfstedGrade } from "../codes/directory";
import { formatPence } from "../money";
import type { MatchCriterion } from "../schemas/matching";
import { FEEDBACK_MINIMUM_REVIEWS } from "../schemas/setting-feedback";
import { km, listed, needLabel, riskLabel } from "./labels";
import type { Pairing } from "./types";
import {
  FULL_DISTANCE_POINTS_KM,
  FULL_PRICE_POINTS_SHARE,
  NEED_FIT_SHARES,
  NO_DISTANCE_POINTS_KM,
  OFSTED_SHARES,
  SUPPORTED_PRIMARY_SHARE,
  SUPPORTED_SECONDARY_SHARE,
} from "./weights";

/** A weighted criterion: how much of its points a setting earns, and why. */
export interface Scorer {
  /** The share of the criterion's points earned, from 0 to 1. Runs for every eligible setting. */
  share(p: Pairing): number;
  /** One line a commissioner can read; asked only for the matches returned. */
  reason(p: Pairing): string;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
const levelOf = ({ setting }: Pairing, code: string) => setting.needs.find((n) => n.code === code)?.level;
const historicRisks = ({ child }: Pairing) => child.risks.filter((r) => r.trajectory === "historic");

const needFit: Scorer = {
  share(p) {
    const primary = levelOf(p, p.child.primaryNeed);
    const primaryShare = primary === "specialist" ? 1 : primary === "supported" ? SUPPORTED_PRIMARY_SHARE : 0;
    const secondary = p.child.secondaryNeeds;
    let secondaryShare = 1; // nothing asked, nothing unmet
    if (secondary.length > 0) {
      let sum = 0;
      for (const code of secondary) {
        const level = levelOf(p, code);
        sum += level === "specialist" ? 1 : level === "supported" ? SUPPORTED_SECONDARY_SHARE : 0;
      }
      secondaryShare = sum / secondary.length;
    }
    const historic = historicRisks(p);
    const historicShare = historic.length === 0 ? 1 : historic.filter((r) => p.setting.risksManaged.includes(r.code)).length / historic.length;
    return NEED_FIT_SHARES.primary * primaryShare + NEED_FIT_SHARES.secondary * secondaryShare + NEED_FIT_SHARES.historicRisks * historicShare;
  },
  reason(p) {
    const primary = levelOf(p, p.child.primaryNeed);
    const parts = [
      `${primary === "specialist" ? "Specialist in" : primary === "supported" ? "Supports" : "Does not support"} ${needLabel(p.child.primaryNeed)}, the primary need`,
    ];
    const secondary = p.child.secondaryNeeds;
    if (secondary.length > 0) {
      const unmet = secondary.filter((code) => !levelOf(p, code));
      parts.push(`meets ${secondary.length - unmet.length} of ${secondary.length} secondary needs${unmet.length > 0 ? ` (not ${listed(unmet)})` : ""}`);
    }
    const unmanaged = historicRisks(p).filter((r) => !p.setting.risksManaged.includes(r.code));
    if (unmanaged.length > 0) parts.push(`does not list the historic risk of ${listed(unmanaged.map((r) => riskLabel(r.code)))}`);
    else if (historicRisks(p).length > 0) parts.push("manages the historic risks");
    return parts.join("; ");
  },
};

const distance: Scorer = {
  share: ({ distanceKm: d }) => (d === null ? 0 : clamp01((NO_DISTANCE_POINTS_KM - d) / (NO_DISTANCE_POINTS_KM - FULL_DISTANCE_POINTS_KM))),
  reason({ child, setting, distanceKm: d }) {
    if (child.home === null) return "The child's home district has no known location";
    if (setting.location === null || d === null) return "Its location is not known";
    if (d <= FULL_DISTANCE_POINTS_KM) return `${km(d)} from the child's home district: local`;
    return `${km(d)} from the child's home district${d >= NO_DISTANCE_POINTS_KM ? `: no points from ${NO_DISTANCE_POINTS_KM} km` : ""}`;
  },
};

const priceShare = (price: number, ceiling: number) => clamp01((1 - price / ceiling) / (1 - FULL_PRICE_POINTS_SHARE));
const price: Scorer = {
  share: ({ child, setting: s }) =>
    child.priceBand === null || s.bandPricePence === null || s.bandCeilingPence === null || s.bandCeilingPence <= 0
      ? 0
      : priceShare(s.bandPricePence, s.bandCeilingPence),
  reason({ child, setting: s }) {
    const band = child.priceBand;
    if (band === null) return "No price band in the child's profile, so prices cannot be compared";
    if (s.bandPricePence === null) return `The provider has stated no framework price for band ${band} on lot ${child.lotNumber}`;
    if (s.bandCeilingPence === null || s.bandCeilingPence <= 0)
      return `Lot ${child.lotNumber} has no ceiling for band ${band} to compare ${formatPence(s.bandPricePence)} a week with`;
    const ceiling = `the band ${band} ceiling of ${formatPence(s.bandCeilingPence)}`;
    if (s.bandPricePence > s.bandCeilingPence) return `${formatPence(s.bandPricePence)} a week, above ${ceiling}`;
    return `${formatPence(s.bandPricePence)} a week: ${Math.round((s.bandPricePence / s.bandCeilingPence) * 100)}% of ${ceiling}`;
  },
};

const ofsted: Scorer = {
  share: ({ setting }) => (setting.ofstedGrade === null ? 0 : (OFSTED_SHARES[setting.ofstedGrade] ?? 0)),
  reason: ({ setting: { ofstedGrade: g } }) =>
    g === null ? "No Ofsted grade recorded" : `Ofsted: ${OFSTED_GRADE_LABELS[g as OfstedGrade] ?? "unknown"} (grade ${g})`,
};

const parentalPreference: Scorer = {
  share: ({ child, setting }) => (child.preferredSettingId === setting.id ? 1 : 0),
  reason: ({ child, setting }) =>
    child.preferredSettingId === null
      ? "No parental preference recorded"
      : child.preferredSettingId === setting.id
        ? "The parents' preferred setting"
        : "Not the parents' preferred setting",
};

const parentFeedback: Scorer = {
  share: ({ setting: { feedback } }) => (feedback === null ? 0 : clamp01((feedback.average - 1) / 4)),
  reason: ({ setting: { feedback } }) =>
    feedback === null
      ? `Parent feedback is withheld until ${FEEDBACK_MINIMUM_REVIEWS} reviews are approved`
      : `Parent carers rate it ${feedback.average.toFixed(1)} out of 5 on average (${feedback.reviews} approved reviews)`,
};

/** One scorer per criterion of MATCH_CRITERIA. */
export const SCORERS: Readonly<Record<MatchCriterion, Scorer>> = {
  need_fit: needFit,
  distance,
  price,
  ofsted,
  parental_preference: parentalPreference,
  parent_feedback: parentFeedback,
};
