export * from "./directory";
export * from "./lots";
export * from "./needs";
export * from "./organisation-kinds";
export * from "./price-bands";
export * from "./children";
export * from "./tenders";
