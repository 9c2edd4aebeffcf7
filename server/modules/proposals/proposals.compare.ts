import type { ProposalComparison } from "../../../contracts/proposals";
import { formatMoney, parseMoney } from "../../../core/money";
import type { Actor } from "../../platform/actor";
import type { Db } from "../../platform/db/client";
import { AppError } from "../../platform/errors";
import { presentLine } from "./proposals.presenter";
import { findProposal, type LineRow, linesOf, type ProposalRow } from "./proposals.repo";
import { proposalFor } from "./proposals.service";

type Side = NonNullable<ProposalComparison["lines"][number]["before"]>;

const side = (l: LineRow): Side => {
  const p = presentLine(l);
  return { quantity: p.quantity, price: p.price, discountPercent: p.discountPercent, gross: p.gross };
};
const same = (a: Side, b: Side) =>
  a.quantity === b.quantity &&
  a.price === b.price &&
  a.discountPercent === b.discountPercent &&
  a.gross === b.gross;
const delta = (a: string, b: string) => formatMoney(parseMoney(b) - parseMoney(a));

const headerFields = [
  "validUntil",
  "paymentTerms",
  "deliveryTerms",
  "signatory",
  "notOffer",
  "contactId",
  "dealId",
] as const;

/**
 * Two revisions of one proposal, line by line (matched by product, in the order of the base
 * revision, then the added ones) and in totals; the base is `id`, the other `withId`.
 */
export async function compareRevisions(
  db: Db,
  actor: Actor,
  id: string,
  withId: string,
): Promise<ProposalComparison> {
  const base = await proposalFor(db, actor, id, "read");
  const other: ProposalRow | undefined = await findProposal(db, actor.workspaceId, withId);
  if (!other || other.groupId !== base.groupId)
    throw AppError.rule("proposal_compare_other", {}, [{ path: "with", message: "not_found" }]);
  const lines = await linesOf(db, [base.id, other.id]);
  const before = lines.filter((l) => l.proposalId === base.id);
  const after = lines.filter((l) => l.proposalId === other.id);
  const keyOf = (l: LineRow) => l.productId ?? `${l.sku}|${l.name}`;
  const afterBy = new Map<string, LineRow[]>();
  for (const l of after) afterBy.set(keyOf(l), [...(afterBy.get(keyOf(l)) ?? []), l]);
  const out: ProposalComparison["lines"] = [];
  for (const b of before) {
    const a = afterBy.get(keyOf(b))?.shift();
    if (!a) {
      out.push({ productId: b.productId, name: b.name, change: "removed", before: side(b), after: null });
      continue;
    }
    out.push({
      productId: b.productId,
      name: a.name,
      change: same(side(b), side(a)) ? "same" : "changed",
      before: side(b),
      after: side(a),
    });
  }
  for (const rest of afterBy.values())
    for (const a of rest)
      out.push({ productId: a.productId, name: a.name, change: "added", before: null, after: side(a) });
  const money = (r: ProposalRow) => ({
    net: formatMoney(parseMoney(r.net)),
    vat: formatMoney(parseMoney(r.vat)),
    gross: formatMoney(parseMoney(r.gross)),
  });
  return {
    base: { id: base.id, revision: base.revision },
    other: { id: other.id, revision: other.revision },
    lines: out,
    totals: {
      before: money(base),
      after: money(other),
      delta: {
        net: delta(base.net, other.net),
        vat: delta(base.vat, other.vat),
        gross: delta(base.gross, other.gross),
      },
    },
    fields: headerFields
      .filter((f) => JSON.stringify(base[f]) !== JSON.stringify(other[f]))
      .map((f) => ({ field: f, before: base[f], after: other[f] })),
  };
}
