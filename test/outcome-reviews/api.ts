import request from "supertest";
import { OutcomeReviewResponseSchema } from "@shared/schemas/outcome-reviews";
import type { ReviewedPlacement } from "../factories/outcome-reviews";
import type { reviewBody } from "../factories/outcome-reviews";
import type { BuiltUser } from "../factories/users";
import type { TestApp } from "../setup/test-app";

/** The calls the outcome-review tests make, as one person, against one test app. */
export function apiOf(t: TestApp) {
  const as = (who: BuiltUser | { auth: Record<string, string> }) => ({
    get: (path: string) => request(t.app).get(path).set(who.auth),
    post: (path: string, body: object = {}) => request(t.app).post(path).set(who.auth).send(body),
    put: (path: string, body: object) => request(t.app).put(path).set(who.auth).send(body),
  });
  const query = <T>(text: string, params: unknown[] = []) => t.database.handle.sql.query<T & Record<string, unknown>>(text, params);
  const reviewsPath = (p: ReviewedPlacement, suffix = "") => `/api/v1/placements/${p.placementId}/reviews${suffix}`;

  /** A review started and submitted by the council. */
  async function submitted(p: ReviewedPlacement, body: ReturnType<typeof reviewBody>) {
    const created = await as(p.council).post(reviewsPath(p), body);
    if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
    const done = await as(p.council).post(reviewsPath(p, `/${created.body.data.id}/submit`));
    if (done.status !== 200) throw new Error(`submit: ${done.status} ${JSON.stringify(done.body)}`);
    return OutcomeReviewResponseSchema.parse(done.body).data;
  }
  return { as, query, reviewsPath, submitted };
}

export const outcomeIdsOf = (p: ReviewedPlacement) => p.outcomes.map((o) => o.id);

/** The fields a 400 names, sorted. */
export const pathsOf = (res: request.Response) => ((res.body.issues ?? []) as { path: string }[]).map((i) => i.path).sort();
