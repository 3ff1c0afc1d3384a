import type { MatrixEntry } from "./matrix";

/** The framework routes in the access matrix. */
export const FRAMEWORK_MATRIX: MatrixEntry[] = [];
