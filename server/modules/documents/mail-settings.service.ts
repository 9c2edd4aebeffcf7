import type { MailSent, MailSettings, MailSettingsUpdate } from "../../../contracts/mail";
import { type Actor, isSystem } from "../../platform/actor";
import { recordChange } from "../../platform/audit";
import type { AppContext } from "../../platform/context";
import { type Db, withTx } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { deliver, parseSmtpUrl, smtpTarget } from "../../platform/mailer";
import { authorize } from "../../platform/policy";
import { type MailSettingsRow, mailSettingsRow, upsertMailSettings } from "./documents.repo";

export const DEFAULT_PROPOSAL_SUBJECT = "Коммерческое предложение № {{number}} от {{issueDate}} — {{seller}}";
export const DEFAULT_PROPOSAL_TEXT = [
  "Здравствуйте{{#contact}}, {{contact}}{{/contact}}!",
  "",
  "Направляем коммерческое предложение № {{number}} для {{company}} на сумму {{total}} руб.",
  "Предложение действительно до {{validUntil}}. PDF — во вложении.",
  "",
  "С уважением,",
  "{{sender}}",
  "{{seller}}",
].join("\n");

/**
 * Fills {{name}} from `vars`; {{#name}}…{{/name}} keeps its text only when the variable is not
 * empty. Unknown names print empty, so a typo never leaks braces into a client's letter.
 */
export function fillTemplate(template: string, vars: Record<string, string>): string {
  return template
    .replace(/\{\{#(\w+)\}\}([\s\S]*?)\{\{\/\1\}\}/g, (_, name: string, inner: string) =>
      vars[name] ? inner : "",
    )
    .replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => vars[name] ?? "");
}

export async function effectiveMailTexts(db: Db, workspaceId: string) {
  const row = await mailSettingsRow(db, workspaceId);
  return {
    proposalSubject: row?.proposalSubject || DEFAULT_PROPOSAL_SUBJECT,
    proposalText: row?.proposalText || DEFAULT_PROPOSAL_TEXT,
  };
}

function present(row: MailSettingsRow | undefined, envUrl: string | undefined): MailSettings {
  const texts = {
    proposalSubject: row?.proposalSubject || DEFAULT_PROPOSAL_SUBJECT,
    proposalText: row?.proposalText || DEFAULT_PROPOSAL_TEXT,
  };
  if (row?.host) {
    return {
      source: "settings",
      host: row.host,
      port: row.port,
      security: row.security,
      username: row.username,
      passwordSet: Boolean(row.password),
      fromName: row.fromName,
      fromAddress: row.fromAddress,
      ...texts,
      version: row.version,
      updatedAt: row.updatedAt,
    };
  }
  // The environment default is shown without its password, as a starting point for the form.
  const env = envUrl ? parseSmtpUrl(envUrl) : null;
  return {
    source: env ? "env" : "none",
    host: env?.host ?? null,
    port: env?.port ?? null,
    security: env?.security ?? "starttls",
    username: env?.username ?? null,
    passwordSet: Boolean(env?.password),
    fromName: env?.from.name ?? null,
    fromAddress: env?.from.address ?? null,
    ...texts,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
  };
}

export async function getMailSettings(ctx: AppContext, actor: Actor): Promise<MailSettings> {
  authorize(actor, "mailSettings", "read");
  return present(await mailSettingsRow(ctx.db, actor.workspaceId), ctx.config.smtpUrl);
}

export async function putMailSettings(
  ctx: AppContext,
  actor: Actor,
  input: MailSettingsUpdate,
): Promise<MailSettings> {
  authorize(actor, "mailSettings", "update");
  return withTx(ctx.db, async (tx) => {
    const before = await mailSettingsRow(tx, actor.workspaceId, true);
    if (before && input.version !== undefined && input.version !== before.version)
      throw AppError.stale(before.version);
    const saved = await upsertMailSettings(tx, {
      workspaceId: actor.workspaceId,
      host: input.host,
      port: input.port,
      security: input.security,
      username: input.username ?? null,
      password: input.password === undefined ? (before?.password ?? null) : input.password,
      fromName: input.fromName ?? null,
      fromAddress: input.fromAddress,
      proposalSubject: input.proposalSubject ?? before?.proposalSubject ?? null,
      proposalText: input.proposalText ?? before?.proposalText ?? null,
      version: (before?.version ?? 0) + 1,
      updatedBy: isSystem(actor) ? null : actor.id,
    });
    // "password" is masked by the audit log; only whether it changed is recorded.
    await recordChange(tx, actor, {
      action: before ? "update" : "create",
      entity: "mail_settings",
      entityId: actor.workspaceId,
      before: before ? { ...before, updatedAt: null } : null,
      after: { ...saved, updatedAt: null },
    });
    return present(saved, ctx.config.smtpUrl);
  });
}

/** Sends a short letter through the saved settings, so an admin sees at once whether mail works. */
export async function testMail(ctx: AppContext, actor: Actor, to: string): Promise<MailSent> {
  authorize(actor, "mailSettings", "update");
  const target = await smtpTarget(ctx.db, ctx.config, actor.workspaceId);
  if (!target) throw new AppError("mail_not_configured", 503);
  const sent = await deliver(target, {
    to: [to],
    subject: "Accord: проверка почты",
    text: `Это тестовое письмо Accord. Если вы его читаете, отправка через ${target.host}:${target.port} работает.`,
  });
  return { messageId: sent.messageId, to: [to] };
}
