export * from "./framework";
export * from "./health";
export * from "./open-data";
export * from "./region";
export * from "./review-rounds";
export * from "./service-feedback";
export * from "./setting-feedback";
export * from "./settings";
