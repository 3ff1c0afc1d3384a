// The one date helper lives in shared, so that the server's messages write dates as pages do.
export { formatDate, formatDateTime, formatTime, formatTimestampDate } from "@shared/format-date";
