import type { FinancialLines } from "./model-result";

/**
 * The synthetic balance from ru-domain.md §4 "Vectors" (thousands of roubles) [calc], shared by the
 * scoring tests so every model is checked against the same statement.
 */
export const SYNTHETIC_BALANCE: FinancialLines = {
  "1100": 40_000,
  "1200": 60_000,
  "1230": 25_000,
  "1240": 2_000,
  "1250": 8_000,
  "1600": 100_000,
  "1300": 45_000,
  "1370": 35_000,
  "1400": 10_000,
  "1500": 45_000,
  "1520": 30_000,
  "2110": 150_000,
  "2120": 120_000,
  "2210": 10_000,
  "2220": 8_000,
  "2200": 12_000,
  "2330": 2_000,
  "2300": 10_000,
  "2400": 8_000,
};
