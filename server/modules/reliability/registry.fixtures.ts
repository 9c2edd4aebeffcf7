import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inn10 } from "../imports/imports.test-support";

/**
 * A local server speaking the DaData-compatible findById/party protocol (ru-domain.md §4), for
 * tests and the bench. Fixtures by INN: Sberbank (active, large, with branches), a liquidated
 * company, an individual entrepreneur (15-digit OGRNIP, no KPP); any other INN is "not found".
 * Token "bad" answers 401, "forbidden" 403; INN `RATE_LIMITED_INN` answers 429 with Retry-After;
 * INN `SLOW_INN` answers only after `slowMs` (a timeout for the client).
 */
export const TOKEN = "test-token";
export const SBERBANK_INN = "7707083893";
export const LIQUIDATED_INN = "7827004526";
export const IP_INN = "760307073214";
export const NOT_FOUND_INN = inn10(4242);
export const RATE_LIMITED_INN = inn10(4343);
export const SLOW_INN = inn10(4444);

const ms = (iso: string) => Date.parse(`${iso}T00:00:00+03:00`);

export function fixtureData(): Record<string, Record<string, unknown>> {
  return {
    [SBERBANK_INN]: {
      inn: SBERBANK_INN,
      kpp: "773601001",
      ogrn: "1027700132195",
      ogrn_date: ms("2002-08-16"),
      type: "LEGAL",
      name: {
        full_with_opf: 'ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО "СБЕРБАНК РОССИИ"',
        short_with_opf: "ПАО СБЕРБАНК",
      },
      opf: { code: "12247", short: "ПАО" },
      state: {
        status: "ACTIVE",
        code: null,
        actuality_date: ms("2026-10-01"),
        registration_date: ms("1991-06-20"),
        liquidation_date: null,
      },
      management: {
        name: "Греф Герман Оскарович",
        post: "ПРЕЗИДЕНТ, ПРЕДСЕДАТЕЛЬ ПРАВЛЕНИЯ",
        disqualified: null,
      },
      founders: [{ name: "ЦЕНТРАЛЬНЫЙ БАНК РОССИЙСКОЙ ФЕДЕРАЦИИ", share: { type: "PERCENT", value: 50 } }],
      okved: "64.19",
      okveds: [{ main: true, code: "64.19", name: "Денежное посредничество прочее" }],
      finance: { tax_system: null, income: null, expense: null, year: 2025 },
      employee_count: 210000,
      branch_type: "MAIN",
      branch_count: 87,
      documents: { smb: null },
      address: { value: "г Москва, ул Вавилова, д 19", data: { postal_code: "117312" } },
    },
    [LIQUIDATED_INN]: {
      inn: LIQUIDATED_INN,
      kpp: "784101001",
      ogrn: "1027812400868",
      type: "LEGAL",
      name: { short_with_opf: 'ООО "ЗАКРЫТАЯ ЛАВКА"' },
      state: {
        status: "LIQUIDATED",
        registration_date: ms("2002-11-20"),
        liquidation_date: ms("2019-03-15"),
      },
      management: { name: "Иванов Иван Иванович", post: "ЛИКВИДАТОР" },
      okved: "47.11",
      address: { value: "г Санкт-Петербург" },
      mass_address: true,
    },
    [IP_INN]: {
      inn: IP_INN,
      kpp: null,
      ogrn: "307760324100018",
      type: "INDIVIDUAL",
      fio: { surname: "Петров", name: "Пётр", patronymic: "Петрович" },
      name: {
        full_with_opf: "Индивидуальный предприниматель Петров Пётр Петрович",
        short_with_opf: "ИП Петров П.П.",
      },
      state: { status: "ACTIVE", registration_date: ms("2007-03-01") },
      okved: "62.01",
      finance: { tax_system: "USN" },
      documents: { smb: { category: "MICRO" } },
      address: { value: "г Ярославль" },
    },
  };
}

export type RegistryServer = {
  url: string;
  data: Record<string, Record<string, unknown>>;
  requests: { body: Record<string, unknown>; at: number; auth: string | undefined }[];
  /** Answer 429 to everyone when more than this many requests arrive within a second. */
  limitRps: number | null;
  slowMs: number;
  /** When set, any INN without a fixture gets this company (bench: every request does the full work). */
  fallback: Record<string, unknown> | null;
  /** How many requests the rate limit refused. */
  rejected: number;
  close(): Promise<void>;
};

export async function startRegistryServer(): Promise<RegistryServer> {
  const state: Omit<RegistryServer, "url" | "close"> = {
    data: fixtureData(),
    requests: [],
    limitRps: null,
    slowMs: 2_000,
    fallback: null,
    rejected: 0,
  };
  const server: Server = createServer((req, res) => {
    let text = "";
    req.on("data", (c) => {
      text += c;
    });
    req.on("end", () => {
      const body = JSON.parse(text || "{}") as Record<string, unknown>;
      const now = Date.now();
      state.requests.push({ body, at: now, auth: req.headers.authorization });
      const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(json));
      };
      if (req.url !== "/suggestions/api/4_1/rs/findById/party" || req.method !== "POST") return send(404, {});
      if (req.headers.authorization === "Token bad") return send(401, { message: "unauthorized" });
      if (req.headers.authorization === "Token forbidden") return send(403, { message: "forbidden" });
      if (req.headers.authorization !== `Token ${TOKEN}`) return send(401, {});
      if (state.limitRps !== null) {
        const recent = state.requests.filter((r) => now - r.at < 1000).length;
        if (recent > state.limitRps) {
          state.rejected++;
          return send(429, {}, { "retry-after": "1" });
        }
      }
      const inn = String(body.query);
      if (inn === RATE_LIMITED_INN) return send(429, {}, { "retry-after": "7" });
      if (inn === SLOW_INN) {
        setTimeout(() => send(200, { suggestions: [] }), state.slowMs);
        return;
      }
      const data = state.data[inn] ?? (state.fallback ? { ...state.fallback, inn } : undefined);
      if (!data || (body.kpp && data.kpp !== body.kpp)) return send(200, { suggestions: [] });
      const name = (data.name as { short_with_opf?: string }).short_with_opf ?? inn;
      send(200, { suggestions: [{ value: name, unrestricted_value: name, data }] });
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
