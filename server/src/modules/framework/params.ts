import { z } from "zod";
import { PRICE_BAND_CODES } from "../../../../shared/src/codes/price-bands";
import { plainText } from "../../../../shared/src/schemas/primitives";
import { LotNumberSchema } from "../../../../shared/src/schemas/settings";

const id = () => z.uuid({ error: "Not a valid id" });
/** A lot number in a path is text; it must be one of the lots, 1 to 7. */
const lotNumber = () => plainText().regex(/^[0-9]{1,2}$/, { error: "Choose a lot from 1 to 7" }).transform(Number).pipe(LotNumberSchema);

export const FrameworkParamsSchema = z.object({ id: id() }).strict();
export const BandParamsSchema = z
  .object({ id: id(), lotNumber: lotNumber(), band: z.enum(PRICE_BAND_CODES, { error: "Choose a band from A to E" }) })
  .strict();
export const ApplicationParamsSchema = z.object({ id: id(), applicationId: id() }).strict();
export const AdmissionParamsSchema = z.object({ id: id(), organisationId: id(), lotNumber: lotNumber() }).strict();
