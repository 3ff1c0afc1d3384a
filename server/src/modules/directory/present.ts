import { type PdsRisk, SEND_ESTABLISHMENT_TYPES, type StaffingRatio, type Therapy } from "@shared/codes/directory";
import type { NeedCode } from "@shared/codes/needs";
import type { Setting, SettingClaim } from "@shared/schemas/settings";
import type { settingClaims, settings } from "../../db/schema";

type SettingRow = typeof settings.$inferSelect;

export interface SettingOwner {
  organisationName: string;
  unclaimed: boolean;
}

export function presentSetting(row: SettingRow, owner: SettingOwner): Setting {
  const typeName = row.establishmentTypeName ?? (row.establishmentTypeCode ? SEND_ESTABLISHMENT_TYPES[row.establishmentTypeCode] : undefined);
  return {
    id: row.id,
    organisationId: row.organisationId,
    organisationName: owner.organisationName,
    unclaimed: owner.unclaimed,
    urn: row.urn,
    name: row.name,
    establishmentType: row.establishmentTypeCode ? { code: row.establishmentTypeCode, name: typeName ?? "" } : null,
    lotNumbers: [...row.lotNumbers].sort((a, b) => a - b),
    ageLow: row.ageLow,
    ageHigh: row.ageHigh,
    sexAdmitted: row.sexAdmitted,
    residentialTypes: row.residentialTypes,
    registeredCapacity: row.registeredCapacity,
    vacancies: row.vacancies,
    vacanciesConfirmedAt: row.vacanciesConfirmedAt?.toISOString() ?? null,
    needs: row.needs.map((n) => ({ code: n.code as NeedCode, level: n.level })),
    risksManaged: row.risksManaged as PdsRisk[],
    therapies: row.therapies as Therapy[],
    staffingRatios: row.staffingRatios as StaffingRatio[],
    ofstedGrade: row.ofstedGrade,
    ofstedInspectionDate: row.ofstedInspectionDate,
    address: { line1: row.addressLine1, line2: row.addressLine2, town: row.town, postcode: row.postcode },
    outcode: row.outcode,
    location: row.latitude !== null && row.longitude !== null ? { latitude: row.latitude, longitude: row.longitude } : null,
    description: row.description,
    status: row.status,
    statusReason: row.statusReason,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentClaim(row: typeof settingClaims.$inferSelect, context: { urn: string; settingName: string; organisationName: string }): SettingClaim {
  return {
    id: row.id,
    settingId: row.settingId,
    urn: context.urn,
    settingName: context.settingName,
    organisationId: row.organisationId,
    organisationName: context.organisationName,
    status: row.status,
    reason: row.reason,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/** A claim as listed: with its setting and the claiming provider. */
export const presentClaimRow = (r: {
  claim: typeof settingClaims.$inferSelect;
  setting: { urn: string; name: string };
  claimant: { name: string };
}): SettingClaim => presentClaim(r.claim, { urn: r.setting.urn, settingName: r.setting.name, organisationName: r.claimant.name });
