/**
 * Proposal totals (issue 5: a 200-line proposal's totals ≤ 20 ms server-side): the computation
 * the server runs on every quote and save — line amounts in kopecks, VAT per line, the footer,
 * the count line and the amount in words. The price-list and rule lookups before it are indexed
 * reads of their own and are not part of this number.
 *
 *   npm run bench -- proposals [--lines 200] [--iterations 2000]
 */
import { parseArgs } from "node:util";
import { type ProposalLineInput, proposalTotals } from "../core/proposal-totals";
import { ms, num, table, verdict, writeSection } from "./lib/report";

const { values } = parseArgs({
  options: { lines: { type: "string", default: "200" }, iterations: { type: "string", default: "2000" } },
});
const LINES = Number(values.lines);
const ITER = Number(values.iterations);

const lines: ProposalLineInput[] = Array.from({ length: LINES }, (_, i) => ({
  quantity: String((i % 17) + 1),
  listPriceKopecks: 99_99 + i * 137,
  discountPercent: i % 3 === 0 ? "7.5" : "0",
  vatRate: (["22", "10", "5", "7", "0", "none"] as const)[i % 6]!,
}));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

for (let i = 0; i < 200; i++) proposalTotals(lines, { vatIncluded: i % 2 === 0 });
const times: number[] = [];
for (let i = 0; i < ITER; i++) {
  const started = performance.now();
  proposalTotals(lines, { vatIncluded: i % 2 === 0 });
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const p95 = percentile(times, 95);

writeSection(
  "proposals",
  "Proposal totals (issue 5)",
  `
${num(LINES)} lines at every VAT rate, a third with a discount, VAT-inclusive and VAT-exclusive prices in turn;
${num(ITER)} runs after a warm-up of 200 (\`core/proposal-totals.ts\`).

${table(
  ["p50", "p95", "p99", "max", "target", "verdict"],
  [
    [
      ms(percentile(times, 50)),
      ms(p95),
      ms(percentile(times, 99)),
      ms(times[times.length - 1]!),
      "≤ 20 ms",
      verdict(p95 <= 20),
    ],
  ],
)}
`,
);
