import type { ConsentEvent, PrivacyRequest } from "../../../contracts/privacy";
import type { ConsentEventRow, PrivacyRequestRow } from "./privacy.repo";

export const presentConsent = (row: ConsentEventRow): ConsentEvent => ({
  id: row.id,
  contactId: row.contactId,
  kind: row.kind,
  granted: row.granted,
  basis: row.basis,
  textVersion: row.textVersion,
  channel: row.channel,
  ip: row.ip,
  at: row.at,
  createdBy: row.createdBy,
});

export const presentRequest = (row: PrivacyRequestRow): PrivacyRequest => ({
  id: row.id,
  contactId: row.contactId,
  kind: row.kind,
  receivedAt: row.receivedAt,
  deadline: row.deadline,
  status: row.status,
  doneAt: row.doneAt,
  doneBy: row.doneBy,
  note: row.note,
  createdAt: row.createdAt,
  createdBy: row.createdBy,
  version: row.version,
});
