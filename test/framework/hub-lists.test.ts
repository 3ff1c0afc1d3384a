import request from "supertest";
import { ProviderApplicationListSchema } from "@shared/schemas/framework";
import { SettingFeedbackListSchema } from "@shared/schemas/setting-feedback";
import { SettingClaimListSchema } from "@shared/schemas/settings";
import { buildSetting } from "../factories/directory";
import { buildFrameworkWorld } from "../factories/frameworks";
import { buildOrganisation } from "../factories/organisations";
import { buildUser } from "../factories/users";
import { createTestApp, type TestApp } from "../setup/test-app";

let t: TestApp;
let world: Awaited<ReturnType<typeof buildFrameworkWorld>>;
const query = (text: string, params: unknown[] = []) => t.database.handle.sql.query(text, params);
const get = (path: string) => request(t.app).get(path).set(world.admin.auth);

/*
 * The hub's lists that grow: 21 decided rows and one waiting in each, so that the waiting one is
 * on page 2 of everything (oldest) and alone under "waiting for a decision".
 */
beforeAll(async () => {
  t = await createTestApp({ seed: false });
  const db = t.database.handle.db;
  world = await buildFrameworkWorld(db);
  const setting = await buildSetting(db, { organisationId: world.provider.id, name: "Harbour View School" });
  await query(
    `INSERT INTO setting_claims (setting_id, organisation_id, status, reason, created_at)
     SELECT $1, $2, CASE WHEN n = 22 THEN 'pending' ELSE 'rejected' END, CASE WHEN n = 22 THEN NULL ELSE 'Not theirs' END, now() - n * interval '1 minute'
     FROM generate_series(1, 22) AS n`,
    [setting.id, world.provider.id],
  );
  const panel = await buildUser(db, { role: "parent_panel", regionId: world.region.id });
  await query(
    `INSERT INTO setting_feedback (setting_id, author_user_id, author_organisation_id, ratings, comment, status, created_at)
     SELECT $1, $2, $3, '{}', 'Kind staff', CASE WHEN n = 22 THEN 'pending' ELSE 'approved' END, now() - n * interval '1 minute'
     FROM generate_series(1, 22) AS n`,
    [setting.id, panel.user.id, panel.user.organisationId],
  );
  for (let n = 1; n <= 22; n++) {
    const provider = n === 22 ? world.provider : await buildOrganisation(db, { kind: "provider", regionId: world.region.id, name: `Applicant ${n}` });
    const [application] = (await query(
      `INSERT INTO provider_applications (framework_id, round_id, organisation_id, companies_house_number, contact_name, contact_email, contact_phone, settings_offered, terms_version_id, submitted_at)
       VALUES ($1, $2, $3, '12345678', 'A contact', 'contact@example.org', '0161 000 0000', 'One school', $4, now() - $5 * interval '1 minute') RETURNING id`,
      [world.framework.id, world.round.id, provider.id, world.terms.id, n],
    )) as { id: string }[];
    await query(
      `INSERT INTO lot_admissions (framework_id, lot_id, organisation_id, application_id, status, reason, decided_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        world.framework.id,
        world.framework.lotId(1),
        provider.id,
        application!.id,
        ...(n === 22 ? ["applied", null, null] : ["admitted", "Meets the terms", new Date()]),
      ],
    );
  }
}, 120_000);
afterAll(() => t.close());

const lists = [
  {
    name: "framework applications",
    path: () => `/api/v1/frameworks/${world.framework.id}/applications`,
    schema: ProviderApplicationListSchema,
    waiting: "applied",
    search: "Applicant 7",
  },
  { name: "setting claims", path: () => "/api/v1/setting-claims", schema: SettingClaimListSchema, waiting: "pending", search: "harbour view" },
  { name: "setting feedback", path: () => "/api/v1/setting-feedback", schema: SettingFeedbackListSchema, waiting: "pending", search: "HARBOUR" },
];

describe.each(lists)("The hub's $name", ({ path, schema, waiting, search }) => {
  it("should answer 20 a page, newest first, with the total; the waiting one alone under its filter", async () => {
    const first = schema.parse((await get(path()).expect(200)).body);
    expect(first.meta).toEqual({ total: 22, page: 1, pageSize: 20 });
    expect(first.data).toHaveLength(20);
    const second = schema.parse((await get(`${path()}?page=2`).expect(200)).body);
    expect(second.data).toHaveLength(2);
    const ids = new Set([...first.data, ...second.data].map((r) => r.id));
    expect(ids.size).toBe(22);

    const filtered = schema.parse((await get(`${path()}?status=${waiting}`).expect(200)).body);
    expect(filtered.meta.total).toBe(1);
    expect(filtered.data[0]?.id).toBe(second.data.at(-1)?.id);
  });

  it("should search, case aside, and find nothing for a % typed as text", async () => {
    const found = schema.parse((await get(`${path()}?q=${encodeURIComponent(search)}`).expect(200)).body);
    expect(found.meta.total).toBeGreaterThan(0);
    expect(found.meta.total).toBeLessThanOrEqual(22);
    expect(schema.parse((await get(`${path()}?q=%25`).expect(200)).body).meta.total).toBe(0);
  });

  it.each(["page=-1", "page=99999999999", "q=%00", "status=nonsense", "order=asc"])("should refuse ?%s with a 400", async (qs) => {
    const res = await get(`${path()}?${qs}`);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe("validation_error");
  });
});

it("should search applications by provider name only", async () => {
  const found = ProviderApplicationListSchema.parse((await get(`/api/v1/frameworks/${world.framework.id}/applications?q=Applicant%207`).expect(200)).body);
  expect(found.data.map((a) => a.organisationName)).toEqual(["Applicant 7"]);
});
