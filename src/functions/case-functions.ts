/**
 * The EXPOSURE.* functions of a case, for analysts who build their own layout: revenue at risk
 * carried to net income, earnings per share and market value, and a whole scenario table that
 * spills. Thin wrappers over the declarations of src/model/case.ts, which the case sheets render as
 * formulas: a function and a sheet answer the same numbers. Same conventions as functions.ts.
 */
import {
  type CaseDrivers,
  type DriverId,
  ExposureError,
  MULTIPLE_CHOICES,
  type MultipleType,
  type OutputId,
  type ScenarioDriverId,
  earningsAtRisk,
  epsAtRisk,
  evaluateScenario,
  isMissing,
  marketValueAtRisk,
} from "../model";
import { answer } from "./errors";
import { liftNumeric, toNumber } from "./grid";

const EARNINGS_AT_RISK = liftNumeric("EARNINGS_AT_RISK", earningsAtRisk, [
  { name: "revenue_at_risk" },
  { name: "gross_margin" },
  { name: "tax_rate" },
]);
/**
 * Net income at risk: revenue_at_risk × gross_margin × (1 − tax_rate), other costs taken as fixed. Example: =EXPOSURE.EARNINGS_AT_RISK(17.1, 0.75, 0.15) is 10.90125 (NVIDIA's 17.1 bn of 2024 China revenue; the 75% margin and 15% tax rate are assumptions, not the article's). Errors: #NUM! negative revenue, or a margin or tax rate outside 0–1.
 * @customfunction EARNINGS_AT_RISK
 * @param revenue_at_risk Revenue at risk (e.g. 17.1, USD bn; see REVENUE_AT_RISK). A cell or a range.
 * @param gross_margin Gross profit per unit of revenue, 0 to 1 (e.g. 0.75). A cell or a range.
 * @param tax_rate The tax rate on the profit lost, 0 to 1 (e.g. 0.15). A cell or a range.
 * @returns Net income at risk, in the unit of revenue_at_risk.
 */
export function earningsAtRiskFn(
  revenue_at_risk: unknown[][],
  gross_margin: unknown[][],
  tax_rate: unknown[][],
): unknown[][] {
  return EARNINGS_AT_RISK(revenue_at_risk, gross_margin, tax_rate);
}

const EPS_AT_RISK = liftNumeric("EPS_AT_RISK", epsAtRisk, [
  { name: "revenue_at_risk" },
  { name: "gross_margin" },
  { name: "tax_rate" },
  { name: "shares_outstanding" },
]);
/**
 * Earnings per share at risk: revenue_at_risk × gross_margin × (1 − tax_rate) ÷ shares_outstanding; money and shares both in billions give money per share. Example: =EXPOSURE.EPS_AT_RISK(17.1, 0.75, 0.15, 24.4) is 0.4468 (24.4 bn shares, an assumption). Errors: #DIV/0! zero shares; #NUM! a negative value, or a margin or tax rate outside 0–1.
 * @customfunction EPS_AT_RISK
 * @param revenue_at_risk Revenue at risk (e.g. 17.1, USD bn). A cell or a range.
 * @param gross_margin Gross profit per unit of revenue, 0 to 1 (e.g. 0.75). A cell or a range.
 * @param tax_rate The tax rate on the profit lost, 0 to 1 (e.g. 0.15). A cell or a range.
 * @param shares_outstanding Shares outstanding, in billions (e.g. 24.4). A cell or a range.
 * @returns Earnings per share at risk, in the currency per share.
 */
export function epsAtRiskFn(
  revenue_at_risk: unknown[][],
  gross_margin: unknown[][],
  tax_rate: unknown[][],
  shares_outstanding: unknown[][],
): unknown[][] {
  return EPS_AT_RISK(revenue_at_risk, gross_margin, tax_rate, shares_outstanding);
}

const MARKET_VALUE_AT_RISK = liftNumeric("MARKET_VALUE_AT_RISK", marketValueAtRisk, [
  { name: "amount_at_risk" },
  { name: "multiple" },
]);
/**
 * Market value at risk at a constant multiple: multiple × amount_at_risk — a P/E times net income at risk, or a P/S times revenue at risk. Example: =EXPOSURE.MARKET_VALUE_AT_RISK(10.90125, 40) is 436.05 (a P/E of 40, an assumption). Errors: #NUM! a negative amount or multiple.
 * @customfunction MARKET_VALUE_AT_RISK
 * @param amount_at_risk Net income at risk for a P/E, revenue at risk for a P/S (e.g. 10.90125, USD bn). A cell or a range.
 * @param multiple The valuation multiple, held constant (e.g. 40). A cell or a range.
 * @returns Market value at risk, in the unit of amount_at_risk.
 */
export function marketValueAtRiskFn(amount_at_risk: unknown[][], multiple: unknown[][]): unknown[][] {
  return MARKET_VALUE_AT_RISK(amount_at_risk, multiple);
}

// ── the scenario table ───────────────────────────────────────────────────────────────────────

/** The columns SCENARIO_TABLE spills, after the scenario drivers it was given. */
const TABLE_OUTPUTS: readonly OutputId[] = [
  "revenue_at_risk",
  "gap_share",
  "gross_profit_at_risk",
  "net_income_at_risk",
  "eps_at_risk",
  "value_at_risk",
  "value_at_risk_share",
  "write_down",
];
const TABLE_DRIVERS: readonly ScenarioDriverId[] = ["ban_probability", "substitution_share", "recapture_share"];

/** An argument as a list of cells: one cell, one row or one column (empty cells kept in place). */
export function cellsOf(name: string, v: unknown): unknown[] | ExposureError {
  if (v === null || v === undefined) return [null];
  if (!Array.isArray(v)) return [v];
  const g = v as unknown[][];
  const rows = g.length;
  const cols = rows > 0 && Array.isArray(g[0]) ? g[0].length : 0;
  if (cols === 0 || g.some((r) => !Array.isArray(r) || r.length !== cols)) {
    return new ExposureError("#VALUE!", `${name} is not a rectangular range`);
  }
  if (rows > 1 && cols > 1)
    return new ExposureError("#VALUE!", `${name} must be one row or one column, not ${rows}×${cols}`);
  return g.flat();
}

/** A driver's cell: a number, undefined when empty, or the #VALUE! of text or a boolean. */
export function driverOf(name: string, cell: unknown): number | undefined | ExposureError {
  if (cell === null || cell === undefined || cell === "") return undefined;
  return toNumber(name, cell);
}

/**
 * A whole scenario table, one row per scenario: for each ban probability (and the substitution,
 * recapture and write-down beside it, or one for all), the revenue at risk, the gap, gross profit,
 * net income, EPS and market value at risk, and the write-down. Example: =EXPOSURE.SCENARIO_TABLE(17.1, 131.54, 1) spills a table headed ban_probability, substitution_share, recapture_share, revenue_at_risk, gap_share, gross_profit_at_risk, net_income_at_risk, eps_at_risk, value_at_risk, value_at_risk_share, write_down. A driver left out answers "needs <driver>" in the columns that need it. Errors: #VALUE! text where a number is due, or ranges of different lengths; #NUM! a value outside its domain.
 * @customfunction SCENARIO_TABLE
 * @param exposed_revenue A year of revenue from the market that can close (e.g. 17.1, USD bn).
 * @param global_revenue A year of revenue from all markets, same year and unit (e.g. 131.54).
 * @param ban_probability The probability the restriction holds, 0 to 1: one cell, or one per scenario (a row or a column).
 * @param [substitution_share] Of the revenue not banned, the share local substitutes take, 0 to 1; one, or one per scenario. Empty: none.
 * @param [recapture_share] Of the revenue lost, the share resold elsewhere, 0 to 1; one, or one per scenario. Empty: none.
 * @param [gross_margin] Gross profit per unit of revenue, 0 to 1.
 * @param [tax_rate] The tax rate on the profit lost, 0 to 1.
 * @param [shares_outstanding] Shares outstanding, in billions.
 * @param [valuation_multiple] The valuation multiple, held constant.
 * @param [market_value] The company's market value, in the unit of revenue.
 * @param [inventory_write_down] A one-off write-down; one, or one per scenario. Empty: none.
 * @param [multiple_type] "P/E" (the default: the multiple applies to net income) or "P/S" (to revenue).
 * @returns A table with a header row, one row per scenario.
 */
export function scenarioTable(
  exposed_revenue: unknown[][],
  global_revenue: unknown[][],
  ban_probability: unknown[][],
  substitution_share?: unknown[][],
  recapture_share?: unknown[][],
  gross_margin?: unknown[][],
  tax_rate?: unknown[][],
  shares_outstanding?: unknown[][],
  valuation_multiple?: unknown[][],
  market_value?: unknown[][],
  inventory_write_down?: unknown[][],
  multiple_type?: unknown[][],
): unknown[][] {
  return answer("SCENARIO_TABLE", () => {
    const given: [DriverId, unknown][] = [
      ["exposed_revenue", exposed_revenue],
      ["global_revenue", global_revenue],
      ["ban_probability", ban_probability],
      ["substitution_share", substitution_share],
      ["recapture_share", recapture_share],
      ["gross_margin", gross_margin],
      ["tax_rate", tax_rate],
      ["shares_outstanding", shares_outstanding],
      ["valuation_multiple", valuation_multiple],
      ["market_value", market_value],
      ["inventory_write_down", inventory_write_down],
    ];
    const columns: [DriverId, unknown[]][] = [];
    for (const [id, v] of given) {
      const cells = cellsOf(id, v);
      if (cells instanceof ExposureError) return cells;
      columns.push([id, cells]);
    }
    const n = Math.max(...columns.map(([, c]) => c.length));
    const odd = columns.find(([, c]) => c.length !== 1 && c.length !== n);
    if (odd) return new ExposureError("#VALUE!", `${odd[0]} has ${odd[1].length} values where the scenarios have ${n}`);
    const type = multipleTypeOf(multiple_type);
    if (type instanceof ExposureError) return type;

    const rows: (string | number | ExposureError)[][] = [[...TABLE_DRIVERS, ...TABLE_OUTPUTS]];
    for (let i = 0; i < n; i++) {
      const drivers: Record<string, number | undefined> = {};
      let bad: ExposureError | undefined;
      for (const [id, cells] of columns) {
        const x = driverOf(id, cells.length === 1 ? cells[0] : cells[i]);
        if (x instanceof ExposureError) bad ??= x;
        else drivers[id] = x;
      }
      if (bad) {
        rows.push([...TABLE_DRIVERS, ...TABLE_OUTPUTS].map(() => bad!));
        continue;
      }
      const out = evaluateScenario({ ...(drivers as CaseDrivers), multiple_type: type });
      rows.push([
        ...TABLE_DRIVERS.map((id) => drivers[id] ?? (id === "ban_probability" ? `needs ${id}` : 0)),
        ...TABLE_OUTPUTS.map((id) => {
          const v = out[id];
          return isMissing(v) ? `needs ${v.missing}` : v;
        }),
      ]);
    }
    return rows;
  });
}

/** "P/E" (or empty) → pe, "P/S" → ps, case and spaces ignored; anything else is #VALUE!. */
export function multipleTypeOf(v: unknown): MultipleType | ExposureError {
  const cells = cellsOf("multiple_type", v);
  if (cells instanceof ExposureError) return cells;
  if (cells.length !== 1) return new ExposureError("#VALUE!", "multiple_type must be one cell");
  const x = cells[0];
  if (x === null || x === undefined || (typeof x === "string" && x.trim() === "")) return "pe";
  const text = typeof x === "string" ? x.trim().toUpperCase() : "";
  const found = (Object.entries(MULTIPLE_CHOICES) as [MultipleType, string][]).find(([, label]) => label === text);
  return found
    ? found[0]
    : new ExposureError("#VALUE!", `multiple_type must be "P/E" or "P/S", not ${JSON.stringify(x)}`);
}
