import type { InsightsCell, InsightsTable } from "./contract";

type Unit = InsightsTable["columns"][number]["unit"];

/** A column of a table: key, label, unit. */
export const col = (key: string, label: string, unit: Unit) => ({ key, label, unit });

export const row = (key: string, label: string, cells: InsightsCell[]) => ({ key, label, cells });

export const totalsRow = (cells: InsightsCell[], label = "All placements") => ({ label, cells });
