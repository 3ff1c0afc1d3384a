export * from "./health";
export * from "./region";
export * from "./service-feedback";
