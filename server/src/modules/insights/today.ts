/** Today's date (UTC), the day the breakdown figures are counted on. */
export const todayUtc = () => new Date().toISOString().slice(0, 10);
