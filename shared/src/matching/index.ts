export { rankMatches } from "./rank";
export { risksToManage, sexesAdmitting } from "./rules";
export type { MatchChild, MatchSetting } from "./types";
export * from "./weights";
