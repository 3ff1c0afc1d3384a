import type { MatrixEntry } from "./matrix";

/** The directory routes in the access matrix. */
export const DIRECTORY_MATRIX: MatrixEntry[] = [];
