import { generatePath } from "react-router";
import { PAGE_PATHS } from "@shared/page-paths";
import { formatDate } from "../../lib/format-date";

/** "1 April 2026 to 30 April 2026": a billing period, both days included. */
export const formatPeriod = (start: string, end: string) => `${formatDate(start)} to ${formatDate(end)}`;

/** Basis points as the percentage people read: 250 -> "2.5%". */
export const formatBasisPoints = (basisPoints: number) => `${(basisPoints / 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}%`;

export const invoicePath = (id: string) => generatePath(PAGE_PATHS.paymentsInvoice, { id });
