/**
 * The company registry behind an interface, with one real implementation: a client for the
 * DaData-compatible "find party by id" API (ru-domain.md §4). Dates in the answer are Unix
 * milliseconds; "not found" is an empty suggestions list, not an error.
 */

import { moscowDate } from "../../../core/moscow-time";

export type RegistryFailure = "bad_token" | "rate_limited" | "unavailable";

export class RegistryProviderError extends Error {
  constructor(
    readonly kind: RegistryFailure,
    /** For rate_limited: how long the provider asked us to wait (Retry-After). */
    readonly retryAfterMs: number | null = null,
  ) {
    super(`registry ${kind}`);
  }
}

export interface RegistryParty {
  inn: string | null;
  kpp: string | null;
  ogrn: string | null;
  name: string | null;
  entityType: string | null;
  status: string | null;
  registeredAt: string | null;
  liquidatedAt: string | null;
  management: { name: string; post: string | null } | null;
  founders: { name: string; share: string | null }[] | null;
  okved: string | null;
  okvedName: string | null;
  sizeCategory: string | null;
  employeeCount: number | null;
  taxSystem: string | null;
  massAddress: boolean | null;
  massDirector: boolean | null;
  branchCount: number | null;
  address: string | null;
}

export type RegistryAnswer =
  | { found: false; raw: unknown }
  | { found: true; party: RegistryParty; raw: unknown };

export interface RegistryProvider {
  findById(inn: string, kpp?: string | null): Promise<RegistryAnswer>;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj | null =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Obj) : null;
const str = (v: unknown): string | null =>
  typeof v === "string" && v.trim() !== "" ? v : typeof v === "number" ? String(v) : null;
const int = (v: unknown): number | null => (typeof v === "number" && Number.isInteger(v) ? v : null);
const bool = (v: unknown): boolean | null => (typeof v === "boolean" ? v : null);

/** Unix milliseconds → the calendar date in Moscow, where the registry keeps its dates. */
export function msToDate(v: unknown): string | null {
  if (typeof v !== "number" || !Number.isFinite(v)) return null;
  return moscowDate(v);
}

const fioText = (f: Obj | null) =>
  f ? [str(f.surname), str(f.name), str(f.patronymic)].filter(Boolean).join(" ") || null : null;

/**
 * Reads one suggestion's `data`. The mass-address / mass-director flags are not in every plan:
 * they are read when the provider sends them (`mass_address`, `mass_director`, or an address
 * `invalidity` marked mass), otherwise left unknown rather than guessed.
 */
export function partyOf(data: Obj): RegistryParty {
  const state = obj(data.state);
  const name = obj(data.name);
  const mgmt = obj(data.management);
  const address = obj(data.address);
  const finance = obj(data.finance);
  const smb = obj(obj(data.documents)?.smb);
  const okveds = Array.isArray(data.okveds) ? data.okveds.map(obj).filter((o): o is Obj => o !== null) : [];
  const mainOkved = okveds.find((o) => o.main === true) ?? null;
  const founders = Array.isArray(data.founders)
    ? data.founders
        .map(obj)
        .filter((o): o is Obj => o !== null)
        .map((f) => ({
          name: str(f.name) ?? fioText(obj(f.fio)) ?? "—",
          share: str(obj(f.share)?.value) ?? null,
        }))
    : null;
  const fio = fioText(obj(data.fio));
  const invalidity = str(obj(address?.invalidity)?.code);
  return {
    inn: str(data.inn),
    kpp: str(data.kpp),
    ogrn: str(data.ogrn),
    name: str(name?.short_with_opf) ?? str(name?.full_with_opf) ?? fio,
    entityType: str(data.type),
    status: str(state?.status),
    registeredAt: msToDate(state?.registration_date ?? data.ogrn_date),
    liquidatedAt: msToDate(state?.liquidation_date),
    management:
      mgmt && str(mgmt.name)
        ? { name: str(mgmt.name) as string, post: str(mgmt.post) }
        : fio
          ? { name: fio, post: null }
          : null,
    founders,
    okved: str(data.okved),
    okvedName: str(mainOkved?.name),
    sizeCategory: str(smb?.category),
    employeeCount: int(data.employee_count),
    taxSystem: str(finance?.tax_system),
    massAddress: bool(data.mass_address) ?? (invalidity ? invalidity.toLowerCase().includes("mass") : null),
    massDirector: bool(data.mass_director) ?? (bool(mgmt?.disqualified) === true ? true : null),
    branchCount: int(data.branch_count),
    address: str(address?.value),
  };
}

export interface DadataOptions {
  baseUrl: string;
  token: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Retry-After in seconds or as an HTTP date; a missing or odd value means one minute. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 3600_000);
    const at = Date.parse(header);
    if (Number.isFinite(at)) return Math.max(0, Math.min(at - now, 3600_000));
  }
  return 60_000;
}

export function dadataProvider(options: DadataOptions): RegistryProvider {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async findById(inn, kpp) {
      // A branch is found by INN and its KPP; otherwise the head office (branch_type MAIN).
      const body: Obj = kpp ? { query: inn, kpp } : { query: inn, branch_type: "MAIN" };
      let res: Response;
      try {
        res = await doFetch(`${base}/suggestions/api/4_1/rs/findById/party`, {
          method: "POST",
          headers: {
            Authorization: `Token ${options.token}`,
            "Content-Type": "application/json",
            Accept: "application/json",
          },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch {
        throw new RegistryProviderError("unavailable");
      }
      if (res.status === 401 || res.status === 403) {
        await res.body?.cancel();
        throw new RegistryProviderError("bad_token");
      }
      if (res.status === 429) {
        await res.body?.cancel();
        throw new RegistryProviderError("rate_limited", retryAfterMs(res.headers.get("retry-after")));
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new RegistryProviderError("unavailable");
      }
      let json: unknown;
      try {
        json = await res.json();
      } catch {
        throw new RegistryProviderError("unavailable");
      }
      const suggestions = obj(json)?.suggestions;
      if (!Array.isArray(suggestions)) throw new RegistryProviderError("unavailable");
      const first = obj(suggestions[0]);
      const data = obj(first?.data);
      if (!data) return { found: false, raw: json };
      return { found: true, party: partyOf(data), raw: first };
    },
  };
}
