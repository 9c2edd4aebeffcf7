import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  Api,
  type Child,
  companiesCsv,
  freshPostgres,
  type ImportState,
  importForm,
  pollUntil,
  postgresAvailable,
  query,
  removeDir,
  type Store,
  sleep,
  startServer,
  tempDataDir,
} from "./support";

/**
 * SIGKILL at random moments: every write the server acknowledged (201) must survive, and an
 * import killed mid-way must resume from its committed position and end with each row once.
 */

const ROUNDS = Number(process.env.ACCORD_CRASH_ROUNDS ?? 20);
const IMPORT_KILLS = Number(process.env.ACCORD_IMPORT_KILLS ?? 2);
const IMPORT_ROWS = 20_000;
const CONCURRENCY = 16;
/** Requests one burst may send at most: the kill always lands well before this. */
const BURST_CAP = 400;

const random = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));

type Backend = { name: string; make(tag: string): Promise<{ store: Store; cleanup(): Promise<void> }> };

const pglite: Backend = {
  name: "PGlite",
  async make() {
    const dataDir = tempDataDir();
    return { store: { kind: "pglite", dataDir }, cleanup: async () => removeDir(dataDir) };
  },
};

const postgres: Backend = {
  name: "PostgreSQL",
  async make(tag) {
    const db = await freshPostgres(tag);
    const dataDir = tempDataDir();
    return {
      store: { kind: "postgres", url: db.url, dataDir },
      async cleanup() {
        await db.drop();
        removeDir(dataDir);
      },
    };
  },
};

/** Concurrent company creations until the server dies (or the cap); returns the 201 ids. */
async function burst(
  api: Api,
  round: number,
  onAck: (count: number) => void,
): Promise<{ acked: string[]; sent: number }> {
  const acked: string[] = [];
  let sent = 0;
  let dead = false;
  const worker = async (w: number) => {
    while (!dead && sent < BURST_CAP) {
      const n = sent++;
      try {
        const res = await fetch(`${api.url}/api/v1/companies`, {
          method: "POST",
          headers: { origin: api.url, cookie: api.cookie, "content-type": "application/json" },
          body: JSON.stringify({ name: `Crash r${round} w${w} n${n}` }),
          signal: AbortSignal.timeout(30_000),
        });
        const body = (await res.json()) as { id?: string };
        if (res.status === 201 && body.id) {
          acked.push(body.id);
          onAck(acked.length);
        } else if (res.status !== 201) {
          throw new Error(`unexpected ${res.status}: ${JSON.stringify(body)}`);
        }
      } catch (error) {
        // The connection dies with the process: that request was never acknowledged.
        if (error instanceof Error && error.message.startsWith("unexpected")) throw error;
        dead = true;
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));
  return { acked, sent };
}

/**
 * Companies and distinct INNs: by SQL on PostgreSQL; on PGlite (whose socket the server's own
 * pool holds) through the CSV export, which streams every live company.
 */
async function countCompanies(store: Store, api: Api): Promise<{ n: number; inns: number }> {
  if (store.kind === "postgres") {
    const [row] = await query<{ n: string; inns: string }>(
      store,
      "select count(*) as n, count(distinct inn) as inns from companies where deleted_at is null",
    );
    return { n: Number(row?.n), inns: Number(row?.inns) };
  }
  const res = await api.request("GET", "/api/v1/exports/companies.csv");
  expect(res.status).toBe(200);
  const lines = (await res.text())
    .replace(/^\uFEFF/, "")
    .split("\r\n")
    .filter(Boolean);
  const header = lines[0]!.split(";");
  const at = header.findIndex((h) => h === "ИНН" || h === "INN");
  const inns = new Set(lines.slice(1).map((l) => l.split(";")[at]));
  return { n: lines.length - 1, inns: inns.size };
}

/** One import, killed IMPORT_KILLS times while running; each resume waits out the job's lease. */
async function importCase(backend: Backend): Promise<void> {
  const env = await backend.make("import");
  let server: Child | undefined;
  try {
    const started = Date.now();
    server = await startServer(env.store);
    let api = await new Api(server.url).login();
    const imp = await api.json<ImportState>(
      "POST",
      "/api/v1/imports",
      importForm(companiesCsv(IMPORT_ROWS, 7)),
    );
    const read = () => api.json<ImportState>("GET", `/api/v1/imports/${imp.id}`);
    let killedAt = 0;
    const kills: string[] = [];
    for (let k = 0; k < IMPORT_KILLS; k++) {
      // The queue re-runs the job once its lease (60 s) runs out: allow two of them.
      const state = await pollUntil(
        read,
        (s) => s.processed > killedAt || s.status === "done" || s.status === "failed",
        150_000,
        50,
      );
      if (state.status !== "running") break;
      await server.kill("SIGKILL");
      killedAt = state.processed;
      kills.push(`${state.processed} at ${((Date.now() - started) / 1000).toFixed(1)} s`);
      server = await startServer(env.store);
      api = await new Api(server.url).login();
    }
    const end = await pollUntil(read, (s) => s.status !== "queued" && s.status !== "running", 150_000, 250);
    const counted = await countCompanies(env.store, api);
    const [job] =
      env.store.kind === "postgres"
        ? await query<{ attempts: number }>(
            env.store,
            "select attempts from jobs where kind like '%import%' order by created_at desc limit 1",
          )
        : [];
    console.info(
      `[${backend.name}] import of ${IMPORT_ROWS}: killed at processed ${kills.join(", ")}; ended ${end.status} created ${end.created} in ${((Date.now() - started) / 1000).toFixed(1)} s; ${counted.n} companies (${counted.inns} distinct INNs); job attempts ${job?.attempts ?? "n/a"}`,
    );
    expect(kills.length, "the import was killed while running").toBeGreaterThan(0);
    expect(end).toMatchObject({ status: "done", created: IMPORT_ROWS, failed: 0, processed: IMPORT_ROWS });
    expect(counted).toEqual({ n: IMPORT_ROWS, inns: IMPORT_ROWS });
    await server.kill("SIGTERM");
    server = undefined;
  } finally {
    await server?.kill("SIGKILL");
    await env.cleanup();
  }
}

// The imports spend most of their time waiting out the lease: the two backends wait together.
describe("import killed mid-way", () => {
  for (const backend of [pglite, postgres]) {
    const run = backend === postgres && !postgresAvailable ? test.skip : test.concurrent;
    run(
      `on ${backend.name}: ${IMPORT_ROWS} rows survive ${IMPORT_KILLS} SIGKILLs, each row created once`,
      () => importCase(backend),
    );
  }
});

for (const backend of [pglite, postgres]) {
  describe.skipIf(backend === postgres && !postgresAvailable)(`crash loops on ${backend.name}`, () => {
    let env: Awaited<ReturnType<Backend["make"]>>;
    let server: Child | undefined;
    beforeAll(async () => {
      env = await backend.make("crash");
    });
    afterAll(async () => {
      await server?.kill("SIGKILL");
      await env?.cleanup();
    });

    test(`${ROUNDS} rounds of SIGKILL mid-burst lose no acknowledged company`, async () => {
      const all: string[] = [];
      const started = Date.now();
      for (let round = 0; round < ROUNDS; round++) {
        server = await startServer(env.store);
        const api = await new Api(server.url).login();
        const target = random(1, 120);
        const child = server;
        let killing: Promise<void> | undefined;
        const { acked, sent } = await burst(api, round, (count) => {
          if (count === target && !killing) killing = sleep(random(0, 20)).then(() => child.kill("SIGKILL"));
        });
        // The cap is far above the kill point, but never leave a live server behind.
        await (killing ?? child.kill("SIGKILL"));
        expect(sent, "the kill landed mid-burst").toBeLessThan(BURST_CAP);
        all.push(...acked);
      }
      server = await startServer(env.store);
      const api = await new Api(server.url).login();
      const missing: string[] = [];
      for (let i = 0; i < all.length; i += CONCURRENCY) {
        const statuses = await Promise.all(
          all
            .slice(i, i + CONCURRENCY)
            .map(async (id) => [id, (await api.request("GET", `/api/v1/companies/${id}`)).status] as const),
        );
        for (const [id, status] of statuses) if (status !== 200) missing.push(`${id}: ${status}`);
      }
      console.info(
        `[${backend.name}] ${ROUNDS} crash rounds, ${all.length} acknowledged creations, ${missing.length} missing, ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      expect(missing).toEqual([]);
      expect(all.length).toBeGreaterThan(0);
      await server.kill("SIGTERM");
      server = undefined;
    });
  });
}
