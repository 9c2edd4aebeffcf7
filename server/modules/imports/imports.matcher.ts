import type { Locale } from "../../../contracts/common";
import { planText } from "./imports.importer";
import type { PlannedKey } from "./imports.repo";

/**
 * Duplicate matching within one batch. Keys are "inn:<inn>" and "email:<address>", tried in
 * the order given (INN first). A key is looked up in three places, in this order:
 *  1. the records this batch already creates or updates (an earlier row of the same batch),
 *  2. in a dry run, what earlier batches planned (`import_keys`; the real run sees those in
 *     the database itself),
 *  3. the existing records fetched for the batch with one query.
 * An e-mail never joins two records whose INNs differ. A match the actor may not touch is
 * "blocked": the row is rejected rather than creating a duplicate of someone else's client.
 */

export type Target<S> = {
  id: string;
  isNew: boolean;
  ownerId: string;
  version: number;
  /** Null for a dry-run record planned by an earlier batch: only its keys are known here. */
  state: S | null;
  inn: string | null;
  /** The file row that creates it (for "matches row N"). */
  firstRow: number | null;
  dirty: boolean;
};

export type Existing<S> = {
  id: string;
  ownerId: string;
  version: number;
  inn: string | null;
  keys: string[];
  state: () => S;
};

export type Via = "inn" | "email";
export type Match<S> = { target: Target<S>; via: Via } | { blocked: "inn" | "emails" } | null;

export const matchKeys = (inn: string | null | undefined, emails: readonly string[]) => [
  ...(inn ? [`inn:${inn}`] : []),
  ...emails.map((e) => `email:${e}`),
];

export class Matcher<S> {
  private readonly byKey = new Map<string, Existing<S>[]>();
  private readonly byId = new Map<string, Existing<S>>();
  private readonly planned = new Map<string, PlannedKey>();
  private readonly inBatch = new Map<string, Target<S>>();
  private readonly targets = new Map<string, Target<S>>();

  constructor(
    existing: readonly Existing<S>[],
    planned: readonly PlannedKey[],
    private readonly mayTouch: (ownerId: string) => boolean,
  ) {
    for (const e of existing) {
      this.byId.set(e.id, e);
      for (const key of e.keys) {
        const list = this.byKey.get(key);
        if (list) list.push(e);
        else this.byKey.set(key, [e]);
      }
    }
    for (const k of planned) this.planned.set(k.key, k);
  }

  find(keys: readonly string[], inn: string | null | undefined): Match<S> {
    const compatible = (other: string | null) => !other || !inn || other === inn;
    for (const key of keys) {
      const via: Via = key.startsWith("inn:") ? "inn" : "email";
      const ok = (other: string | null) => via === "inn" || compatible(other);
      const blocked = { blocked: via === "inn" ? "inn" : "emails" } as const;
      const hit = this.inBatch.get(key);
      if (hit && ok(hit.inn)) return { target: hit, via };
      const plan = this.planned.get(key);
      if (plan && ok(plan.inn)) {
        if (!this.mayTouch(plan.ownerId)) return blocked;
        return { target: this.fromPlan(plan), via };
      }
      const candidates = (this.byKey.get(key) ?? []).filter((c) => ok(c.inn));
      if (!candidates.length) continue;
      const mine = candidates.find((c) => this.mayTouch(c.ownerId));
      return mine ? { target: this.fromExisting(mine), via } : blocked;
    }
    return null;
  }

  /** Registers a record of this batch under its keys (the first record to claim a key keeps it). */
  add(target: Target<S>, keys: readonly string[]): Target<S> {
    const known = this.targets.get(target.id);
    if (known) return known;
    this.targets.set(target.id, target);
    this.index(target, keys);
    return target;
  }

  index(target: Target<S>, keys: readonly string[]): void {
    for (const key of keys) if (!this.inBatch.has(key)) this.inBatch.set(key, target);
  }

  /** Records to write: new ones, and existing ones a row changed. */
  dirty(): Target<S>[] {
    return [...this.targets.values()].filter((t) => t.state && t.dirty);
  }

  /** What a dry run remembers for later batches. */
  plannedRows(importId: string): PlannedKey[] {
    return [...this.inBatch].map(([key, t]) => ({
      importId,
      key,
      targetId: t.id,
      ownerId: t.ownerId,
      inn: t.inn,
      row: t.isNew ? t.firstRow : null,
    }));
  }

  private fromExisting(e: Existing<S>): Target<S> {
    const target: Target<S> = {
      id: e.id,
      isNew: false,
      ownerId: e.ownerId,
      version: e.version,
      state: e.state(),
      inn: e.inn,
      firstRow: null,
      dirty: false,
    };
    return this.add(target, e.keys);
  }

  private fromPlan(k: PlannedKey): Target<S> {
    const existing = this.byId.get(k.targetId);
    if (existing) return this.fromExisting(existing);
    const target: Target<S> = {
      id: k.targetId,
      isNew: k.row !== null,
      ownerId: k.ownerId,
      version: 0,
      state: null,
      inn: k.inn,
      firstRow: k.row,
      dirty: false,
    };
    return this.add(target, []);
  }
}

/** The reason a dry run gives for a matched row. */
export function matchText<S>(target: Target<S>, via: Via, changed: boolean, locale: Locale): string {
  if (!changed) return planText("unchanged", locale);
  if (target.isNew && target.firstRow !== null) return planText("matchRow", locale, target.firstRow);
  return planText(via === "inn" ? "matchInn" : "matchEmail", locale);
}
