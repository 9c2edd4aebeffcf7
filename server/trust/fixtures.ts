import { readdirSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { LightMyRequestResponse } from "fastify";
import type { Role } from "../../contracts/common";
import { enrol } from "../modules/cadences/cadences.enrol";
import { type DocumentsFreshKind, makeDocumentsFresh } from "../modules/documents/documents.fixtures";
import { inn10, multipart, setTempDataDir as tempDataDir } from "../modules/imports/imports.test-support";
import { notify } from "../modules/notifications/notifications.service";
import { freshProposalRow } from "../modules/proposals/proposals.fixtures";
import { createUser } from "../modules/users/users.service";
import { systemActor } from "../platform/actor";
import { tableFingerprints } from "../platform/backup";
import { type Harness, PASSWORD, type Session } from "../test/harness";
import type { Entry, SharedRow } from "./route-kit";
import { type DealFreshKind, makeFreshDealRow, makeWorldDeal } from "./routes/deals.fixtures";

/**
 * The people of the permission matrix, in one database: admin; head A with manager A1 (who owns
 * the clients under test) and manager A2; head B with manager B1 (another team); a department
 * user; nobody signed in; and an integration token of A1 limited to reading.
 */
export const actorNames = [
  "admin",
  "headA",
  "A1",
  "A2",
  "headB",
  "B1",
  "dept",
  "anonymous",
  "tokenA1",
] as const;
export type ActorName = (typeof actorNames)[number];

export type Who = {
  name: ActorName;
  /** null for anonymous. */
  role: Role | null;
  id: string | null;
  readToken: boolean;
  auth: { cookie?: string; token?: string };
};

/**
 * A1's client, distinctive in every searchable field, so a leak is found by plain text search of
 * any answer (JSON, CSV, XLSX cells, problem details).
 */
export const SECRET = {
  name: "ООО «Тайный Сад Аркадия»",
  inn: inn10(4242),
  kpp: "773601001",
  phone: "+7 (495) 987-65-43",
  phoneDigits: "74959876543",
  email: "arkady@tainy-sad.ru",
  address: "г. Москва, Потайной переулок, 13",
  city: "Зеленоград",
  tag: "тайна",
  contactLastName: "Засекречинский",
  contactEmail: "zasekr@tainy-sad.ru",
  contactPhone: "+7 (916) 123-45-67",
} as const;

export type World = Awaited<ReturnType<typeof makeWorld>>;

async function json<T>(res: Promise<LightMyRequestResponse>, status: number): Promise<T> {
  const r = await res;
  if (r.statusCode !== status) throw new Error(`fixture: expected ${status}, got ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

/** A small CSV of one company, as an import takes it. */
export const importFile = (inn: string, name = "ООО «Импортная проба»") => ({
  name: "clients.csv",
  content: `Наименование;ИНН\r\n${name};${inn}\r\n`,
});

/** Builds the actors and A1's rows; everything goes through the API (users through the service). */
export async function makeWorld(h: Harness) {
  // Uploads go to a temporary directory, never into the repository's ./data.
  const dataDir = tempDataDir(h);
  const admin = await h.userWith("admin");
  const headA = await h.userWith("head");
  const A1 = await h.userWith("manager", { headId: headA.user.id });
  const A2 = await h.userWith("manager", { headId: headA.user.id });
  const headB = await h.userWith("head");
  const B1 = await h.userWith("manager", { headId: headB.user.id });
  const dept = await h.userWith("department");
  const token = await json<{ id: string; token: string }>(
    h.post("/api/v1/api-tokens", { name: "integration", scope: "read" }, A1),
    201,
  );
  const sessions = { admin, headA, A1, A2, headB, B1, dept };
  const who = (name: Exclude<ActorName, "anonymous" | "tokenA1">): Who => ({
    name,
    role: sessions[name].user.role,
    id: sessions[name].user.id,
    readToken: false,
    auth: { cookie: sessions[name].cookie },
  });
  const actors: Who[] = [
    who("admin"),
    who("headA"),
    who("A1"),
    who("A2"),
    who("headB"),
    who("B1"),
    who("dept"),
    { name: "anonymous", role: null, id: null, readToken: false, auth: {} },
    { name: "tokenA1", role: "manager", id: A1.user.id, readToken: true, auth: { token: token.token } },
  ];
  // The oracle's idea of the teams, written down here rather than asked of the server.
  const teams: Record<string, string[]> = {
    [headA.user.id]: [headA.user.id, A1.user.id, A2.user.id],
    [headB.user.id]: [headB.user.id, B1.user.id],
  };

  const company = await json<{ id: string }>(
    h.post(
      "/api/v1/companies",
      {
        name: SECRET.name,
        inn: SECRET.inn,
        kpp: SECRET.kpp,
        phones: [SECRET.phone],
        emails: [SECRET.email],
        address: SECRET.address,
        city: SECRET.city,
        tags: [SECRET.tag],
        status: "client",
      },
      A1,
    ),
    201,
  );
  const contact = await json<{ id: string }>(
    h.post(
      "/api/v1/contacts",
      {
        companyId: company.id,
        lastName: SECRET.contactLastName,
        firstName: "Аркадий",
        emails: [SECRET.contactEmail],
        phones: [SECRET.contactPhone],
      },
      A1,
    ),
    201,
  );
  const view = await json<{ id: string }>(
    h.post("/api/v1/views", { entity: "companies", name: "Мои тайные", query: { tag: SECRET.tag } }, A1),
    201,
  );
  const importJob = await startImport(h, A1, inn10(4243));
  const deal = await makeWorldDeal(h, A1, company.id);
  return {
    dataDir,
    sessions,
    actors,
    teams,
    token,
    company,
    contact,
    view,
    importJob,
    deal,
    secrets: [SECRET.name, SECRET.inn, SECRET.phoneDigits, SECRET.email, SECRET.contactLastName],
  };
}

/** A dry-run company import by `as`, left queued (no worker runs in the matrix). */
export async function startImport(h: Harness, as: Session, inn: string): Promise<{ id: string }> {
  const { body, headers } = multipart({ entity: "companies", dryRun: "true" }, importFile(inn));
  return json(h.request("POST", "/api/v1/imports", { body, headers, cookie: as.cookie }), 202);
}

/** A row an operation acts on: its ids, whose it is, and texts that must not leak in a refusal. */
export type Row = { ids: string[]; owner: string; texts: string[] };

export type FreshKind =
  | "company"
  | "companyPair"
  | "contact"
  | "deletedCompany"
  | "deletedContact"
  | "user"
  | "apiToken"
  | "view"
  | "importJob"
  | DealFreshKind
  | "activity"
  | "doneActivity"
  | "deletedActivity"
  | "notification"
  | DocumentsFreshKind
  | "proposalClient"
  | "proposal"
  | "sentProposal"
  | "approval"
  // Catalogue rows (admin-maintained; the reach is "all", so the owner is the admin who made them).
  | "product"
  | "deletedProduct"
  | "productGroup"
  | "priceList"
  | "discountRuleSet"
  | "discountRule"
  | "termsTemplate"
  | "organisation"
  // reliability
  | "companyWithStatement"
  | "cadence"
  | "deletedCadence"
  | "cadenceTarget"
  | "enrolment"
  | "enrolJob";

let serial = 0;

/**
 * A new row of A1's (a user in head A's team for `user`) for one write attempt, so that one
 * actor's allowed write never changes what the next actor is tested against.
 */
export async function makeFresh(h: Harness, w: World, kind: FreshKind): Promise<Row> {
  const n = ++serial;
  const A1 = w.sessions.A1;
  const owner = A1.user.id;
  const company = async (name: string) =>
    (await json<{ id: string }>(h.post("/api/v1/companies", { name }, A1), 201)).id;
  const contact = async (lastName: string) =>
    (await json<{ id: string }>(h.post("/api/v1/contacts", { lastName, companyId: w.company.id }, A1), 201))
      .id;
  switch (kind) {
    case "company": {
      const name = `Свежая фирма ${n}`;
      return { ids: [await company(name)], owner, texts: [name] };
    }
    case "companyPair": {
      const names = [`Слияние-цель ${n}`, `Слияние-источник ${n}`];
      return { ids: [await company(names[0]!), await company(names[1]!)], owner, texts: names };
    }
    case "contact": {
      const name = `Свежаков${n}`;
      return { ids: [await contact(name)], owner, texts: [name] };
    }
    case "deletedCompany": {
      const name = `Удалённая фирма ${n}`;
      const id = await company(name);
      await json(h.del(`/api/v1/companies/${id}`, A1), 200);
      return { ids: [id], owner, texts: [name] };
    }
    case "deletedContact": {
      const name = `Удалёнов${n}`;
      const id = await contact(name);
      await json(h.del(`/api/v1/contacts/${id}`, A1), 200);
      return { ids: [id], owner, texts: [name] };
    }
    case "user": {
      const fullName = `Сотрудник Матрицы ${n}`;
      const user = await createUser(h.ctx.db, systemActor(h.ctx.workspaceId), {
        email: `matrix-user-${n}@example.ru`,
        password: PASSWORD,
        fullName,
        role: "manager",
        headId: w.sessions.headA.user.id,
      });
      return { ids: [user.id], owner: user.id, texts: [fullName] };
    }
    case "apiToken": {
      const created = await json<{ id: string }>(
        h.post("/api/v1/api-tokens", { name: `robot ${n}`, scope: "write" }, A1),
        201,
      );
      return { ids: [created.id], owner, texts: [] };
    }
    case "view": {
      const name = `Вид ${n}`;
      const view = await json<{ id: string }>(
        h.post("/api/v1/views", { entity: "contacts", name, query: {} }, A1),
        201,
      );
      return { ids: [view.id], owner, texts: [name] };
    }
    case "importJob":
      return { ids: [(await startImport(h, A1, inn10(5000 + n))).id], owner, texts: [] };
    case "activity":
    case "doneActivity":
    case "deletedActivity": {
      const subject = `Тайная задача ${n}`;
      const body = { type: "task", subject, companyId: w.company.id, dueAt: "2026-12-02T09:00:00+03:00" };
      const { id } = await json<{ id: string }>(h.post("/api/v1/activities", body, A1), 201);
      if (kind === "doneActivity")
        await json(h.post(`/api/v1/activities/${id}/complete`, { version: 1 }, A1), 200);
      if (kind === "deletedActivity") await json(h.del(`/api/v1/activities/${id}`, A1), 200);
      return { ids: [id], owner, texts: [subject] };
    }
    case "notification": {
      const title = `Тайная весть ${n}`;
      await notify(h.ctx.db, { workspaceId: h.ctx.workspaceId, userIds: [owner], kind: "test", title });
      const { items } = await json<{ items: { id: string }[] }>(
        h.get("/api/v1/notifications?limit=1", A1),
        200,
      );
      return { ids: [items[0]!.id], owner, texts: [title] };
    }
    // Documents, mail and invoices: proposals seeded in the database, the rest through the API.
    case "printableProposal":
    case "acceptedProposal":
    case "invoice":
    case "payment":
    case "documentTemplate":
    case "mailServer":
      return makeDocumentsFresh(h, w, kind, n);
    case "proposalClient":
    case "proposal":
    case "sentProposal":
    case "approval":
      return freshProposalRow(h, A1, kind, n);
    case "product":
    case "deletedProduct":
    case "productGroup":
    case "priceList":
    case "discountRuleSet":
    case "discountRule":
    case "termsTemplate":
    case "organisation":
      return makeCatalogueRow(h, w, kind, n);
    // reliability
    case "companyWithStatement": {
      const name = `Фирма с отчётностью ${n}`;
      const id = await company(name);
      const res = await h.request("PUT", `/api/v1/companies/${id}/financials/2025`, {
        cookie: A1.cookie,
        body: { lines: { "1600": "100" } },
      });
      if (res.statusCode !== 200) throw new Error(`statement fixture: ${res.statusCode} ${res.body}`);
      return { ids: [id], owner, texts: [name] };
    }
    case "cadence":
    case "deletedCadence":
    case "cadenceTarget":
    case "enrolment":
    case "enrolJob":
      return freshCadenceRow(h, w, kind, n);
    default:
      return makeFreshDealRow(h, w, kind, n);
  }
}

/** Catalogue rows for one write attempt, made by the admin through the API. */
async function makeCatalogueRow(h: Harness, w: World, kind: FreshKind, n: number): Promise<Row> {
  const admin = w.sessions.admin;
  const owner = admin.user.id;
  const make = async (url: string, body: unknown) =>
    (await json<{ id: string }>(h.post(url, body, admin), 201)).id;
  const product = () => make("/api/v1/products", { sku: `FX-${n}`, name: `Свежий товар ${n}` });
  const ruleSet = () => make("/api/v1/discount-rule-sets", { name: `Свежий набор ${n}` });
  switch (kind) {
    case "product":
      return { ids: [await product()], owner, texts: [] };
    case "deletedProduct": {
      const id = await product();
      await json(h.del(`/api/v1/products/${id}`, admin), 200);
      return { ids: [id], owner, texts: [] };
    }
    case "productGroup":
      return {
        ids: [await make("/api/v1/product-groups", { name: `Свежая группа ${n}` })],
        owner,
        texts: [],
      };
    case "priceList":
      return {
        ids: [await make("/api/v1/price-lists", { name: `Свежий прайс ${n}` }), await product()],
        owner,
        texts: [],
      };
    case "discountRuleSet":
      return { ids: [await ruleSet()], owner, texts: [] };
    case "discountRule": {
      const body = {
        ruleSetId: await ruleSet(),
        name: "Свежее",
        kind: "volume_amount",
        percent: "3",
        minAmount: "100",
      };
      return { ids: [await make("/api/v1/discount-rules", body)], owner, texts: [] };
    }
    case "termsTemplate": {
      const body = { kind: "payment", name: `Свежие условия ${n}`, prepaymentPercent: 30 };
      return { ids: [await make("/api/v1/terms-templates", body)], owner, texts: [] };
    }
    case "organisation": {
      const body = { name: `ООО «Свежий продавец ${n}»`, inn: inn10(9000 + n) };
      return { ids: [await make("/api/v1/organisations", body)], owner, texts: [] };
    }
    default:
      throw new Error(`no fresh row of kind ${kind}`);
  }
}

/** Contact schemes' rows, all A1's: a scheme, a deleted one, a scheme with a company to enrol, an enrolment, an enrolment job. */
async function freshCadenceRow(
  h: Harness,
  w: World,
  kind: "cadence" | "deletedCadence" | "cadenceTarget" | "enrolment" | "enrolJob",
  n: number,
): Promise<Row> {
  const A1 = w.sessions.A1;
  const owner = A1.user.id;
  const name = `Схема матрицы ${n}`;
  const cadence = await json<{ id: string }>(
    h.post(
      "/api/v1/cadences",
      { name, steps: [{ type: "call", delayWorkingDays: 3, subject: "Звонок" }] },
      A1,
    ),
    201,
  );
  if (kind === "cadence") return { ids: [cadence.id], owner, texts: [name] };
  if (kind === "deletedCadence") {
    await json(h.del(`/api/v1/cadences/${cadence.id}`, A1), 200);
    return { ids: [cadence.id], owner, texts: [name] };
  }
  const companyName = `Фирма схемы ${n}`;
  const company = await json<{ id: string }>(h.post("/api/v1/companies", { name: companyName }, A1), 201);
  if (kind === "cadenceTarget") return { ids: [cadence.id, company.id], owner, texts: [companyName] };
  if (kind === "enrolJob") {
    const actor = {
      ...systemActor(h.ctx.workspaceId),
      id: owner,
      role: "manager" as const,
      teamIds: [owner],
    };
    const started = await enrol(
      h.ctx.db,
      actor,
      cadence.id,
      { filter: { q: companyName } as never },
      { inlineLimit: 0 },
    );
    return { ids: [started.jobId!], owner, texts: [] };
  }
  await json(h.post(`/api/v1/cadences/${cadence.id}/enrol`, { companyIds: [company.id] }, A1), 200);
  const list = await json<{ items: { id: string }[] }>(
    h.get(`/api/v1/cadences/${cadence.id}/enrolments`, A1),
    200,
  );
  return { ids: [list.items[0]!.id], owner, texts: [companyName] };
}

/** Every file under the data directory (uploads), to prove a refused upload stored nothing. */
function files(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * What a refused write must leave untouched: the row count and an order-independent hash of
 * every table, and the stored files. `before` first marks every session and token as just used,
 * so the once-a-minute "last seen" touch cannot fire during the attempt and pass for a change.
 */
export async function snapshot(h: Harness, w: World, moment: "before" | "after") {
  if (moment === "before") {
    await h.ctx.database.pool.query("update sessions set last_seen_at = now()");
    await h.ctx.database.pool.query("update api_tokens set last_used_at = now()");
  }
  return { tables: await tableFingerprints(h.ctx.database.pool), files: files(w.dataDir) };
}

/** Sends an operation's call as an actor: JSON, multipart or no body at all. */
export function send(
  h: Harness,
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
  who: Who,
  call: { url: string; body?: unknown; multipart?: { fields: Record<string, string>; file: FileSpec } },
) {
  if (call.multipart) {
    const { body, headers } = multipart(call.multipart.fields, call.multipart.file);
    return h.request(method, call.url, { body, headers, ...who.auth });
  }
  return h.request(method, call.url, {
    ...(call.body === undefined ? {} : { body: call.body }),
    ...who.auth,
  });
}
export type FileSpec = { name: string; content: string | Buffer };

/** Signs an actor in again when a password change elsewhere ended their session. */
export async function keepSignedIn(h: Harness, w: World): Promise<void> {
  for (const who of w.actors) {
    if (!who.auth.cookie) continue;
    if ((await h.get("/api/v1/auth/me", { cookie: who.auth.cookie })).statusCode !== 401) continue;
    const name = who.name as keyof World["sessions"];
    const fresh = await h.signIn(w.sessions[name].user.email);
    w.sessions[name].cookie = fresh.cookie;
    who.auth = { cookie: fresh.cookie };
  }
}

/** The text of an answer as a person would read it: the cells of an XLSX file, else the body. */
export async function bodyText(res: LightMyRequestResponse): Promise<string> {
  if (!String(res.headers["content-type"]).includes("spreadsheetml")) return res.body;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => cells.push(JSON.stringify(row.values))));
  return cells.join("\n");
}

/** The row an operation acts on for one attempt: one of A1's shared rows, or a fresh one for a write. */
export async function rowFor(h: Harness, w: World, entry: Entry): Promise<Row | null> {
  if (entry.kind !== "table" || !entry.row) return null;
  const a1 = w.sessions.A1.user.id;
  const shared: Record<SharedRow, Row> = {
    a1Company: { ids: [w.company.id], owner: a1, texts: w.secrets },
    a1Contact: { ids: [w.contact.id], owner: a1, texts: w.secrets },
    a1User: { ids: [a1], owner: a1, texts: [] },
    a1Import: { ids: [w.importJob.id], owner: a1, texts: [] },
  };
  return entry.row in shared ? shared[entry.row as SharedRow] : makeFresh(h, w, entry.row as FreshKind);
}
