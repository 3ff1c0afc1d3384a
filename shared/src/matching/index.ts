export { rankMatches } from "./rank";
export { HARD_RULES, risksToManage, sexesAdmitting, type HardRule } from "./rules";
export { SCORERS, type Scorer } from "./scores";
export type { MatchChild, MatchSetting, Pairing, RankOptions, RankResult } from "./types";
export * from "./weights";
