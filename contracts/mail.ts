import { z } from "zod";
import { Id, Timestamp, Version } from "./common";

export const MailSecurity = z.enum(["tls", "starttls", "none"]);

/** SMTP settings as the API shows them: the password never leaves the server. */
export const MailSettings = z.object({
  /** "settings" — set by an admin; "env" — ACCORD_SMTP_URL; "none" — mail is not configured. */
  source: z.enum(["settings", "env", "none"]),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  security: MailSecurity,
  username: z.string().nullable(),
  passwordSet: z.boolean(),
  fromName: z.string().nullable(),
  fromAddress: z.string().nullable(),
  /** The letter that carries a proposal; {{number}}, {{company}}, {{validUntil}}, {{total}}, {{sender}}. */
  proposalSubject: z.string(),
  proposalText: z.string(),
  version: z.number().int(),
  updatedAt: Timestamp.nullable(),
});
export type MailSettings = z.infer<typeof MailSettings>;

export const MailSettingsUpdate = z.object({
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  security: MailSecurity,
  username: z.string().trim().max(255).nullable().optional(),
  /** Write-only: absent keeps the stored one, null clears it. */
  password: z.string().max(500).nullable().optional(),
  fromName: z.string().trim().max(200).nullable().optional(),
  fromAddress: z.email().max(255),
  proposalSubject: z.string().trim().min(1).max(300).optional(),
  proposalText: z.string().trim().min(1).max(10_000).optional(),
  /** The version read; a concurrent change answers 409. Absent on the first save. */
  version: Version.optional(),
});
export type MailSettingsUpdate = z.infer<typeof MailSettingsUpdate>;

export const MailTest = z.object({ to: z.email().max(255) });
export const MailSent = z.object({ messageId: z.string(), to: z.array(z.string()) });
export type MailSent = z.infer<typeof MailSent>;

/** POST /proposals/:id/send: to a contact of the company, or to addresses typed in. */
export const ProposalSend = z
  .object({
    contactId: Id.optional(),
    to: z.array(z.email().max(255)).min(1).max(20).optional(),
    subject: z.string().trim().min(1).max(300).optional(),
    text: z.string().trim().min(1).max(20_000).optional(),
  })
  .refine((b) => b.contactId !== undefined || b.to !== undefined, {
    path: ["to"],
    message: "contactId or to is required",
  });
export type ProposalSend = z.infer<typeof ProposalSend>;

export const ProposalSendPreview = z.object({
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  fileName: z.string(),
});
export type ProposalSendPreview = z.infer<typeof ProposalSendPreview>;

export const ProposalSent = MailSent.extend({
  proposalId: Id,
  status: z.string(),
  sentAt: Timestamp,
  activityId: Id,
});
export type ProposalSent = z.infer<typeof ProposalSent>;
