import { Router } from "express";
import { IdParamsSchema } from "@shared/schemas/params";
import {
  SettingCreateSchema,
  SettingListSchema,
  SettingResponseSchema,
  SettingSearchQuerySchema,
  SettingSearchResultSchema,
  SettingStatusUpdateSchema,
  SettingUpdateSchema,
  VacanciesUpdateSchema,
} from "@shared/schemas/settings";
import type { Db } from "../../db/client";
import { forbidden } from "../../http/app-error";
import { type Member, memberOf, requireMember } from "../../http/require-actor";
import { defineRoute } from "../../http/route";
import { loadVisibleOrganisation } from "../organisations/queries";
import { changeSettingStatus } from "./commands/change-setting-status";
import { createSetting, updateSetting } from "./commands/save-setting";
import { updateVacancies } from "./commands/update-vacancies";
import { searchResultsCsv } from "./csv-export";
import { canAddSettings, canEditSetting, canSearchDirectory, canSetStatus, canUpdateVacancies } from "./policy";
import { presentSetting } from "./present";
import { listSettingsOf, loadVisibleSetting, ownerOf } from "./queries";
import { searchSettings } from "./search";

// The export is for a commissioner's spreadsheet, not a bulk copy of the directory.
const EXPORT_LIMIT = 5000;

function searcher(actor: Member): Member {
  if (!canSearchDirectory(actor)) throw forbidden("Searching the directory is for commissioners and the regional hub.");
  return actor;
}

export function settingRoutes(db: Db): Router {
  const router = Router();
  const common = { tag: "directory", access: "signed-in" as const, before: [requireMember()] };

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/settings",
    summary: "Find listed settings by lot, needs, age, sex, day/residential, vacancy, distance from a postcode district, band price and Ofsted grade",
    input: { query: SettingSearchQuerySchema },
    responses: { 200: { description: "A page of results with each one's distance", schema: SettingSearchResultSchema } },
    handler: async (req, res, input) => {
      const actor = searcher(memberOf(req));
      const { hits, total } = await searchSettings({ db, regionId: actor.regionId, query: input.query });
      res.json({ data: hits, page: input.query.page, pageSize: input.query.pageSize, total });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/settings/export",
    summary: `The same search as CSV (up to ${EXPORT_LIMIT} rows), for a spreadsheet`,
    input: { query: SettingSearchQuerySchema },
    responses: { 200: { description: "text/csv, one row per setting" } },
    handler: async (req, res, input) => {
      const actor = searcher(memberOf(req));
      const { hits } = await searchSettings({ db, regionId: actor.regionId, query: { ...input.query, page: 1, pageSize: EXPORT_LIMIT } });
      res.type("text/csv").setHeader("Content-Disposition", 'attachment; filename="settings.csv"').send(searchResultsCsv(hits));
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/settings/:id",
    summary: "One setting: its provider sees it always, commissioners once it is listed",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "The setting", schema: SettingResponseSchema } },
    handler: async (req, res, input) => {
      const { setting, owner } = await loadVisibleSetting(db, memberOf(req), input.params.id);
      res.json({ data: presentSetting(setting, ownerOf(owner)) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "get",
    path: "/api/v1/organisations/:id/settings",
    summary: "A provider's own settings, whatever their status",
    input: { params: IdParamsSchema },
    responses: { 200: { description: "Settings", schema: SettingListSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const organisation = await loadVisibleOrganisation(db, actor, input.params.id);
      if (organisation.kind !== "provider") throw forbidden("Only providers have settings.");
      const rows = await listSettingsOf(db, organisation.id);
      res.json({ data: rows.map((row) => presentSetting(row, ownerOf(organisation))) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "post",
    path: "/api/v1/settings",
    summary: "Add a setting (a provider's administrator); it starts as a draft",
    input: { body: SettingCreateSchema },
    responses: { 201: { description: "Created", schema: SettingResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      if (!canAddSettings(actor)) throw forbidden("Only a provider's administrators add settings.");
      const row = await createSetting({ db, actor, input: input.body, ip: req.ip });
      res.status(201).json({ data: presentSetting(row, { organisationName: actor.organisationName, unclaimed: false }) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "patch",
    path: "/api/v1/settings/:id",
    summary: "Change what a setting offers (a provider's administrator)",
    input: { params: IdParamsSchema, body: SettingUpdateSchema },
    responses: { 200: { description: "Changed", schema: SettingResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const { setting, owner } = await loadVisibleSetting(db, actor, input.params.id);
      if (!canEditSetting(actor, { organisationId: setting.organisationId, regionId: owner.regionId }))
        throw forbidden("Only the provider's administrators change its settings.");
      const row = await updateSetting({ db, actor, setting, input: input.body, ip: req.ip });
      res.json({ data: presentSetting(row, ownerOf(owner)) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/settings/:id/vacancies",
    summary: "Confirm a setting's current vacancies (any of the provider's staff)",
    input: { params: IdParamsSchema, body: VacanciesUpdateSchema },
    responses: { 200: { description: "Confirmed", schema: SettingResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const { setting, owner } = await loadVisibleSetting(db, actor, input.params.id);
      if (!canUpdateVacancies(actor, { organisationId: setting.organisationId, regionId: owner.regionId }))
        throw forbidden("Only the provider's staff confirm its vacancies.");
      const row = await updateVacancies({ db, actor, setting, vacancies: input.body.vacancies, ip: req.ip });
      res.json({ data: presentSetting(row, ownerOf(owner)) });
    },
  });

  defineRoute(router, {
    ...common,
    method: "put",
    path: "/api/v1/settings/:id/status",
    summary: "Publish or withdraw a setting (its provider), or suspend it (the regional hub, with a reason)",
    input: { params: IdParamsSchema, body: SettingStatusUpdateSchema },
    responses: { 200: { description: "Changed", schema: SettingResponseSchema } },
    handler: async (req, res, input) => {
      const actor = memberOf(req);
      const { setting, owner } = await loadVisibleSetting(db, actor, input.params.id);
      if (!canSetStatus(actor, { organisationId: setting.organisationId, regionId: owner.regionId }, input.body.status, setting.status)) {
        throw forbidden(setting.status === "suspended" ? "The regional hub suspended this setting; contact them to lift it." : "You cannot set that status.");
      }
      const row = await changeSettingStatus({ db, actor, setting, input: input.body, ip: req.ip });
      res.json({ data: presentSetting(row, ownerOf(owner)) });
    },
  });
  return router;
}
