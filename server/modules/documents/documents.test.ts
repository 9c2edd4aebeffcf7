import PizZip from "pizzip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../../test/harness";
import { makeOrg, newCompany, newContact, type Org } from "../companies/companies.fixtures";
import { multipart } from "../imports/imports.test-support";
import {
  attachment,
  closedPort,
  docxText,
  noVatLines,
  pdfText,
  seedOrganisation,
  seedProposal,
  startSmtp,
} from "./documents.fixtures";
import { buildDefaultTemplate } from "./docx.template";

let h: Harness;
let org: Org;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let vatOrg: string;
let usnOrg: string;
let company: { id: string };
let contact: { id: string };

beforeAll(async () => {
  h = await createHarness();
  org = await makeOrg(h);
  smtp = await startSmtp();
  const ws = h.ctx.workspaceId;
  vatOrg = await seedOrganisation(h.ctx.db, ws);
  usnOrg = await seedOrganisation(h.ctx.db, ws, {
    name: "ИП Ёжиков Фёдор Степанович",
    fullName: null,
    kpp: null,
    vatPayer: false,
  });
  company = await newCompany(h, org.m1, { name: "ООО «Ёлочка»", inn: "5024002119", kpp: "502401001" });
  contact = await newContact(h, org.m1, {
    companyId: company.id,
    lastName: "Щербаков",
    firstName: "Юрий",
    middleName: "Эдуардович",
    emails: ["yuri@elochka.ru"],
  });
});
afterAll(async () => {
  await smtp?.close();
  await h?.close();
});

const proposal = (over: Partial<Parameters<typeof seedProposal>[1]> = {}) =>
  seedProposal(h.ctx.db, {
    workspaceId: h.ctx.workspaceId,
    organisationId: vatOrg,
    companyId: company.id,
    ownerId: org.m1.user.id,
    contactId: contact.id,
    ...over,
  });

describe("the proposal PDF", () => {
  it("prints requisites, lines, the VAT footer and the amount in words in Cyrillic", async () => {
    const id = await proposal({ number: "КП-2026-000101" });
    const res = await h.get(`/api/v1/proposals/${id}/pdf`, org.m1);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    const text = pdfText(res.rawPayload);
    expect(text).toContain("Коммерческое предложение № КП-2026-000101 от 27 ноября 2026 г.");
    expect(text).toContain("Общество с ограниченной ответственностью «Северный Ветер»");
    expect(text).toContain("ООО «Ёлочка», ИНН 5024002119, КПП 502401001");
    expect(text).toContain("Щербаков Юрий Эдуардович");
    expect(text).toMatch(/Шкаф металлический ШМ-1 \(ART-1\)\s+1\s+шт\s+1 000,00\s+—\s+1 000,00/);
    expect(text).toMatch(/Стеллаж «Эконом» \(ART-2\)\s+10\s+шт\s+5 683,45\s+10%\s+51 151,00/);
    expect(text).toMatch(/Итого:\s+52 151,00/);
    expect(text).toMatch(/В том числе НДС \(22%\):\s+9 404,36/);
    expect(text).toMatch(/Всего к оплате:\s+52 151,00/);
    expect(text).toContain("Всего наименований 2, на сумму 52 151,00 руб.");
    expect(text).toContain("Пятьдесят две тысячи сто пятьдесят один рубль 00 копеек");
    expect(text).toContain("Предложение действительно до 11.12.2026.");
    expect(text).toContain("не является офертой");
    expect(text).toMatch(/Генеральный директор\s+\/ Журавлёв И\. П\. \//);
  });

  it("says «Без НДС» for a seller on УСН", async () => {
    const id = await proposal({ organisationId: usnOrg, lines: noVatLines });
    const text = pdfText((await h.get(`/api/v1/proposals/${id}/pdf`, org.m1)).rawPayload);
    expect(text).toContain("ИП Ёжиков Фёдор Степанович");
    expect(text).toMatch(/Без НДС/);
    expect(text).not.toContain("В том числе НДС");
    expect(text).toMatch(/Всего к оплате:\s+52 151,00/);
  });

  it("is 404 outside the reach, 403 without the right, and visible to the team's head", async () => {
    const id = await proposal();
    expect((await h.get(`/api/v1/proposals/${id}/pdf`, org.m3)).statusCode).toBe(404);
    expect((await h.get(`/api/v1/proposals/${id}/pdf`, org.otherHead)).statusCode).toBe(404);
    expect((await h.get(`/api/v1/proposals/${id}/pdf`, org.dept)).statusCode).toBe(403);
    expect((await h.get(`/api/v1/proposals/${id}/pdf`, org.head)).statusCode).toBe(200);
  });
});

describe("the proposal DOCX and Word templates", () => {
  it("fills the default template: lines, totals and words in word/document.xml", async () => {
    const id = await proposal({ number: "КП-2026-000202" });
    const res = await h.get(`/api/v1/proposals/${id}/docx`, org.m1);
    expect(res.statusCode).toBe(200);
    const zip = new PizZip(res.rawPayload);
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "word/document.xml"]),
    );
    const text = docxText(res.rawPayload);
    expect(text).toContain("Коммерческое предложение № КП-2026-000202 от 27 ноября 2026 г.");
    expect(text).toContain("Шкаф металлический ШМ-1 (ART-1)");
    expect(text).toContain("51 151,00");
    expect(text).toContain("В том числе НДС (22%): 9 404,36");
    expect(text).toContain("Пятьдесят две тысячи сто пятьдесят один рубль 00 копеек");
    expect(text).not.toMatch(/\{[#/]?\w+\}/);
  });

  const upload = (
    as: Org["admin"],
    file: { name: string; content: Buffer },
    fields: Record<string, string> = {},
  ) => {
    const { body, headers } = multipart(fields, file);
    return h.request("POST", "/api/v1/document-templates", { body, headers, cookie: as.cookie });
  };

  it("takes an admin's template and prints proposals with it until it is deleted", async () => {
    const custom = new PizZip(buildDefaultTemplate());
    const xml = custom
      .file("word/document.xml")!
      .asText()
      .replace("{title}", "МОЙ ШАБЛОН {number} на {totalGross}");
    custom.file("word/document.xml", xml);
    const res = await upload(
      org.admin,
      { name: "moj.docx", content: custom.generate({ type: "nodebuffer" }) },
      { name: "Мой" },
    );
    expect(res.statusCode, res.body).toBe(201);
    const tpl = res.json();
    expect(tpl).toMatchObject({ kind: "proposal", name: "Мой", active: true });
    expect(tpl.placeholders).toEqual(expect.arrayContaining(["number", "totalGross", "lines"]));

    const id = await proposal({ number: "КП-2026-000303" });
    expect(docxText((await h.get(`/api/v1/proposals/${id}/docx`, org.m1)).rawPayload)).toContain(
      "МОЙ ШАБЛОН КП-2026-000303 на 52 151,00",
    );
    const list = await h.get("/api/v1/document-templates", org.m1);
    expect(list.json().items.map((t: { id: string }) => t.id)).toContain(tpl.id);
    expect((await h.del(`/api/v1/document-templates/${tpl.id}`, org.m1)).statusCode).toBe(403);
    expect((await h.del(`/api/v1/document-templates/${tpl.id}`, org.admin)).statusCode).toBe(200);
    expect(docxText((await h.get(`/api/v1/proposals/${id}/docx`, org.m1)).rawPayload)).not.toContain(
      "МОЙ ШАБЛОН",
    );
  });

  it("refuses a file that is not a docx, or has broken placeholders, with the reason (422)", async () => {
    const listed = (await h.get("/api/v1/document-templates", org.admin)).json().items.length;
    const notZip = await upload(org.admin, { name: "x.docx", content: Buffer.from("просто текст") });
    expect(notZip.statusCode).toBe(422);
    expect(notZip.json()).toMatchObject({ code: "document_template_invalid" });
    expect(notZip.json().detail).toContain("zip");

    const broken = new PizZip(buildDefaultTemplate());
    broken.file("word/document.xml", broken.file("word/document.xml")!.asText().replace("{/lines}", ""));
    const res = await upload(org.admin, { name: "b.docx", content: broken.generate({ type: "nodebuffer" }) });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/lines/);
    expect(res.json().errors[0].path).toBe("file");
    expect((await h.get("/api/v1/document-templates", org.admin)).json().items).toHaveLength(listed);
    expect((await upload(org.m1, { name: "x.docx", content: buildDefaultTemplate() })).statusCode).toBe(403);
  });

  it("serves the default template for download", async () => {
    const res = await h.get("/api/v1/document-templates/default.docx", org.m1);
    expect(res.statusCode).toBe(200);
    expect(docxText(res.rawPayload)).toContain("{#lines}{position}");
  });
});

describe("mail settings and sending", () => {
  const emails = async () =>
    (
      await h.ctx.database.pool.query(
        "select count(*)::int as n from activities where type = 'email' and company_id = $1",
        [company.id],
      )
    ).rows[0].n as number;
  const settings = (port: number) => ({
    host: "127.0.0.1",
    port,
    security: "none",
    username: "robot",
    password: "секрет-123",
    fromName: "Отдел продаж",
    fromAddress: "sales@veter.ru",
  });

  it("an admin saves SMTP settings; the password is never returned; managers may not", async () => {
    expect((await h.get("/api/v1/settings/mail", org.m1)).statusCode).toBe(403);
    expect(
      (await h.request("PUT", "/api/v1/settings/mail", { body: settings(smtp.port), cookie: org.m1.cookie }))
        .statusCode,
    ).toBe(403);
    const res = await h.request("PUT", "/api/v1/settings/mail", {
      body: settings(smtp.port),
      cookie: org.admin.cookie,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).not.toContain("секрет");
    expect(res.json()).toMatchObject({
      source: "settings",
      host: "127.0.0.1",
      passwordSet: true,
      version: 1,
    });
    const again = await h.get("/api/v1/settings/mail", org.admin);
    expect(again.body).not.toContain("секрет");
  });

  it("sends a test letter through the real SMTP server", async () => {
    const res = await h.post("/api/v1/settings/mail/test", { to: "admin@veter.ru" }, org.admin);
    expect(res.statusCode, res.body).toBe(200);
    const letter = smtp.received.at(-1)!;
    expect(letter.to).toEqual(["admin@veter.ru"]);
    expect(letter.from).toBe("sales@veter.ru");
  });

  it("emails the proposal PDF to the contact, marks it sent and puts an email on the timeline", async () => {
    const id = await proposal({ number: "КП-2026-000404" });
    const preview = await h.get(`/api/v1/proposals/${id}/send-preview`, org.m1);
    expect(preview.json()).toMatchObject({ to: ["yuri@elochka.ru"], fileName: "KP-2026-000404.pdf" });
    expect(preview.json().text).toContain("КП-2026-000404");
    expect(preview.json().text).toContain("52\u00a0151,00");

    const before = smtp.received.length;
    const res = await h.post(`/api/v1/proposals/${id}/send`, { contactId: contact.id }, org.m1);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: "sent", to: ["yuri@elochka.ru"] });
    expect(smtp.received).toHaveLength(before + 1);
    const letter = smtp.received.at(-1)!;
    expect(letter.to).toEqual(["yuri@elochka.ru"]);
    const pdf = attachment(letter.raw, "KP-2026-000404.pdf");
    expect(pdf?.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdfText(pdf!)).toContain("Пятьдесят две тысячи сто пятьдесят один рубль 00 копеек");

    const { rows } = await h.ctx.database.pool.query(
      "select type, direction, subject, done_at, company_id from activities where id = $1",
      [res.json().activityId],
    );
    expect(rows[0]).toMatchObject({ type: "email", direction: "out", company_id: company.id });
    expect(rows[0].subject).toContain("КП-2026-000404");
    const audit = await h.ctx.database.pool.query(
      "select action from audit_log where entity = 'proposal' and entity_id = $1",
      [id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(["send"]);
  });

  it("refuses a draft beyond limits, a pending one, and another team's proposal", async () => {
    const pending = await proposal({ status: "pending_approval" });
    const res = await h.post(`/api/v1/proposals/${pending}/send`, { to: ["a@b.ru"] }, org.m1);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe("proposal_not_sendable");
    const approved = await proposal();
    expect((await h.post(`/api/v1/proposals/${approved}/send`, { to: ["a@b.ru"] }, org.m3)).statusCode).toBe(
      404,
    );
    expect((await h.post(`/api/v1/proposals/${approved}/send`, {}, org.m1)).statusCode).toBe(400);
  });

  it("a refused SMTP connection answers 503 with the reason and records nothing", async () => {
    const port = await closedPort();
    await h.request("PUT", "/api/v1/settings/mail", { body: settings(port), cookie: org.admin.cookie });
    const id = await proposal();
    const emailsBefore = await emails();
    const res = await h.post(
      `/api/v1/proposals/${id}/send`,
      { contactId: contact.id },
      { ...org.m1, headers: { "accept-language": "ru" } },
    );
    expect(res.statusCode).toBe(503);
    expect(res.json().code).toBe("mail_unreachable");
    expect(res.json().detail).toMatch(/Почтовый сервер недоступен: .*ECONNREFUSED/);
    const { rows } = await h.ctx.database.pool.query("select status, sent_at from proposals where id = $1", [
      id,
    ]);
    expect(rows[0]).toEqual({ status: "approved", sent_at: null });
    expect(await emails()).toBe(emailsBefore);
    const audit = await h.ctx.database.pool.query(
      "select count(*)::int as n from audit_log where entity_id = $1",
      [id],
    );
    expect(audit.rows[0].n).toBe(0);
    expect((await h.post("/api/v1/settings/mail/test", { to: "admin@veter.ru" }, org.admin)).statusCode).toBe(
      503,
    );
  });
});
