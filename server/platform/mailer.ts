import { eq } from "drizzle-orm";
import nodemailer from "nodemailer";
import { mailSettings } from "../db/schema";
import type { AppContext } from "./context";
import type { Db } from "./db/client";
import { AppError } from "./errors";

/** Where letters go: an admin's settings, else ACCORD_SMTP_URL. */
export type SmtpTarget = {
  source: "settings" | "env";
  host: string;
  port: number;
  security: "tls" | "starttls" | "none";
  username: string | null;
  password: string | null;
  from: { name: string; address: string };
};

export type MailMessage = {
  to: string[];
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer }[];
};

/** Reads `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
export function parseSmtpUrl(url: string): SmtpTarget | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== "smtp:" && u.protocol !== "smtps:") return null;
  const tls = u.protocol === "smtps:";
  const username = u.username ? decodeURIComponent(u.username) : null;
  const from = u.searchParams.get("from") ?? username ?? `accord@${u.hostname}`;
  return {
    source: "env",
    host: u.hostname,
    port: u.port ? Number(u.port) : tls ? 465 : 587,
    security: tls ? "tls" : u.searchParams.get("starttls") === "required" ? "starttls" : "none",
    username,
    password: u.password ? decodeURIComponent(u.password) : null,
    from: {
      name: u.searchParams.get("fromName") ?? "Accord",
      address: from.includes("@") ? from : `${from}@${u.hostname}`,
    },
  };
}

export async function smtpTarget(
  db: Db,
  config: AppContext["config"],
  workspaceId: string,
): Promise<SmtpTarget | null> {
  const [row] = await db.select().from(mailSettings).where(eq(mailSettings.workspaceId, workspaceId));
  if (row?.host && row.port && row.fromAddress)
    return {
      source: "settings",
      host: row.host,
      port: row.port,
      security: row.security,
      username: row.username,
      password: row.password,
      from: { name: row.fromName ?? "", address: row.fromAddress },
    };
  return config.smtpUrl ? parseSmtpUrl(config.smtpUrl) : null;
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string; command?: string };

/**
 * A failure the user can act on: the server could not be reached (503) or it refused the letter
 * or the sign-in (502), with the server's own words as the reason.
 */
export function mailFailure(error: unknown): AppError {
  const e = error as SmtpError;
  const reason = (e.response || e.message || String(error)).replace(/\s+/g, " ").trim().slice(0, 300);
  const unreachable = ["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ETLS"].includes(
    e.code ?? "",
  );
  return unreachable && !e.responseCode
    ? new AppError("mail_unreachable", 503, { reason })
    : new AppError("mail_rejected", 502, { reason });
}

/** Sends one letter through the workspace's SMTP server; throws a 502/503 AppError on failure. */
export async function sendMail(
  ctx: Pick<AppContext, "db" | "config">,
  workspaceId: string,
  msg: MailMessage,
): Promise<{ messageId: string }> {
  const target = await smtpTarget(ctx.db, ctx.config, workspaceId);
  if (!target) throw new AppError("mail_not_configured", 503);
  return deliver(target, msg);
}

export async function deliver(target: SmtpTarget, msg: MailMessage): Promise<{ messageId: string }> {
  const transport = nodemailer.createTransport({
    host: target.host,
    port: target.port,
    secure: target.security === "tls",
    requireTLS: target.security === "starttls",
    ignoreTLS: target.security === "none",
    ...(target.username ? { auth: { user: target.username, pass: target.password ?? "" } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  try {
    const info = await transport.sendMail({
      from: target.from.name ? { name: target.from.name, address: target.from.address } : target.from.address,
      to: msg.to,
      subject: msg.subject,
      text: msg.text,
      attachments: msg.attachments?.map((a) => ({ filename: a.filename, content: a.content })),
    });
    return { messageId: String(info.messageId) };
  } catch (error) {
    throw mailFailure(error);
  } finally {
    transport.close();
  }
}
