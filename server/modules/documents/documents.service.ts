import type { SalesDocument } from "../../../contracts/documents";
import type { ProposalSend, ProposalSendPreview, ProposalSent } from "../../../contracts/mail";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { AppContext } from "../../platform/context";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { sendMail } from "../../platform/mailer";
import { authorize, authorizeRow } from "../../platform/policy";
import { authorityCheck } from "../proposals/proposals.flow";
import { moneyRu, shortDateRu } from "./document.format";
import {
  activeTemplate,
  contactOfCompany,
  insertEmailActivity,
  lockProposal,
  markProposalSent,
  userName,
} from "./documents.repo";
import { renderDocx, TemplateError } from "./docx";
import { effectiveMailTexts, fillTemplate } from "./mail-settings.service";
import { renderPdf } from "./pdf";
import { type ProposalRow, proposalSalesDocument } from "./proposal-document";

export type DocumentFile = { fileName: string; contentType: string; content: Buffer };

export const PDF = "application/pdf";
export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** «KP-2026-000123.pdf»: ASCII file names survive every mail client and browser. */
export function fileNameOf(doc: SalesDocument, ext: "pdf" | "docx"): string {
  const base = doc.kind === "invoice" ? `Schet-${doc.number}` : doc.number.replace(/^КП/, "KP");
  return `${base.replace(/[^A-Za-z0-9._-]+/g, "_")}.${ext}`;
}

/** The proposal as printed, if the actor may reach its company (else 404; no right → 403). */
async function readableProposal(db: Db, actor: Actor, id: string, action: "read" | "create") {
  authorize(actor, "proposalDocuments", action);
  const { doc, parts } = await proposalSalesDocument(db, actor.workspaceId, id);
  authorizeRow(actor, "proposalDocuments", action, parts.company.ownerId);
  return { doc, parts };
}

export async function proposalPdf(ctx: AppContext, actor: Actor, id: string): Promise<DocumentFile> {
  const { doc } = await readableProposal(ctx.db, actor, id, "read");
  return { fileName: fileNameOf(doc, "pdf"), contentType: PDF, content: await renderPdf(doc) };
}

export async function proposalDocx(ctx: AppContext, actor: Actor, id: string): Promise<DocumentFile> {
  const { doc } = await readableProposal(ctx.db, actor, id, "read");
  const template = await activeTemplate(ctx.db, actor.workspaceId, "proposal");
  try {
    return {
      fileName: fileNameOf(doc, "docx"),
      contentType: DOCX,
      content: await renderDocx(doc, template?.content),
    };
  } catch (error) {
    if (error instanceof TemplateError)
      throw AppError.rule("document_render_failed", { reason: error.reason });
    throw error;
  }
}

/**
 * Whether a proposal may go out: approved by the head, already sent (a resend), or a draft within
 * the owner's limits (user_limits; no row means no limit was set).
 */
async function maySend(db: Db, p: ProposalRow): Promise<boolean> {
  if (p.status === "approved" || p.status === "sent") return true;
  if (p.status !== "draft") return false;
  // A draft goes straight out only within its owner's authority (clause 3.4).
  return (await authorityCheck(db, p)).length === 0;
}

async function recipients(
  db: Db,
  actor: Actor,
  companyId: string,
  body: Pick<ProposalSend, "contactId" | "to">,
) {
  if (body.to?.length) return { to: body.to, contactId: body.contactId ?? null, greeting: "" };
  const contact = await contactOfCompany(db, actor.workspaceId, companyId, body.contactId!);
  if (!contact) throw AppError.validation([{ path: "contactId", message: "not a contact of the company" }]);
  if (!contact.emails.length)
    throw AppError.rule("proposal_no_recipient", {}, [{ path: "contactId", message: "no email" }]);
  const greeting = [contact.firstName, contact.middleName].filter(Boolean).join(" ");
  return { to: contact.emails.slice(0, 1), contactId: contact.id, greeting };
}

async function letterOf(
  ctx: AppContext,
  actor: Actor,
  doc: SalesDocument,
  greeting: string,
  body: Pick<ProposalSend, "subject" | "text">,
) {
  const texts = await effectiveMailTexts(ctx.db, actor.workspaceId);
  const sender = isSystem(actor) ? doc.seller.name : ((await userName(ctx.db, actor.id)) ?? actor.email);
  const vars: Record<string, string> = {
    number: doc.number,
    issueDate: shortDateRu(doc.issueDate),
    company: doc.buyer.name,
    contact: greeting,
    validUntil: doc.validUntil ? shortDateRu(doc.validUntil) : "—",
    total: moneyRu(doc.totals.gross),
    seller: doc.seller.name,
    sender,
  };
  return {
    subject: body.subject ?? fillTemplate(texts.proposalSubject, vars),
    text: body.text ?? fillTemplate(texts.proposalText, vars),
  };
}

/** What the send dialog shows before sending: recipients, subject and text from the template. */
export async function previewSend(
  ctx: AppContext,
  actor: Actor,
  id: string,
  query: { contactId?: string },
): Promise<ProposalSendPreview> {
  const { doc, parts } = await readableProposal(ctx.db, actor, id, "read");
  const contactId = query.contactId ?? parts.proposal.contactId;
  const who = contactId
    ? await recipients(ctx.db, actor, parts.company.id, { contactId }).catch(() => null)
    : null;
  const letter = await letterOf(ctx, actor, doc, who?.greeting ?? "", {});
  return { to: who?.to ?? [], ...letter, fileName: fileNameOf(doc, "pdf") };
}

/**
 * Emails the proposal's PDF, then marks it sent with an email on the company's timeline. The
 * letter goes first: when the SMTP server fails nothing is recorded and the status stays.
 */
export async function sendProposal(
  ctx: AppContext,
  actor: Actor,
  id: string,
  body: ProposalSend,
): Promise<ProposalSent> {
  const { doc, parts } = await readableProposal(ctx.db, actor, id, "create");
  if (!(await maySend(ctx.db, parts.proposal)))
    throw AppError.rule("proposal_not_sendable", { status: parts.proposal.status });
  const who = await recipients(ctx.db, actor, parts.company.id, body);
  const letter = await letterOf(ctx, actor, doc, who.greeting, body);
  const pdf = await renderPdf(doc);
  const sent = await sendMail(ctx, actor.workspaceId, {
    to: who.to,
    ...letter,
    attachments: [{ filename: fileNameOf(doc, "pdf"), content: pdf }],
  });
  return withTx(ctx.db, async (tx) => {
    const before = await lockProposal(tx, actor.workspaceId, id);
    if (!before) throw AppError.notFound();
    // Decided meanwhile (accepted, rejected…): the letter went, but the decision stands.
    const after = ["draft", "approved", "sent"].includes(before.status)
      ? await markProposalSent(tx, id)
      : before;
    const activityId = await insertEmailActivity(tx, {
      workspaceId: actor.workspaceId,
      actorId: isSystem(actor) ? null : actor.id,
      ownerId: isSystem(actor) ? before.ownerId : actor.id,
      companyId: before.companyId,
      contactId: who.contactId,
      dealId: before.dealId,
      subject: letter.subject,
      body: `${letter.text}\n\n→ ${who.to.join(", ")} · ${fileNameOf(doc, "pdf")}`,
    });
    await recordChange(tx, actor, {
      action: "send",
      entity: "proposal",
      entityId: id,
      changes: {
        status: { from: before.status, to: after.status },
        sentTo: { from: null, to: who.to },
        messageId: { from: null, to: sent.messageId },
      },
    });
    return {
      messageId: sent.messageId,
      to: who.to,
      proposalId: id,
      status: after.status,
      sentAt: after.sentAt ?? new Date().toISOString(),
      activityId,
    };
  });
}
