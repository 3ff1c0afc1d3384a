import { LOTS } from "@shared/codes/lots";
import { formatPence } from "@shared/money";
import type { OcdsRelease, OcdsReleasePackage } from "@shared/schemas/ocds";
import { isoDate } from "../../db/dates";
import type { AwardedContractingProcess } from "./ocds-query";

const WEEKS_A_YEAR = 52;
/** OCDS dates are date-times: a calendar date is its midnight, UTC. */
const dateTimeOf = (d: string | Date) => `${isoDate(d)}T00:00:00Z`;

/**
 * An OCDS value is a total, not a rate, and an Individual Placement Agreement has no fixed end:
 * we publish a year of the agreed weekly fee (x 52) in pounds, and the weekly fee in words.
 */
function valueOf(weeklyFeePence: number) {
  return {
    value: { amount: (weeklyFeePence * WEEKS_A_YEAR) / 100, currency: "GBP" as const },
    description: `Weekly fee ${formatPence(weeklyFeePence)}; the value is a year of it (${WEEKS_A_YEAR} weeks).`,
  };
}

/**
 * The tender, award and contract releases of one awarded placement request. Built from the
 * whitelisted row only: the council, the winning provider and setting, dates, the number of
 * offers and the awarded fee; never anything of the child or of the other offers.
 */
export function releasesOf(p: AwardedContractingProcess, ocidPrefix: string): OcdsRelease[] {
  const ocid = `${ocidPrefix}-${p.requestId}`;
  const buyer = { id: p.council.id, name: p.council.name };
  const supplier = { id: p.provider.id, name: p.provider.name };
  const buyerParty = { ...buyer, roles: ["buyer" as const, "procuringEntity" as const] };
  const supplierParty = {
    ...supplier,
    ...(p.provider.companiesHouseNumber ? { identifier: { scheme: "GB-COH", id: p.provider.companiesHouseNumber } } : {}),
    // GB-EDU: the URN of Get Information About Schools (org-id.guide), naming the setting placed with.
    additionalIdentifiers: [{ scheme: "GB-EDU", id: p.setting.urn, legalName: p.setting.name }],
    roles: ["supplier" as const],
  };
  const lot = LOTS.find((l) => l.number === p.lotNumber);
  const awardId = `${p.requestId}-award`;
  const { value, description } = valueOf(p.placement.weeklyFeePence);
  const release = (tag: OcdsRelease["tag"][number], date: Date, parties: OcdsRelease["parties"]): OcdsRelease => ({
    ocid,
    id: `${p.requestId}-${tag}`,
    date: date.toISOString(),
    tag: [tag],
    initiationType: "tender",
    language: "en",
    parties,
    buyer,
  });
  return [
    {
      ...release("tender", p.openedAt ?? p.createdAt, [buyerParty]),
      tender: {
        id: p.requestId,
        title: lot ? `Placement: lot ${p.lotNumber} ${lot.name}` : `Placement: lot ${p.lotNumber}`,
        status: "complete",
        procuringEntity: buyer,
        // Only providers admitted to the framework's lot may be invited: OCDS's "selective".
        procurementMethod: "selective",
        procurementMethodDetails: "Mini-competition under the regional framework",
        mainProcurementCategory: "services",
        numberOfTenderers: Number(p.numberOfTenderers),
        tenderPeriod: { ...(p.openedAt ? { startDate: p.openedAt.toISOString() } : {}), endDate: p.deadline.toISOString() },
      },
    },
    {
      ...release("award", p.awardedAt, [buyerParty, supplierParty]),
      awards: [
        { id: awardId, title: "Individual Placement Agreement", description, status: "active", date: p.awardedAt.toISOString(), value, suppliers: [supplier] },
      ],
    },
    {
      ...release("contract", p.placement.updatedAt, [buyerParty, supplierParty]),
      contracts: [
        {
          id: p.placement.id,
          awardID: awardId,
          title: "Individual Placement Agreement",
          description,
          // An ended placement (planned or a breakdown) is terminated; why is never published.
          status: p.placement.endDate ? "terminated" : "active",
          period: { startDate: dateTimeOf(p.placement.startDate), ...(p.placement.endDate ? { endDate: dateTimeOf(p.placement.endDate) } : {}) },
          value,
        },
      ],
    },
  ];
}

/** The release package served at `uri`: every awarded process's releases, published now by the database's clock. */
export function releasePackageOf(
  processes: AwardedContractingProcess[],
  options: { uri: string; publicUrl: string; ocidPrefix: string; publishedAt: Date },
): OcdsReleasePackage {
  return {
    uri: options.uri,
    version: "1.1",
    publishedDate: options.publishedAt.toISOString(),
    publisher: { name: "Placement Exchange", uri: options.publicUrl },
    releases: processes.flatMap((p) => releasesOf(p, options.ocidPrefix)),
  };
}
