/**
 * The EXPOSURE.* custom functions: thin wrappers over src/model and src/baseline. Every parameter
 * accepts a cell or a range: given ranges, a function answers element by element with the same
 * shape (a spilled array), single cells broadcast, and a bad element answers its own error in its
 * own place. custom-functions-metadata-plugin builds functions.json from the JSDoc below.
 *
 * Each description holds the function's examples, written once, in one form that a test evaluates
 * through the built bundle (tests/contract/examples.test.ts) and finds again in README's table:
 * `=EXPOSURE.ID(args) is 0.3216` (compared at the stated number of decimals), `is "text"`, or
 * `spills a table headed a, b, c`. Parameters are `unknown[][]`: the metadata plugin reads them as
 * matrices of any type, the same functions.json as `unknown[][]`, and grid.ts coerces every cell.
 */
import {
  cagr,
  chinaGap,
  drawdown,
  growthRate,
  impliedTotal,
  WorstDrawdown,
  priorFromGrowth,
  pricePerformance,
  projectValue,
  revenueAtRisk,
  shareOf,
  writeDownRatio,
  ExposureError,
} from "../model";
import { baselineSpill, checksSpill, factField } from "../baseline";
import { answer, toExcelError } from "./errors";
import { answerSeries, isSingleCell, liftNumeric, liftText } from "./grid";
// the functions of a case, in their own module (their metadata is generated from its JSDoc too)
import "./case-functions";
// sensitivity and simulation, in their own module too
import "./risk-functions";

const NVDA_CHINA_GAP = liftNumeric("NVDA_CHINA_GAP", chinaGap, [
  { name: "china_revenue" },
  { name: "global_revenue" },
  { name: "recaptured_share", default: 0 },
]);
/**
 * The share of global revenue to replace if China is lost: china_revenue × (1 − recaptured_share) ÷ global_revenue, both of one period. Example: =EXPOSURE.NVDA_CHINA_GAP(17.1, 131.54) is 0.13 (China 17.1 bn of 131.54 bn, 2024); =EXPOSURE.NVDA_CHINA_GAP(17.1, 131.54, 0.5) is 0.065. Errors: #DIV/0! global revenue zero; #NUM! a negative revenue, a share outside 0–1, or China above global.
 * @customfunction NVDA_CHINA_GAP
 * @param china_revenue Revenue from China in the period (e.g. 17.1, USD bn, 2024). A cell or a range.
 * @param global_revenue Global revenue in the same period and unit (e.g. 131.54). A cell or a range.
 * @param [recaptured_share] Share of the China revenue won back elsewhere, 0 to 1. Default 0.
 * @returns The revenue gap as a fraction of global revenue.
 */
export function nvdaChinaGap(
  china_revenue: unknown[][],
  global_revenue: unknown[][],
  recaptured_share?: unknown[][],
): unknown[][] {
  return NVDA_CHINA_GAP(china_revenue, global_revenue, recaptured_share);
}

const WRITE_DOWN_RATIO = liftNumeric("WRITE_DOWN_RATIO", writeDownRatio, [
  { name: "write_down" },
  { name: "reference_revenue" },
]);
/**
 * A write-down as a share of a reference revenue: write_down ÷ reference_revenue. Example: =EXPOSURE.WRITE_DOWN_RATIO(5.5, 17.1) is 0.3216 (the article rounds it to 32%). Errors: #DIV/0! reference revenue zero; #NUM! a negative value.
 * @customfunction WRITE_DOWN_RATIO
 * @param write_down The write-down or impairment (e.g. 5.5, USD bn). A cell or a range.
 * @param reference_revenue The revenue to compare it with, in the same unit (e.g. 17.1). A cell or a range.
 * @returns The write-down as a fraction of the reference revenue.
 */
export function writeDownRatioFn(write_down: unknown[][], reference_revenue: unknown[][]): unknown[][] {
  return WRITE_DOWN_RATIO(write_down, reference_revenue);
}

const DRAWDOWN = liftNumeric("MARKET_CAP_DRAWDOWN", drawdown, [{ name: "peak" }, { name: "current" }]);
/**
 * The fall from a peak: (peak − current) ÷ peak. Given one range and no current, the largest peak-to-trough fall of that series in order. Example: =EXPOSURE.MARKET_CAP_DRAWDOWN(3.3, 2.47) is 0.2515. Errors: #DIV/0! peak zero; #NUM! a negative value; #VALUE! a single value with no current.
 * @customfunction MARKET_CAP_DRAWDOWN
 * @param peak_or_series The peak value (e.g. 3.3, USD tn), or a row or column of values in time order.
 * @param [current] The current value (e.g. 2.47). Leave out to measure the worst drawdown of the series.
 * @returns The drawdown as a fraction of the peak.
 */
export function marketCapDrawdown(peak_or_series: unknown[][], current?: unknown[][]): unknown[][] {
  if (current !== null && current !== undefined) return DRAWDOWN(peak_or_series, current);
  if (isSingleCell(peak_or_series)) {
    return [[toExcelError(new ExposureError("#VALUE!", "give current, or a row or column of values in time order"))]];
  }
  return answerSeries("MARKET_CAP_DRAWDOWN", "peak_or_series", peak_or_series, new WorstDrawdown());
}

const GROWTH_RATE = liftNumeric("GROWTH_RATE", growthRate, [{ name: "start" }, { name: "end" }]);
/**
 * Growth from start to end: end ÷ start − 1. Example: =EXPOSURE.GROWTH_RATE(10.3, 17.1) is 0.660 (China revenue 2023 → 2024). Errors: #DIV/0! start zero; #NUM! a negative value.
 * @customfunction GROWTH_RATE
 * @param start The value at the start (e.g. 10.3, USD bn, 2023). A cell or a range.
 * @param end The value at the end (e.g. 17.1, 2024). A cell or a range.
 * @returns The growth as a fraction (0.66 is +66%).
 */
export function growthRateFn(start: unknown[][], end: unknown[][]): unknown[][] {
  return GROWTH_RATE(start, end);
}

const CAGR = liftNumeric("CAGR", cagr, [{ name: "start" }, { name: "end" }, { name: "years" }]);
/**
 * Compound annual growth rate: (end ÷ start)^(1 ÷ years) − 1. Example: =EXPOSURE.CAGR(0.8, 2.1, 2) is 0.620 (MindSpore developers, 0.8 m → 2.1 m over 2 years). Errors: #DIV/0! start zero; #NUM! a negative value or years ≤ 0.
 * @customfunction CAGR
 * @param start The value at the start (e.g. 0.8, m developers, 2023). A cell or a range.
 * @param end The value at the end (e.g. 2.1, 2025). A cell or a range.
 * @param years The number of years between them (e.g. 2); fractions allowed. A cell or a range.
 * @returns The annual rate as a fraction.
 */
export function cagrFn(start: unknown[][], end: unknown[][], years: unknown[][]): unknown[][] {
  return CAGR(start, end, years);
}

const PRIOR_FROM_GROWTH = liftNumeric("PRIOR_FROM_GROWTH", priorFromGrowth, [
  { name: "current" },
  { name: "growth_rate" },
]);
/**
 * The prior-period value implied by growth: current ÷ (1 + growth_rate). Example: =EXPOSURE.PRIOR_FROM_GROWTH(16, 2.75) is 4.267 (H20 orders of 16 bn, up 275%: a year earlier). Errors: #NUM! a negative current value or growth at or below −100%.
 * @customfunction PRIOR_FROM_GROWTH
 * @param current The current value (e.g. 16, USD bn, 2025 Q1). A cell or a range.
 * @param growth_rate The growth over the prior period as a fraction (e.g. 2.75 for +275%). A cell or a range.
 * @returns The prior-period value, in the unit of current.
 */
export function priorFromGrowthFn(current: unknown[][], growth_rate: unknown[][]): unknown[][] {
  return PRIOR_FROM_GROWTH(current, growth_rate);
}

const IMPLIED_TOTAL = liftNumeric("IMPLIED_TOTAL", impliedTotal, [{ name: "part" }, { name: "share" }]);
/**
 * The whole implied by a part and its share: part ÷ share. Example: =EXPOSURE.IMPLIED_TOTAL(17.1, 0.13) is 131.5 (China revenue 17.1 bn at 13%: implied global revenue). Errors: #DIV/0! share zero; #NUM! a negative part or a share outside 0–1.
 * @customfunction IMPLIED_TOTAL
 * @param part The part (e.g. 17.1, USD bn). A cell or a range.
 * @param share The part's share of the whole, 0 to 1 (e.g. 0.13). A cell or a range.
 * @returns The implied whole, in the unit of part.
 */
export function impliedTotalFn(part: unknown[][], share: unknown[][]): unknown[][] {
  return IMPLIED_TOTAL(part, share);
}

const SHARE_OF = liftNumeric("SHARE_OF", shareOf, [{ name: "part" }, { name: "whole" }]);
/**
 * The share a part is of a whole: part ÷ whole. Example: =EXPOSURE.SHARE_OF(3.1, 42) is 0.0738 (US equipment exports, 3.1 bn of China's 42 bn of equipment purchases, 2024). Errors: #DIV/0! whole zero; #NUM! a negative value or a part above the whole.
 * @customfunction SHARE_OF
 * @param part The part (e.g. 17.1). A cell or a range.
 * @param whole The whole, in the same unit (e.g. 131.54). A cell or a range.
 * @returns The share as a fraction.
 */
export function shareOfFn(part: unknown[][], whole: unknown[][]): unknown[][] {
  return SHARE_OF(part, whole);
}

const PRICE_PERFORMANCE = liftNumeric("PRICE_PERFORMANCE", pricePerformance, [
  { name: "relative_performance" },
  { name: "price_discount" },
]);
/**
 * Price-performance of a substitute relative to an incumbent: relative_performance ÷ (1 − price_discount). Example: =EXPOSURE.PRICE_PERFORMANCE(0.85, 0.3) is 1.214 (Ascend 910B at 85% of H20 and 30% cheaper). Errors: #DIV/0! a 100% discount; #NUM! negative performance or a discount outside 0–1.
 * @customfunction PRICE_PERFORMANCE
 * @param relative_performance The substitute's performance as a fraction of the incumbent's (e.g. 0.85). A cell or a range.
 * @param price_discount How much cheaper it is, 0 to 1 (e.g. 0.3). A cell or a range.
 * @returns Performance per unit of price, relative to the incumbent (1.21 is 21% better).
 */
export function pricePerformanceFn(relative_performance: unknown[][], price_discount: unknown[][]): unknown[][] {
  return PRICE_PERFORMANCE(relative_performance, price_discount);
}

const PROJECT_VALUE = liftNumeric("PROJECT_VALUE", projectValue, [
  { name: "base" },
  { name: "growth_rate" },
  { name: "years" },
]);
/**
 * A value grown at a constant annual rate: base × (1 + growth_rate)^years. Example: =EXPOSURE.PROJECT_VALUE(2.1, 0.75, 2) is 6.43 (MindSpore, 2.1 m developers growing 75% a year for 2 years). Errors: #NUM! a negative base, growth at or below −100%, years ≤ 0, or overflow.
 * @customfunction PROJECT_VALUE
 * @param base The value today (e.g. 2.1, m developers). A cell or a range.
 * @param growth_rate The annual growth as a fraction (e.g. 0.75). A cell or a range.
 * @param years How many years ahead (e.g. 2); fractions allowed. A cell or a range.
 * @returns The projected value, in the unit of base.
 */
export function projectValueFn(base: unknown[][], growth_rate: unknown[][], years: unknown[][]): unknown[][] {
  return PROJECT_VALUE(base, growth_rate, years);
}

const REVENUE_AT_RISK = liftNumeric("REVENUE_AT_RISK", revenueAtRisk, [
  { name: "exposed_revenue" },
  { name: "ban_probability" },
  { name: "substitution_share", default: 0 },
  { name: "recapture_share", default: 0 },
]);
/**
 * Expected revenue lost: exposed × (p + (1 − p) × substitution_share) × (1 − recapture_share). Example: =EXPOSURE.REVENUE_AT_RISK(17.1, 1) is 17.1; =EXPOSURE.REVENUE_AT_RISK(17.1, 0.5, 0.2, 0.1) is 9.234. Errors: #NUM! negative revenue or a probability or share outside 0–1.
 * @customfunction REVENUE_AT_RISK
 * @param exposed_revenue Revenue exposed to the ban (e.g. 17.1, USD bn). A cell or a range.
 * @param ban_probability Probability the market is closed, 0 to 1. A cell or a range.
 * @param [substitution_share] Share lost to local substitutes even without a ban, 0 to 1. Default 0.
 * @param [recapture_share] Share of lost revenue won back elsewhere, 0 to 1. Default 0.
 * @returns The expected revenue lost, in the unit of exposed_revenue.
 */
export function revenueAtRiskFn(
  exposed_revenue: unknown[][],
  ban_probability: unknown[][],
  substitution_share?: unknown[][],
  recapture_share?: unknown[][],
): unknown[][] {
  return REVENUE_AT_RISK(exposed_revenue, ban_probability, substitution_share, recapture_share);
}

const FACT = liftText("FACT", factField, [{ name: "id" }, { name: "field", default: "value" }]);
/**
 * A figure of the article's baseline by id, or one of its fields. Example: =EXPOSURE.FACT("china_revenue_2024") is 17.1; =EXPOSURE.FACT("china_revenue_2024", "unit") is "USD bn". Errors: #N/A an unknown id or field.
 * @customfunction FACT
 * @param id The fact id (see =EXPOSURE.BASELINE() for tables and ids). A cell or a range of ids.
 * @param [field] value (default), unit, period, label, label_zh, source, entity or kind.
 * @returns The value or field of the fact.
 */
export function fact(id: unknown[][], field?: unknown[][]): unknown[][] {
  return FACT(id, field);
}

/**
 * The article's baseline as a table. With a table id it spills that table (label, value, unit, period, check); with none, the list of table ids and titles. Example: =EXPOSURE.BASELINE("china_revenue") spills a table headed label, value, unit, period, check; =EXPOSURE.BASELINE() spills a table headed id, title. Errors: #N/A an unknown table id.
 * @customfunction BASELINE
 * @param [table_id] The id of a baseline table. Leave out to list the tables.
 * @returns A table with a header row.
 */
export function baseline(table_id?: unknown[][]): unknown[][] {
  return answer("BASELINE", () => {
    if (table_id === null || table_id === undefined) return baselineSpill();
    if (!isSingleCell(table_id)) return new ExposureError("#VALUE!", "table_id must be a single cell");
    const id = Array.isArray(table_id) ? table_id[0][0] : table_id;
    if (id === null || id === "") return baselineSpill();
    if (typeof id !== "string") return new ExposureError("#VALUE!", "table_id must be text");
    return baselineSpill(id.trim());
  });
}

/**
 * Every consistency check of the article's figures: each stated figure recomputed from the others, with its status (consistent, rounded, inconsistent, not_reproducible). Example: =EXPOSURE.CHECKS() spills a table headed id, stated, derived, difference, tolerance, status, explanation.
 * @customfunction CHECKS
 * @returns A table with a header row: id, stated, derived, difference, tolerance, status, explanation.
 */
export function checks(): unknown[][] {
  return answer("CHECKS", () => checksSpill());
}
