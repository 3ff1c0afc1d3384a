import { sql } from "drizzle-orm";
import type { Tx } from "../client";
import { rowsOf } from "../rows";

const incidents = sql.raw(`jsonb_build_object(
  'missingEpisodes', floor(power(random(), 3) * (p.risk_count + 1) * 2)::int,
  'exclusions', floor(power(random(), 4) * (p.risk_count + 1))::int,
  'policeContacts', floor(power(random(), 4) * (p.risk_count + 1))::int,
  'physicalInterventions', floor(power(random(), 3) * (p.risk_count + 1) * 2)::int,
  'hospitalAdmissions', floor(power(random(), 6) * 2)::int)`);

/**
 * The outcomes of each placed child's plan (two to four), a submitted baseline at the start with
 * scores of 1-3 and the profile's risks, then 0-4 reviews at the agreement's review points that
 * have passed (before any end): scores mostly moving up, less so with more risks; incidents more
 * frequent with more risks; some risks become historic. Returns how many reviews were made.
 */
export async function seedSyntheticReviews(tx: Tx): Promise<number> {
  await tx.execute(sql`
    CREATE TEMP TABLE syn_outcomes ON COMMIT DROP AS
    SELECT gen_random_uuid() AS outcome_id, p.child_id, n, 1 + floor(random() * 2.6)::int AS base
    FROM syn_pl p CROSS JOIN LATERAL generate_series(1, 2 + p.g % 3) n`);
  // Each review reads its child's outcomes: without an index that is every outcome for every review.
  await tx.execute(sql`CREATE INDEX ON syn_outcomes (child_id)`);
  await tx.execute(sql`ANALYZE syn_outcomes`);
  await tx.execute(sql`
    INSERT INTO child_outcomes (id, child_id, position, statement)
    SELECT outcome_id, child_id, n, 'Outcome ' || n || ' of the plan (synthetic)' FROM syn_outcomes`);
  const [{ baselines } = { baselines: 0 }] = await rowsOf<{ baselines: number }>(
    tx,
    sql`WITH made AS (
          INSERT INTO outcome_reviews (placement_id, council_id, kind, status, review_date, scores, incidents, risks, stability, submitted_at, created_at, updated_at)
          SELECT p.placement_id, p.council_id, 'baseline', 'submitted', p.start_date,
            (SELECT jsonb_agg(jsonb_build_object('outcomeId', o.outcome_id, 'score', o.base) ORDER BY o.n) FROM syn_outcomes o WHERE o.child_id = p.child_id),
            '{}'::jsonb, c.risks, 'stable', p.start_date::timestamptz, p.start_date::timestamptz, p.start_date::timestamptz
          FROM syn_pl p JOIN child_profiles c ON c.id = p.child_id
          WHERE p.start_date <= current_date
          RETURNING 1)
        SELECT count(*)::int AS baselines FROM made`,
  );
  const [{ reviews } = { reviews: 0 }] = await rowsOf<{ reviews: number }>(
    tx,
    sql`WITH made AS (
          INSERT INTO outcome_reviews (placement_id, council_id, kind, status, review_date, scores, incidents, risks, stability, submitted_at, created_at, updated_at)
          SELECT p.placement_id, p.council_id, 'review', 'submitted', p.start_date + at.days,
            (SELECT jsonb_agg(jsonb_build_object('outcomeId', o.outcome_id,
               'score', least(5, greatest(1, o.base + round((random() - 0.2) * at.n * greatest(0.3, 1 - 0.12 * p.risk_count))::int))) ORDER BY o.n)
             FROM syn_outcomes o WHERE o.child_id = p.child_id),
            ${incidents},
            (SELECT coalesce(jsonb_agg(jsonb_build_object('code', r ->> 'code',
               'trajectory', CASE WHEN random() < 0.1 * at.n THEN 'historic' ELSE r ->> 'trajectory' END)), '[]'::jsonb)
             FROM jsonb_array_elements(c.risks) r),
            CASE WHEN random() < 0.85 THEN 'stable' ELSE 'at_risk' END,
            (p.start_date + at.days)::timestamptz, (p.start_date + at.days)::timestamptz, (p.start_date + at.days)::timestamptz
          FROM syn_pl p JOIN child_profiles c ON c.id = p.child_id JOIN placements pl ON pl.id = p.placement_id
          JOIN (VALUES (1, 42), (2, 182), (3, 365), (4, 547)) AS at(n, days) ON at.n <= floor(p.u_reviews * 5)::int
          WHERE p.start_date + at.days <= least(current_date, coalesce(pl.end_date, current_date))
          RETURNING 1)
        SELECT count(*)::int AS reviews FROM made`,
  );
  return Number(baselines) + Number(reviews);
}
