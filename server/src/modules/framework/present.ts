import type { z } from "zod";
import type { Framework, ProviderApplication, ProviderPriceSchema } from "@shared/schemas/framework";
import type { Actor } from "../identity/actor";
import { seesPrices } from "./policy";
import type { ApplicationDetail, FrameworkDetail, ProviderPriceRow } from "./queries";

const iso = (d: Date) => d.toISOString();

/** A framework as this viewer may see it: bands and ceilings only where `seesPrices` (the hub's own answers always). */
export function presentFramework({ framework, lots, terms, rounds }: FrameworkDetail, viewer: Pick<Actor, "role"> = { role: null }): Framework {
  const showPrices = seesPrices(viewer);
  return {
    id: framework.id,
    regionId: framework.regionId,
    name: framework.name,
    termStart: framework.termStart,
    termEnd: framework.termEnd,
    lots: lots.map(({ lot, bands }) => ({
      id: lot.id,
      number: lot.number,
      name: lot.name,
      bands: showPrices ? bands.map((b) => ({ band: b.band, description: b.description, weeklyCeilingPence: b.weeklyCeilingPence })) : [],
    })),
    termsVersions: terms.map((t) => ({ id: t.id, version: t.version, title: t.title, summary: t.summary, publishedAt: iso(t.publishedAt) })),
    rounds: rounds.map(({ round, state }) => ({
      id: round.id,
      frameworkId: round.frameworkId,
      name: round.name,
      opensAt: iso(round.opensAt),
      closesAt: iso(round.closesAt),
      state,
    })),
  };
}

export function presentApplication({ application: a, organisationName, lots }: ApplicationDetail): ProviderApplication {
  return {
    id: a.id,
    frameworkId: a.frameworkId,
    roundId: a.roundId,
    organisationId: a.organisationId,
    organisationName,
    companiesHouseNumber: a.companiesHouseNumber,
    contactName: a.contactName,
    contactEmail: a.contactEmail,
    contactPhone: a.contactPhone,
    settingsOffered: a.settingsOffered,
    termsVersionId: a.termsVersionId,
    submittedAt: iso(a.submittedAt),
    lots: lots.map((l) => ({ lotNumber: l.lotNumber, status: l.status, reason: l.reason, decidedAt: l.decidedAt ? iso(l.decidedAt) : null })),
  };
}

export function presentPrice(row: ProviderPriceRow): z.infer<typeof ProviderPriceSchema> {
  return {
    lotNumber: row.lotNumber,
    band: row.band,
    weeklyPricePence: row.weeklyPricePence,
    weeklyCeilingPence: row.weeklyCeilingPence,
    updatedAt: iso(row.updatedAt),
  };
}
