/**
 * Benchmarks: print figures, assert nothing. `npm run bench`.
 * - each custom function on one cell, through the same wrapper Excel calls (µs per call);
 * - WRITE_DOWN_RATIO and MARKET_CAP_DRAWDOWN over ranges of growing size (linear time: ns per cell);
 * - building the whole workbook plan;
 * - the size of the built bundles (when dist/ exists).
 */
import { existsSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeCustomFunctions } = require("../tests/stubs/custom-functions");
(globalThis as Record<string, unknown>).CustomFunctions = makeCustomFunctions();

// eslint-disable-next-line @typescript-eslint/no-require-imports
const fns = require("../src/functions/functions") as Record<string, (...a: unknown[]) => unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildPlan } = require("../src/workbook/plan") as typeof import("../src/workbook/plan");

function time(label: string, iterations: number, fn: () => unknown): number {
  for (let i = 0; i < Math.min(iterations, 1000); i++) fn(); // warm-up
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) fn();
  const ns = Number(process.hrtime.bigint() - t0) / iterations;
  console.log(`${label.padEnd(52)} ${(ns / 1000).toFixed(3).padStart(10)} µs/call`);
  return ns;
}

const c = (x: unknown) => [[x]];
console.log("== custom functions, one cell (through the Excel-facing wrapper)");
time("NVDA_CHINA_GAP(17.1, 131.54)", 200_000, () => fns.nvdaChinaGap(c(17.1), c(131.54), null));
time("WRITE_DOWN_RATIO(5.5, 17.1)", 200_000, () => fns.writeDownRatioFn(c(5.5), c(17.1)));
time("MARKET_CAP_DRAWDOWN(3.3, 2.47)", 200_000, () => fns.marketCapDrawdown(c(3.3), c(2.47)));
time("GROWTH_RATE(10.3, 17.1)", 200_000, () => fns.growthRateFn(c(10.3), c(17.1)));
time("CAGR(0.8, 2.1, 2)", 200_000, () => fns.cagrFn(c(0.8), c(2.1), c(2)));
time("PRIOR_FROM_GROWTH(16, 2.75)", 200_000, () => fns.priorFromGrowthFn(c(16), c(2.75)));
time("IMPLIED_TOTAL(17.1, 0.13)", 200_000, () => fns.impliedTotalFn(c(17.1), c(0.13)));
time("SHARE_OF(16, 42)", 200_000, () => fns.shareOfFn(c(16), c(42)));
time("PRICE_PERFORMANCE(0.85, 0.3)", 200_000, () => fns.pricePerformanceFn(c(0.85), c(0.3)));
time("PROJECT_VALUE(2.1, 0.75, 2)", 200_000, () => fns.projectValueFn(c(2.1), c(0.75), c(2)));
time("REVENUE_AT_RISK(17.1, 0.5, 0.2, 0.1)", 200_000, () => fns.revenueAtRiskFn(c(17.1), c(0.5), c(0.2), c(0.1)));
time('FACT("china_revenue_2024")', 200_000, () => fns.fact(c("china_revenue_2024"), null));
time("BASELINE() (list of tables)", 20_000, () => fns.baseline(null));
time("CHECKS()", 20_000, () => fns.checks());

console.log("\n== ranges (linear time: ns per cell should stay flat as the range grows)");
for (const n of [1_000, 10_000, 100_000, 1_000_000]) {
  const a = Array.from({ length: n }, (_, i) => [1 + (i % 97)]);
  const b = Array.from({ length: n }, (_, i) => [100 + (i % 89)]);
  const iters = Math.max(3, Math.round(2_000_000 / n));
  const ns = time(`WRITE_DOWN_RATIO over ${n.toLocaleString("en")} rows`, iters, () => fns.writeDownRatioFn(a, b));
  console.log(`${"".padEnd(52)} ${(ns / n).toFixed(1).padStart(10)} ns/cell`);
  const ns2 = time(`MARKET_CAP_DRAWDOWN series of ${n.toLocaleString("en")}`, iters, () =>
    fns.marketCapDrawdown(b, null),
  );
  console.log(`${"".padEnd(52)} ${(ns2 / n).toFixed(1).padStart(10)} ns/cell`);
}

console.log("\n== workbook plan");
time("buildPlan() all tables", 500, () => buildPlan());
const plan = buildPlan();
const cells = plan.sheets.reduce(
  (s, sh) => s + sh.blocks.reduce((t, bl) => t + bl.cells.length * bl.cells[0].length, 0),
  0,
);
const formulas = plan.sheets.reduce(
  (s, sh) =>
    s + sh.blocks.reduce((t, bl) => t + bl.cells.flat().filter((x) => x !== null && typeof x === "object").length, 0),
  0,
);
console.log(`plan: ${plan.sheets.length} sheets, ${cells} cells, ${formulas} formulas, ${plan.names.length} names`);

const dist = join(__dirname, "..", "dist");
if (existsSync(dist)) {
  console.log("\n== bundle bytes (dist/, production build)");
  for (const f of ["functions.js", "taskpane.js", "commands.js", "functions.json"]) {
    const p = join(dist, f);
    if (!existsSync(p)) continue;
    const gz = gzipSync(readFileSync(p)).length;
    console.log(
      `${f.padEnd(20)} ${statSync(p).size.toLocaleString("en").padStart(10)} B   ${gz.toLocaleString("en").padStart(9)} B gzip`,
    );
  }
} else {
  console.log("\n(no dist/: run `npm run build` for bundle sizes)");
}
