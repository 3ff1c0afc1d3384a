export * from "./audit";
export * from "./directory";
export * from "./framework-admission";
export * from "./frameworks";
export * from "./identity";
export * from "./organisations";
export * from "./regions";
export * from "./service-feedback";
