import type { AuditDetails } from "../../../db/schema";

/** What an event changed here, for its audit entry: ids and statuses only, nothing personal. */
export interface Effect {
  recordType: string;
  recordId: string;
  details: AuditDetails;
}
