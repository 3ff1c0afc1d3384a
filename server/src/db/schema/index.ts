export * from "./frameworks";
export * from "./organisations";
export * from "./regions";
export * from "./service-feedback";
