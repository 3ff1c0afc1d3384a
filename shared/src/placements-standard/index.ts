/** The Placements Data Standard v2: validate a referral, map it to a profile and back. */
export { actualPlacementOf, placementTypeOfLot, type AgreedPlacement } from "./actual-placement";
export { PDS_DEFINITION, PDS_VERSION } from "./definition";
export type { PlacementExchangeExtension } from "./extension";
export { pdsChildIdOf, profileToReferral, type ReferralExportOptions } from "./from-profile";
export { neededByDate, neededByUrgency } from "./needed-by";
export { EXTENSION_KEY, referralPathOf } from "./profile-sources";
export type { PdsPlacementDocument, PdsReferral } from "./referral-types";
export { referralToProfile } from "./to-profile";
export { validateReferral, type ReferralCheck } from "./validate-referral";
