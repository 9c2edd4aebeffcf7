import { execFileSync } from "node:child_process";
import type { AddressInfo } from "node:net";
import PizZip from "pizzip";
import { SMTPServer } from "smtp-server";
import { uuidv7 } from "../../../core/uuid";
import { mailSettings, organisations, proposalLines, proposals } from "../../db/schema";
import type { Db } from "../../platform/db/client";
import { multipart as multipartBody } from "../imports/imports.test-support";
import { buildDefaultTemplate } from "./docx.template";

/**
 * Test data for documents and invoices. The proposals service lives elsewhere, so proposal rows
 * are inserted directly, with amounts as core/vat computes them (1000.00 gross at 22% holds
 * 180.33 VAT — the domain vector).
 */
export async function seedOrganisation(
  db: Db,
  workspaceId: string,
  over: Partial<typeof organisations.$inferInsert> = {},
): Promise<string> {
  const id = uuidv7();
  await db.insert(organisations).values({
    id,
    workspaceId,
    name: "ООО «Северный Ветер»",
    fullName: "Общество с ограниченной ответственностью «Северный Ветер»",
    inn: "7707083893",
    kpp: "773601001",
    ogrn: "1027700132195",
    address: "г. Москва, ул. Ленинская Слобода, д. 19",
    bankName: "ПАО СБЕРБАНК г. Москва",
    bik: "044525225",
    account: "40702810938000012345",
    corrAccount: "30101810400000000225",
    director: "Журавлёв И. П.",
    directorTitle: "Генеральный директор",
    accountant: "Щукина Е. Ю.",
    vatPayer: true,
    ...over,
  });
  return id;
}

export type SeedLine = {
  name: string;
  quantity: string;
  price: string;
  vatRate: "22" | "none";
  net: string;
  vat: string;
  gross: string;
  discountPercent?: string;
};

/** Two lines, 52 151,00 in all, prices including VAT at 22%. */
export const vatLines: SeedLine[] = [
  {
    name: "Шкаф металлический ШМ-1",
    quantity: "1",
    price: "1000.00",
    vatRate: "22",
    net: "819.67",
    vat: "180.33",
    gross: "1000.00",
  },
  {
    name: "Стеллаж «Эконом»",
    quantity: "10",
    price: "5683.45",
    vatRate: "22",
    net: "41926.97",
    vat: "9224.03",
    gross: "51151.00",
    discountPercent: "10",
  },
];
/** The same goods from a seller on УСН. */
export const noVatLines: SeedLine[] = vatLines.map((l) => ({
  ...l,
  vatRate: "none",
  net: l.gross,
  vat: "0.00",
}));

const sum = (xs: string[]) => {
  const k = xs.reduce((s, x) => s + Math.round(Number(x) * 100), 0);
  return `${Math.floor(k / 100)}.${String(k % 100).padStart(2, "0")}`;
};

export async function seedProposal(
  db: Db,
  p: {
    workspaceId: string;
    organisationId: string;
    companyId: string;
    ownerId: string;
    contactId?: string | null;
    status?: (typeof proposals.$inferInsert)["status"];
    number?: string;
    lines?: SeedLine[];
    vatIncluded?: boolean;
  },
): Promise<string> {
  const id = uuidv7();
  const lines = p.lines ?? vatLines;
  await db.insert(proposals).values({
    id,
    workspaceId: p.workspaceId,
    groupId: id,
    number: p.number ?? `КП-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
    organisationId: p.organisationId,
    companyId: p.companyId,
    contactId: p.contactId ?? null,
    ownerId: p.ownerId,
    createdBy: p.ownerId,
    status: p.status ?? "approved",
    vatIncluded: p.vatIncluded ?? true,
    net: sum(lines.map((l) => l.net)),
    vat: sum(lines.map((l) => l.vat)),
    gross: sum(lines.map((l) => l.gross)),
    maxDiscountPercent: "10",
    issueDate: "2026-11-27",
    validUntil: "2026-12-11",
    paymentTerms: "Предоплата 50%",
    deliveryTerms: "Самовывоз со склада",
    notOffer: true,
  });
  await db.insert(proposalLines).values(
    lines.map((l, i) => ({
      id: uuidv7(),
      workspaceId: p.workspaceId,
      proposalId: id,
      position: i + 1,
      sku: `ART-${i + 1}`,
      name: l.name,
      unitCode: "796",
      quantity: l.quantity,
      listPrice: l.price,
      discountPercent: l.discountPercent ?? "0",
      price: l.price,
      vatRate: l.vatRate,
      net: l.net,
      vat: l.vat,
      gross: l.gross,
    })),
  );
  return id;
}

/** The text of a PDF as poppler's pdftotext reads it (what a reader and a search index see). */
export function pdfText(pdf: Buffer): string {
  return execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", "-", "-"], { input: pdf })
    .toString("utf8")
    .replace(/\u00a0/g, " ");
}

/** word/document.xml of a .docx, tags stripped to the text a reader shows. */
export function docxText(docx: Buffer): string {
  const xml = new PizZip(docx).file("word/document.xml")!.asText();
  return xml
    .replace(/<\/w:p>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/\u00a0/g, " ");
}

export type Received = { from: string; to: string[]; raw: string };

/** A real SMTP server on a random local port that keeps what it receives. */
export async function startSmtp() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "robot" && auth.password === "секрет-123")
        callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    unref: () => server.server.unref(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on: a server started and stopped at once. */
export async function closedPort(): Promise<number> {
  const s = await startSmtp();
  await s.close();
  return s.port;
}

/** Decodes the base64 attachment of a MIME message by its file name. */
export function attachment(raw: string, fileName: string): Buffer | null {
  const at =
    raw.indexOf(`filename=${fileName}`) >= 0
      ? raw.indexOf(`filename=${fileName}`)
      : raw.indexOf(`filename="${fileName}"`);
  if (at < 0) return null;
  const start = raw.indexOf("\r\n\r\n", at);
  const end = raw.indexOf("\r\n--", start);
  return Buffer.from(raw.slice(start + 4, end).replace(/\s+/g, ""), "base64");
}

/** Fresh rows the permission matrix acts on (server/trust/fixtures.ts delegates these kinds). */
export const documentsFreshKinds = [
  "printableProposal",
  "acceptedProposal",
  "invoice",
  "payment",
  "documentTemplate",
  "mailServer",
] as const;
export type DocumentsFreshKind = (typeof documentsFreshKinds)[number];

type MatrixWorld = {
  company: { id: string };
  sessions: Record<"A1" | "admin", { cookie: string; user: { id: string } }>;
};
type MatrixHarness = {
  ctx: { db: Db; workspaceId: string };
  post: (
    url: string,
    body: unknown,
    s?: { cookie: string },
  ) => Promise<{ statusCode: number; body: string; json: () => unknown }>;
  request: (
    method: "POST",
    url: string,
    opts: { body: unknown; headers: Record<string, string>; cookie: string },
  ) => Promise<{ statusCode: number; body: string; json: () => unknown }>;
};

const matrix = new WeakMap<object, { organisationId: string; smtpPort: number }>();

/** One organisation and one live SMTP server per matrix run; mail settings point at it. */
async function matrixSetup(h: MatrixHarness) {
  let state = matrix.get(h);
  if (!state) {
    const smtp = await startSmtp();
    // The server lives as long as the test process; it must not keep it alive.
    smtp.unref();
    state = { organisationId: await seedOrganisation(h.ctx.db, h.ctx.workspaceId), smtpPort: smtp.port };
    matrix.set(h, state);
  }
  await h.ctx.db
    .insert(mailSettings)
    .values({
      workspaceId: h.ctx.workspaceId,
      host: "127.0.0.1",
      port: state.smtpPort,
      security: "none",
      fromAddress: "matrix@example.ru",
    })
    .onConflictDoUpdate({
      target: mailSettings.workspaceId,
      set: { host: "127.0.0.1", port: state.smtpPort, security: "none", username: null, password: null },
    });
  return state;
}

async function created<T>(
  res: Promise<{ statusCode: number; body: string; json: () => unknown }>,
): Promise<T> {
  const r = await res;
  if (r.statusCode !== 201) throw new Error(`fixture: expected 201, got ${r.statusCode} ${r.body}`);
  return r.json() as T;
}

export async function makeDocumentsFresh(
  h: MatrixHarness,
  w: MatrixWorld,
  kind: DocumentsFreshKind,
  n: number,
): Promise<{ ids: string[]; owner: string; texts: string[] }> {
  const state = await matrixSetup(h);
  const owner = w.sessions.A1.user.id;
  const number = `КП-МАТРИЦА-${n}`;
  const seed = (status: "approved" | "accepted") =>
    seedProposal(h.ctx.db, {
      workspaceId: h.ctx.workspaceId,
      organisationId: state.organisationId,
      companyId: w.company.id,
      ownerId: owner,
      status,
      number,
    });
  switch (kind) {
    case "printableProposal":
      return { ids: [await seed("approved")], owner, texts: [number] };
    case "acceptedProposal":
      return { ids: [await seed("accepted")], owner, texts: [number] };
    case "invoice":
    case "payment": {
      const invoice = await created<{ id: string }>(
        h.post(`/api/v1/proposals/${await seed("accepted")}/invoice`, {}, w.sessions.A1),
      );
      if (kind === "invoice") return { ids: [invoice.id], owner, texts: [number] };
      const paid = await created<{ payment: { id: string } }>(
        h.post(
          `/api/v1/invoices/${invoice.id}/payments`,
          { paidOn: "2026-11-27", amount: "1.00" },
          w.sessions.A1,
        ),
      );
      return { ids: [invoice.id, paid.payment.id], owner, texts: [number] };
    }
    case "documentTemplate": {
      const { body, headers } = multipartBody(
        { name: `Шаблон ${n}` },
        { name: "t.docx", content: buildDefaultTemplate() },
      );
      const tpl = await created<{ id: string }>(
        h.request("POST", "/api/v1/document-templates", { body, headers, cookie: w.sessions.admin.cookie }),
      );
      return { ids: [tpl.id], owner, texts: [] };
    }
    case "mailServer":
      return { ids: [String(state.smtpPort)], owner, texts: [] };
  }
}
