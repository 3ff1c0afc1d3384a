import { readFileSync } from "node:fs";
import { GiasFileError, type GiasImportReport, importGias } from "../modules/directory/gias/import-gias";
import { type CliCommand, parseOptions, withDatabase } from "./command";

const USAGE = "import gias <file.csv> [--types 07,08,...] [--json]";

/** "07,8 ,10" -> ["07", "08", "10"]; undefined if any part is not a type code. */
function parseTypes(raw: string): string[] | undefined {
  const codes = raw.split(",").map((code) => code.trim());
  return codes.every((code) => /^\d{1,2}$/.test(code)) ? codes.map((code) => code.padStart(2, "0")) : undefined;
}

/** The report for a person: counts, then each skipped reason and failed line. */
export function formatGiasReport(file: string, report: GiasImportReport): string {
  const skipped = Object.entries(report.skipped);
  const skippedTotal = skipped.reduce((sum, [, n]) => sum + (n ?? 0), 0);
  return [
    `Imported ${file}`,
    `  imported:  ${report.imported} new settings (drafts, unclaimed)`,
    `  updated:   ${report.updated}`,
    `  unchanged: ${report.unchanged}`,
    `  skipped:   ${skippedTotal}`,
    ...skipped.map(([reason, n]) => `    ${reason}: ${n}`),
    `  failed:    ${report.failed.length}`,
    ...report.failed.map((f) => `    line ${f.line}: ${f.reason}`),
  ].join("\n");
}

export const importGiasCommand: CliCommand = {
  name: "import gias",
  usage: USAGE,
  summary: "import GIAS establishments as draft settings (upsert by URN); --types default: SEND types",
  async run(args) {
    const { options, positional } = parseOptions(args);
    const unknown = Object.keys(options).filter((name) => name !== "types" && name !== "json");
    const types = typeof options.types === "string" ? parseTypes(options.types) : undefined;
    const problem =
      positional.length !== 1
        ? "Give one CSV file."
        : unknown.length > 0
          ? `Unknown option ${unknown.map((u) => `--${u}`).join(", ")}.`
          : options.types !== undefined && !types
            ? "--types takes establishment type codes separated by commas, like 07,08,10."
            : options.json !== undefined && options.json !== true
              ? "--json takes no value."
              : undefined;
    if (problem) {
      console.error(`${problem}\nUsage: npm run cli -- ${USAGE}`);
      return 2;
    }
    const file = positional[0] ?? "";
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      console.error(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
    try {
      const report = await withDatabase((handle) => importGias({ db: handle.db, bytes, ...(types ? { types } : {}) }));
      // Rows that failed are in the report; the import of the others stands, so this is success.
      console.log(options.json ? JSON.stringify(report) : formatGiasReport(file, report));
      return 0;
    } catch (error) {
      if (!(error instanceof GiasFileError)) throw error;
      console.error(`Cannot import ${file}: ${error.message}`);
      return 1;
    }
  },
};
