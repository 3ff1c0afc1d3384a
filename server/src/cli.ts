import { auditVerifyCommand } from "./cli/audit-commands";
import type { CliCommand } from "./cli/command";
import { migrateCommand, seedCommand } from "./cli/database-commands";
import { importGiasCommand } from "./cli/gias-commands";
import { tokenCreateCommand, usersListCommand } from "./cli/identity-commands";
import { seedInsightsCommand } from "./cli/insights-commands";
import { notifyTemplatesCommand, outboxListCommand } from "./cli/notification-commands";

const COMMANDS: CliCommand[] = [
  migrateCommand,
  seedCommand,
  tokenCreateCommand,
  usersListCommand,
  auditVerifyCommand,
  importGiasCommand,
  seedInsightsCommand,
  notifyTemplatesCommand,
  outboxListCommand,
];

const usage = () =>
  `Usage: npm run cli -- <command>\n\nCommands:\n${COMMANDS.map((c) => `  ${c.usage.padEnd(44)} ${c.summary}`).join("\n")}\n  ${"help".padEnd(44)} show this message`;

async function run(argv: string[]): Promise<number> {
  const [name = "help", ...args] = argv;
  if (name === "help" || name === "--help") {
    console.log(usage());
    return 0;
  }
  // Two-word commands ("token create", "audit verify") are matched before one-word ones.
  const command = COMMANDS.find((c) => c.name === `${name} ${args[0] ?? ""}`) ?? COMMANDS.find((c) => c.name === name);
  if (!command) {
    console.error(`Unknown command "${[name, ...args].join(" ")}".\n\n${usage()}`);
    return 2;
  }
  return command.run(command.name.includes(" ") ? args.slice(1) : args);
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
