import type { Db } from "../../server/src/db/client";
import type { Env } from "../../server/src/env";
import { buildSession } from "../factories/sessions";
import { type MatrixActor, WHO, type Who } from "./actors";
import { expectationFor, isSuccess, type MatrixEntry, type MatrixRequest } from "./matrix";

/**
 * The matrix's request for this route by someone it lets through to validation (a browser
 * session where only one may), so a test can change one input and see what validation says.
 */
export async function realRequest(
  db: Db,
  env: Env,
  actors: Record<Who, MatrixActor>,
  entry: MatrixEntry,
): Promise<{ headers: Record<string, string>; request: MatrixRequest }> {
  const who = WHO.find((w) => isSuccess(expectationFor(entry, w))) ?? "commissioner_admin";
  const actor = actors[who];
  const request = await entry.request({ db, actor, scope: "own", orgId: actor.ownOrgId ?? "", role: actor.role ?? "commissioner" });
  if (WHO.some((w) => isSuccess(expectationFor(entry, w)))) return { headers: actor.headers, request };
  const session = await buildSession(db, env, actor.person?.user.id ?? "");
  return { headers: session.headers, request };
}
