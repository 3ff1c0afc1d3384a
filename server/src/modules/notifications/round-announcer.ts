import { sql } from "drizzle-orm";
import type { Db, DbOrTx } from "../../db/client";
import { rowsOf } from "../../db/rows";
import { type Repeating, startRepeating } from "../../lib/repeat";
import type { Logger } from "../../logger";
import { roundClosed } from "./messages/others";
import { notify, recipientsOf } from "./notify";

// A round closes at a time, not by anyone's command, so something has to notice; a minute late is nothing.
const POLL_MS = 60_000;
// Rounds that closed longer ago than this are not announced (a fresh database or a long outage would otherwise announce history).
const LOOK_BACK = "7 days";

/** The enabled panel members of the forums a round was opened to. */
export async function panelOf(tx: DbOrTx, roundId: string): Promise<string[]> {
  const forums = await rowsOf<{ organisation_id: string }>(tx, sql`SELECT organisation_id FROM review_round_forums WHERE round_id = ${roundId}`);
  const people: string[] = [];
  for (const f of forums) people.push(...(await recipientsOf(tx, { organisationId: f.organisation_id, roles: ["parent_panel"] })));
  return people;
}

/**
 * Tells the panel members of each round that has closed since the last look, once: a round is
 * done when any notification about its closing exists, and notify()'s unique (person, about)
 * makes two nodes announcing together tell each person once.
 */
export async function announceClosedRounds(db: Db): Promise<number> {
  const rounds = await rowsOf<{ id: string; title: string }>(
    db,
    sql`SELECT r.id, r.title FROM review_rounds r
        WHERE r.closes_at <= now() AND r.closes_at > now() - ${LOOK_BACK}::interval
          AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.about = 'round-closed:' || r.id::text)
        ORDER BY r.closes_at`,
  );
  let told = 0;
  for (const round of rounds) {
    told += await db.transaction(async (tx) =>
      notify(tx, { kind: "round_closed", userIds: await panelOf(tx, round.id), about: `round-closed:${round.id}`, ...roundClosed(round) }),
    );
  }
  return told;
}

/** Every node runs one; the database decides who has been told. */
export function startRoundAnnouncer(deps: { db: Db; logger: Logger }): Repeating {
  return startRepeating({
    everyMs: POLL_MS,
    logger: deps.logger,
    failure: "review round announcement tick failed",
    work: async () => {
      const told = await announceClosedRounds(deps.db);
      if (told > 0) deps.logger.info({ told }, "review round closings announced");
    },
  });
}
