/** Names of the databases a test run makes on a PostgreSQL server; the pid says whose they are. */
export const templateName = (pid: number) => `px_template_${pid}`;
export const testDatabasePrefix = "px_test_";
export const OWNED_DATABASE = /^px_(?:template|test)_(\d+)(?:_|$)/;

/** The same server URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}
