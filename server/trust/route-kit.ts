import type { LightMyRequestResponse } from "fastify";
import { inn10 } from "../modules/imports/imports.test-support";
import type { Action, Resource } from "../platform/permissions";
import {
  bodyText,
  type FileSpec,
  type FreshKind,
  importFile,
  type Row,
  type Who,
  type World,
} from "./fixtures";

/**
 * Every API operation (method + OpenAPI path), classified against the permission table: the
 * resource and action it exercises, the row it acts on, and a valid minimal request. The matrix
 * test fails when the OpenAPI document has an operation this map does not classify, so a route
 * added later cannot skip the matrix.
 */
export type Call = {
  url: string;
  body?: unknown;
  multipart?: { fields: Record<string, string>; file: FileSpec };
};
export type CallContext = { w: World; row: Row | null; who: Who; n: number };

/** A1's rows shared by reads (never changed by the matrix); writes get a fresh row each (FreshKind). */
export type SharedRow = "a1Company" | "a1Contact" | "a1User" | "a1Import";

export type TableEntry = {
  kind: "table";
  resource: Resource;
  action: Action;
  /** The row acted on; its owner decides between success and 404. None: lists and plain creates. */
  row?: SharedRow | FreshKind;
  /** What a row outside the reach answers when the caller named its owner themselves: 403. */
  outside?: 403 | 404;
  /** Lists, search, exports: whether the answer shows A1's rows (must match the reach exactly). */
  shows?: (res: LightMyRequestResponse, w: World) => boolean | Promise<boolean>;
  call: (c: CallContext) => Call;
  /** The success status when it is not 200/201. */
  ok?: number;
};
export type Entry =
  /** Answers without a session (first run, sign-in, sign-out); the matrix checks setup only. */
  | { kind: "public" }
  /** The caller's own account: every signed-in user; a read-only token may not write. */
  | { kind: "self"; write: boolean; call: (c: CallContext) => Call }
  | TableEntry;

export const t = (
  resource: Resource,
  action: Action,
  call: (c: CallContext) => Call,
  more: Partial<TableEntry> = {},
): TableEntry => ({ kind: "table", resource, action, call, ...more });
export const url = (u: string) => () => ({ url: u });
export const onRow = (path: (id: string) => string, body?: unknown) => (c: CallContext) => ({
  url: path(c.row!.ids[0]!),
  ...(body === undefined ? {} : { body }),
});
export const has = (text: string) => async (res: LightMyRequestResponse) =>
  (await bodyText(res)).includes(text);
export const hasId = (pick: (w: World) => string) => (res: LightMyRequestResponse, w: World) =>
  res.body.includes(pick(w));
export const upload = (c: CallContext, fields: Record<string, string>): Call["multipart"] => ({
  fields,
  file: importFile(inn10(7000 + c.n)),
});
export const v1 = "/api/v1";
