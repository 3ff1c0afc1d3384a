import type { MatchCriterion } from "../schemas/matching";

/**
 * Most points a criterion can give; together 100, so a score reads as a percentage.
 *
 * - need_fit 35: whether the setting can meet the child's needs is what a placement is for (SEND
 *   Code of Practice); the hard rules already require the primary need, so this ranks how well.
 * - distance 20: children should be educated and cared for near home where they can (Children
 *   Act 1989 s.22C, "near home"); travel also costs the council every day.
 * - price 15 and ofsted 15: value for money and quality, the two things a mini-competition is
 *   evaluated on; neither may outweigh fit to need.
 * - parental_preference 10: a parent's named preference must be honoured unless unsuitable
 *   (Children and Families Act 2014 s.39); unsuitable settings are already excluded, so this
 *   lifts the preferred setting among suitable ones without overriding need or distance.
 * - parent_feedback 5: moderated, and withheld below five reviews, so it is often absent; a
 *   small weight keeps settings without enough feedback from losing much.
 */
export const MATCH_WEIGHTS: Readonly<Record<MatchCriterion, number>> = {
  need_fit: 35,
  distance: 20,
  price: 15,
  ofsted: 15,
  parental_preference: 10,
  parent_feedback: 5,
};

/**
 * How need fit divides (shares of its points, summing to 1): the primary need matters most,
 * then the secondary needs, then historic risks (present ones are hard rules).
 */
export const NEED_FIT_SHARES = { primary: 0.6, secondary: 0.3, historicRisks: 0.1 } as const;
/** A primary need the setting supports, rather than specialises in, earns this much of its share. */
export const SUPPORTED_PRIMARY_SHARE = 0.6;
/** Likewise for a secondary need. */
export const SUPPORTED_SECONDARY_SHARE = 0.75;

/**
 * Distance: full points up to this far (a district centre is only good to a few km, so nearer
 * than this is "local" and no nearer), then falling linearly to none at NO_DISTANCE_POINTS_KM.
 */
export const FULL_DISTANCE_POINTS_KM = 5;
/** Roughly an hour's journey each way across the region. */
export const NO_DISTANCE_POINTS_KM = 80;

/**
 * Price: full points at this share of the band ceiling or less, falling linearly to none at
 * the ceiling. Framework prices sit at or below the ceiling, so the whole range counts.
 */
export const FULL_PRICE_POINTS_SHARE = 0.5;

/** Ofsted: share of the points per grade; with no grade recorded there is no evidence, so none. */
export const OFSTED_SHARES: Readonly<Record<number, number>> = { 1: 1, 2: 2 / 3, 3: 1 / 3, 4: 0 };
