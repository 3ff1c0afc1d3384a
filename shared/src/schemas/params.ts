import { z } from "zod";
import { PRICE_BAND_CODES } from "../codes/price-bands";
import { plainText } from "./primitives";
import { LotNumberSchema } from "./settings";

/*
 * The path parameters of every route, beside the other input schemas. Ids are UUIDs: anything
 * else is a 400 naming the parameter, before any query runs.
 */

const id = () => z.uuid({ error: "Not a valid id" });
/** A lot number in a path is text; it must be one of the lots, 1 to 7. */
const lotNumber = () =>
  plainText()
    .regex(/^[0-9]{1,2}$/, { error: "Choose a lot from 1 to 7" })
    .transform(Number)
    .pipe(LotNumberSchema);

export const IdParamsSchema = z.object({ id: id() }).strict();

// Organisations and their people.
export const MemberParamsSchema = z.object({ id: id(), userId: id() }).strict();
export const InvitationParamsSchema = z.object({ id: id(), invitationId: id() }).strict();

// The framework.
export const FrameworkParamsSchema = z.object({ id: id() }).strict();
export const BandParamsSchema = z.object({ id: id(), lotNumber: lotNumber(), band: z.enum(PRICE_BAND_CODES, { error: "Choose a band from A to E" }) }).strict();
export const ApplicationParamsSchema = z.object({ id: id(), applicationId: id() }).strict();
export const AdmissionParamsSchema = z.object({ id: id(), organisationId: id(), lotNumber: lotNumber() }).strict();

// Placement requests.
export const OfferParamsSchema = z.object({ id: id(), offerId: id() }).strict();
export const ClarificationParamsSchema = z.object({ id: id(), clarificationId: id() }).strict();

// Review rounds.
export const ThemeParamsSchema = z.object({ id: id(), themeId: id() }).strict();
export const ProposalParamsSchema = z.object({ id: id(), proposalId: id() }).strict();
export const CriterionParamsSchema = z.object({ id: id(), criterionId: id() }).strict();
