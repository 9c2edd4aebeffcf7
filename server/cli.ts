import { parseArgs } from "node:util";
import { Role } from "../contracts/common";
import { UserCreate } from "../contracts/users";
import { createUser } from "./modules/users/users.service";
import { systemActor } from "./platform/actor";
import { loadConfig } from "./platform/config";
import { DataDirInUseError } from "./platform/db/data-dir-lock";
import { createLogger } from "./platform/logger";
import { prepare } from "./runtime";

const usage = `Usage: accord <command> [options]

Commands:
  start                                   start the server (same as npm start)
  migrate                                 apply database migrations and exit
  user create --email E --password P [--role admin|head|manager|department] [--name "Full Name"] [--head EMAIL]
  backup FILE                             write a consistent backup of the whole database to FILE
  restore FILE                            restore FILE into an empty data directory or database
  seed --demo [--companies N] [--contacts-per-company K] [--seed S] [--append]
                                          fill the database with a demo client base and demo users

Configuration comes from the environment (DATABASE_URL, ACCORD_DATA_DIR, …); see README.md.`;

async function withContext<T>(fn: (ctx: Awaited<ReturnType<typeof prepare>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const ctx = await prepare(config, createLogger({ logLevel: "warn" }));
  try {
    return await fn(ctx);
  } finally {
    await ctx.database.close();
  }
}

async function userCreate(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string", default: "manager" },
      name: { type: "string" },
      head: { type: "string" },
    },
  });
  const role = Role.safeParse(values.role);
  if (!role.success) throw new Error(`--role must be one of ${Role.options.join(", ")}`);
  await withContext(async (ctx) => {
    let headId: string | null = null;
    if (values.head) {
      const { findUserByEmail } = await import("./modules/users/users.repo");
      const head = await findUserByEmail(ctx.db, ctx.workspaceId, values.head.toLowerCase());
      if (!head) throw new Error(`No user with the email ${values.head}`);
      headId = head.id;
    }
    const input = UserCreate.safeParse({
      email: values.email,
      password: values.password,
      fullName: values.name ?? values.email?.split("@")[0] ?? "",
      role: role.data,
      headId,
    });
    if (!input.success) {
      throw new Error(input.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("\n"));
    }
    const user = await createUser(ctx.db, systemActor(ctx.workspaceId), input.data);
    console.log(`Created ${user.role} ${user.email} (${user.id})`);
  });
}

async function main(argv: string[]) {
  const [command, sub, ...rest] = argv;
  switch (command) {
    case "start":
      await import("./main");
      return;
    case "migrate":
      await withContext(async () => console.log("Migrations applied."));
      return;
    case "user":
      if (sub === "create") return userCreate(rest);
      break;
    case "backup":
    case "restore": {
      if (!sub) throw new Error(`accord ${command} FILE: name the backup file`);
      const { backupToFile, restoreFromFile } = await import("./platform/backup");
      return withContext(async (ctx) => {
        const started = Date.now();
        const result =
          command === "backup"
            ? await backupToFile(ctx.database.pool, sub)
            : await restoreFromFile(ctx.database.pool, sub);
        const verb = command === "backup" ? "Backed up" : "Restored";
        console.log(
          `${verb} ${result.rows} rows of ${result.tables} tables in ${((Date.now() - started) / 1000).toFixed(1)} s (${sub}).`,
        );
      });
    }
    case "seed": {
      const { seedCommand } = await import("./db/seed/command");
      return seedCommand(argv.slice(1), withContext);
    }
    case undefined:
    case "help":
    case "--help":
      console.log(usage);
      return;
  }
  console.error(`Unknown command: ${argv.join(" ")}\n\n${usage}`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof DataDirInUseError) {
    console.error(
      `${error.message}\nWhile the server runs, an admin downloads a backup from Settings or with GET /api/v1/admin/backup.`,
    );
  } else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
