/** The Placements Data Standard v2: validate a referral, map it to a profile and back. */
export { type AgreedPlacement, placementTypeOfLot } from "./actual-placement";
export { PDS_VERSION } from "./definition";
export { profileToReferral } from "./from-profile";
export { referralPathOf } from "./profile-sources";
export { referralToProfile } from "./to-profile";
export { validateReferral } from "./validate-referral";
