import { asc, eq } from "drizzle-orm";
import { ApiTokenCreateSchema } from "@shared/schemas/identity";
import { organisations, users } from "../db/schema";
import { createApiToken } from "../modules/api-tokens/commands/create-api-token";
import { type CliCommand, parseOptions, withDatabase } from "./command";

export const tokenCreateCommand: CliCommand = {
  name: "token create",
  usage: "token create --email <email> [--name <n>] [--days <d>]",
  summary: "print a new API token for an existing person (shown once)",
  async run(args) {
    const { options } = parseOptions(args);
    const email = typeof options.email === "string" ? options.email.trim().toLowerCase() : undefined;
    if (!email) {
      console.error("Give the person's address: npm run cli -- token create --email someone@council.example.gov.uk");
      return 2;
    }
    const input = ApiTokenCreateSchema.safeParse({
      name: typeof options.name === "string" ? options.name : "Command-line token",
      ...(typeof options.days === "string" ? { expiresInDays: Number(options.days) } : {}),
    });
    if (!input.success) {
      console.error(input.error.issues.map((i) => `--${i.path.join(".") === "expiresInDays" ? "days" : i.path.join(".")}: ${i.message}`).join("\n"));
      return 2;
    }
    return withDatabase(async (handle) => {
      const matches = await handle.db.select().from(users).where(eq(users.email, email));
      const [user] = matches.filter((u) => !u.disabledAt);
      if (!user) {
        console.error(`No active person has the address ${email}. They must sign in once first (npm run cli -- users list shows who has).`);
        return 1;
      }
      if (matches.length > 1) {
        console.error(`${matches.length} people (from different identity providers) have the address ${email}; refusing to guess which one.`);
        return 1;
      }
      const { token } = await createApiToken({ db: handle.db, userId: user.id, organisationId: user.organisationId, input: input.data, via: "cli" });
      console.log(token);
      return 0;
    });
  },
};

export const usersListCommand: CliCommand = {
  name: "users list",
  usage: "users list",
  summary: "print one JSON line per person (email, role, organisation)",
  async run() {
    return withDatabase(async (handle) => {
      const rows = await handle.db
        .select({ user: users, organisation: organisations })
        .from(users)
        .leftJoin(organisations, eq(organisations.id, users.organisationId))
        .orderBy(asc(users.email));
      for (const { user, organisation } of rows) {
        console.log(
          JSON.stringify({
            email: user.email,
            role: user.role,
            orgAdmin: user.orgAdmin,
            organisationId: organisation?.id ?? null,
            organisationName: organisation?.name ?? null,
            organisationKind: organisation?.kind ?? null,
            disabled: user.disabledAt !== null,
            lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
          }),
        );
      }
      return 0;
    });
  },
};
