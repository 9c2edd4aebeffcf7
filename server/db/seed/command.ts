import { parseArgs } from "node:util";
import type { AppContext } from "../../platform/context";
import { seedActivities } from "./activities";
import { seedDeals } from "./deals";
import { type DemoProgress, seedDemo } from "./demo";
import { DEMO_PASSWORD } from "./users";

type WithContext = <T>(fn: (ctx: AppContext) => Promise<T>) => Promise<T>;

const usage =
  "Usage: accord seed --demo [--companies N] [--contacts-per-company K] [--managers M] [--deals D] [--activities A] [--seed S] [--append]";

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0`);
  return n;
}

/** Prints a line at most every two seconds, so a million-row seed shows it is alive. */
function progressPrinter(): (p: DemoProgress) => void {
  let lastPrinted = 0;
  return (p) => {
    const now = Date.now();
    if (now - lastPrinted < 2000 && p.companies < p.total) return;
    lastPrinted = now;
    const seconds = p.elapsedMs / 1000;
    const rate = seconds > 0 ? Math.round((p.companies + p.contacts) / seconds) : 0;
    const percent = p.total ? Math.floor((p.companies / p.total) * 100) : 100;
    console.log(
      `  companies ${p.companies.toLocaleString("en")}/${p.total.toLocaleString("en")} (${percent}%), ` +
        `contacts ${p.contacts.toLocaleString("en")}, ${rate.toLocaleString("en")} rows/s, ${seconds.toFixed(0)} s`,
    );
  };
}

/** Runs one set-based part of the demo seed (deals, activities) with its progress and timing lines. */
async function seedPart(
  label: string,
  count: number,
  run: (onProgress: (done: number, total: number) => void) => Promise<{ elapsedMs: number }>,
): Promise<void> {
  const made = await run((done, total) =>
    console.log(`  ${label} ${done.toLocaleString("en")}/${total.toLocaleString("en")}`),
  );
  console.log(`Done: ${count.toLocaleString("en")} ${label} in ${(made.elapsedMs / 1000).toFixed(1)} s.`);
}

/** `accord seed --demo …`: the demo team and a demo client base in the configured database. */
export async function seedCommand(args: string[], withContext: WithContext): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      demo: { type: "boolean", default: false },
      companies: { type: "string" },
      "contacts-per-company": { type: "string" },
      seed: { type: "string" },
      "batch-size": { type: "string" },
      append: { type: "boolean", default: false },
      /** Deals over the workspace's companies (with --companies 0 --append: deals for an existing base). */
      deals: { type: "string" },
      /** Activities over the workspace's companies (calls, e-mails, meetings, notes, tasks). */
      activities: { type: "string" },
      managers: { type: "string" },
    },
  });
  if (!values.demo) throw new Error(usage);
  const companies = positiveInt("companies", values.companies, 1000);
  const contactsPerCompany = positiveInt("contacts-per-company", values["contacts-per-company"], 2);
  const seed = positiveInt("seed", values.seed, 1);
  const batchSize = positiveInt("batch-size", values["batch-size"], 5000) || 5000;
  const deals = positiveInt("deals", values.deals, 0);
  const activities = positiveInt("activities", values.activities, 0);
  const managers = positiveInt("managers", values.managers, 8) || 8;
  await withContext(async (ctx) => {
    console.log(
      `Seeding ${companies.toLocaleString("en")} companies with ~${contactsPerCompany} contacts each ` +
        `(seed ${seed}) into ${ctx.database.kind}…`,
    );
    const result = await seedDemo(ctx.database, ctx.workspaceId, {
      companies,
      contactsPerCompany,
      seed,
      batchSize,
      append: values.append,
      managers,
      onProgress: progressPrinter(),
    });
    console.log(
      `Done: ${result.companies.toLocaleString("en")} companies, ${result.contacts.toLocaleString("en")} contacts ` +
        `in ${(result.elapsedMs / 1000).toFixed(1)} s.`,
    );
    if (deals > 0)
      await seedPart("deals", deals, (onProgress) =>
        seedDeals(ctx.database, ctx.workspaceId, { deals, seed, onProgress }),
      );
    if (activities > 0)
      await seedPart("activities", activities, (onProgress) =>
        seedActivities(ctx.database, ctx.workspaceId, { activities, seed, onProgress }),
      );
    const team = [result.team.admin, ...result.team.heads, ...result.team.managers];
    const created = team.filter((u) => u.created);
    if (created.length) {
      console.log(`\nDemo users (password: ${DEMO_PASSWORD}):`);
      for (const u of created) console.log(`  ${u.role.padEnd(8)} ${u.email.padEnd(26)} ${u.fullName}`);
    }
    const kept = team.filter((u) => !u.created);
    if (kept.length) console.log(`Existing users kept: ${kept.map((u) => u.email).join(", ")}`);
  });
}
