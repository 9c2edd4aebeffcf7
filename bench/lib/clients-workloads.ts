import type pg from "pg";
import { normalizePhone } from "../../core/phone";

/**
 * The requests of the client-database benchmark, built from rows sampled out of the seeded
 * database itself (so every search has something to find and every card exists).
 */

export type SessionName = "admin" | "manager";

export interface Workload {
  name: string;
  /** Target p95 in ms, or null when the row is informational. */
  target: number | null;
  session: SessionName;
  paths: string[];
  /** Per path, the sub-kind reported separately (search: word form, typo, …). */
  kinds?: string[];
}

type Sample = { id: string; name: string; inn: string | null; phones: string[]; emails: string[] };

/** Inflected forms of words that occur in the demo names: the Russian stemmer must find them. */
const wordForms = [
  "логистики",
  "строительной",
  "торговому",
  "заводом",
  "Сибирского",
  "Уральской",
  "агрофирмы",
  "гостиницы",
  "клиники",
  "транспортной",
  "Гранита",
  "Вектора",
  "Меридиана",
  "энергосбытовой",
  "сервисного",
  "снабженческой",
  "учебного",
  "оптовой",
  "партнёрами",
  "механического",
];

/** A deterministic slip of the finger: one letter dropped, or two neighbours swapped. */
function typo(word: string, i: number): string {
  const p = 1 + (i % Math.max(1, word.length - 2));
  if (i % 2 === 0) return word.slice(0, p) + word.slice(p + 1);
  return word.slice(0, p) + (word[p + 1] ?? "") + (word[p] ?? "") + word.slice(p + 2);
}

/** How people type a phone into a search box: with the city code, or just the local number. */
function phoneQuery(phone: string, i: number): string | null {
  const { digits, e164 } = normalizePhone(phone);
  if (!e164 || digits.length !== 11) return digits.length >= 5 ? digits : null;
  const d = digits.slice(1);
  if (i % 2 === 0) return `8 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`;
  return `${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`;
}

/** Up to `count` live companies spread over the whole table, the same ones every run. */
export async function sampleCompanies(pool: pg.Pool, count: number): Promise<Sample[]> {
  const total = Number((await pool.query("select count(*) as n from companies")).rows[0].n);
  const every = Math.max(1, Math.floor(total / count));
  const { rows } = await pool.query<Sample>(
    `select id, name, inn, phones, emails from companies
     where deleted_at is null and abs(hashtext(id::text)) % $1 = 0
     limit $2`,
    [every, count],
  );
  return rows;
}

export function searchWorkload(samples: readonly Sample[], count: number): Workload {
  const paths: string[] = [];
  const kinds: string[] = [];
  const add = (kind: string, q: string | null) => {
    if (!q) return;
    paths.push(`/api/v1/search?q=${encodeURIComponent(q)}`);
    kinds.push(kind);
  };
  for (let i = 0; paths.length < count && i < samples.length * 5; i++) {
    const s = samples[Math.floor(i / 5) % samples.length]!;
    const brand = /«(.+)»/.exec(s.name)?.[1] ?? s.name.split(" ")[1] ?? s.name;
    switch (i % 5) {
      case 0:
        add("word form", wordForms[Math.floor(i / 5) % wordForms.length]!);
        break;
      case 1:
        add("typo", brand.length >= 5 ? typo(brand, Math.floor(i / 5)) : null);
        break;
      case 2:
        add("INN part", s.inn ? s.inn.slice(2, 9) : null);
        break;
      case 3:
        add("phone", s.phones[0] ? phoneQuery(s.phones[0], Math.floor(i / 5)) : null);
        break;
      default:
        add("email", s.emails[0] ?? null);
    }
  }
  return { name: "search (mix)", target: 50, session: "admin", paths, kinds };
}

export function cardWorkload(samples: readonly Sample[], count: number): Workload {
  const paths = samples.slice(0, count).map((s) => `/api/v1/companies/${s.id}`);
  return { name: "company card", target: 25, session: "admin", paths };
}

export const LIST_PATH = "/api/v1/companies?limit=50&status=client&sort=name";

/** The first page, and pages 2…N reached through nextCursor (collected over HTTP first). */
export async function listWorkloads(
  get: (path: string) => Promise<string>,
  pages: number,
): Promise<Workload[]> {
  const deeper: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < pages; i++) {
    const path: string = cursor ? `${LIST_PATH}&cursor=${encodeURIComponent(cursor)}` : LIST_PATH;
    if (cursor) deeper.push(path);
    const body = JSON.parse(await get(path)) as { items: unknown[]; nextCursor: string | null };
    if (body.items.length !== 50 && body.nextCursor) throw new Error(`list page of ${body.items.length}`);
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return [
    { name: "list, first page (admin)", target: 25, session: "admin", paths: [LIST_PATH] },
    {
      name: `list, pages 2–${deeper.length + 1} by cursor (admin)`,
      target: 25,
      session: "admin",
      paths: deeper,
    },
    { name: "list, first page (manager: own clients)", target: 25, session: "manager", paths: [LIST_PATH] },
  ];
}
