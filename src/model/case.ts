/**
 * A case: what a user assumes about one company's exposure to a market that can close, carried
 * from revenue at risk to earnings, earnings per share and market value, per scenario.
 *
 * Declared once, rendered twice: each output is an operation over drivers and earlier outputs with
 * its model arithmetic (`evaluate`) and its Excel formula (`formula`) side by side, as derive.ts does
 * for the baseline. The sheet renders every output as a native formula over the case's named cells;
 * the functions and tests evaluate the same declarations here. A driver left empty is not zero: an
 * output that needs it answers which driver to fill in, the same in both renderings.
 *
 * Money is one unit throughout a case (the case's currency, in billions); shares outstanding are in
 * billions, so earnings per share is in the currency per share; ratios are fractions.
 */
import {
  ExposureError,
  Result,
  finite,
  firstError,
  fraction,
  nonNegative,
  outOfDomain,
  positiveDenominator,
} from "./errors";

/** What a driver measures, which fixes its domain and its unit. */
export type DriverKind = "money" | "share" | "count" | "multiple" | "choice";

export interface DriverSpec {
  readonly id: string;
  readonly kind: DriverKind;
  /** a share or money that must stay above zero (a denominator) */
  readonly positive?: boolean;
  /** an optional share: empty means none (0); every other empty driver is unknown */
  readonly emptyMeans?: number;
  /** a scenario may override it */
  readonly perScenario?: boolean;
}

/** The drivers of a case, in the order the sheet lists them. Ids are stable: they name cells. */
export const DRIVERS = [
  { id: "exposed_revenue", kind: "money" },
  { id: "global_revenue", kind: "money", positive: true },
  { id: "orders_at_risk", kind: "money" },
  { id: "ban_probability", kind: "share", perScenario: true },
  { id: "substitution_share", kind: "share", emptyMeans: 0, perScenario: true },
  { id: "recapture_share", kind: "share", emptyMeans: 0, perScenario: true },
  { id: "gross_margin", kind: "share" },
  { id: "tax_rate", kind: "share" },
  { id: "shares_outstanding", kind: "count", positive: true },
  { id: "multiple_type", kind: "choice" },
  { id: "valuation_multiple", kind: "multiple" },
  { id: "inventory_write_down", kind: "money", emptyMeans: 0, perScenario: true },
  { id: "market_value", kind: "money", positive: true },
] as const satisfies readonly DriverSpec[];

export type DriverId = (typeof DRIVERS)[number]["id"];
export const DRIVER_IDS: readonly DriverId[] = DRIVERS.map((d) => d.id);
export const driverSpec = (id: DriverId): DriverSpec => DRIVERS.find((d) => d.id === id)!;

/** The drivers a scenario may override, in the order the scenario table lists them. */
export const SCENARIO_DRIVERS = DRIVERS.filter((d) => "perScenario" in d && d.perScenario).map(
  (d) => d.id,
) as readonly ScenarioDriverId[];
export type ScenarioDriverId = "ban_probability" | "substitution_share" | "recapture_share" | "inventory_write_down";

/** The valuation multiple applies to earnings (P/E, the default) or to revenue (P/S). */
export type MultipleType = "pe" | "ps";
/** How the sheet spells the two choices, in its validation list. */
export const MULTIPLE_CHOICES: Record<MultipleType, string> = { pe: "P/E", ps: "P/S" };

/** The case's numbers as typed: an absent driver is an empty cell. */
export type CaseDrivers = Partial<Record<Exclude<DriverId, "multiple_type">, number>> & {
  readonly multiple_type?: MultipleType;
};
export type ScenarioOverrides = Partial<Record<ScenarioDriverId, number>>;

/** Why a driver's value cannot be used, or undefined when it can (empty is not a problem here). */
export function driverProblem(id: DriverId, value: number): ExposureError | undefined {
  const spec = driverSpec(id);
  if (spec.kind === "choice") return undefined;
  if (!Number.isFinite(value)) return outOfDomain(`${id} must be a finite number`);
  if (value < 0) return outOfDomain(`${id} must not be negative (got ${value})`);
  if (spec.kind === "share" && value > 1) return outOfDomain(`${id} must be a fraction between 0 and 1 (got ${value})`);
  if (spec.positive && value === 0) return outOfDomain(`${id} must be above zero`);
  return undefined;
}

// ── outputs ──────────────────────────────────────────────────────────────────────────────────

export type OutputId =
  | "revenue_at_risk"
  | "gap_share"
  | "orders_lost"
  | "gross_profit_at_risk"
  | "net_income_at_risk"
  | "eps_at_risk"
  | "value_at_risk"
  | "value_at_risk_share"
  | "write_down";

/** A value the sheet uses in a scenario column: a driver (after the scenario's override) or an earlier output. */
type Operand = DriverId | OutputId;

/** The references a formula is rendered over: a driver's value as the scenario uses it, an earlier output's cell. */
export type Refs = (id: Operand) => string;

export interface OutputSpec {
  readonly id: OutputId;
  /** money, a fraction, or money per share */
  readonly unit: "money" | "share" | "per_share";
  /** the drivers it reads, checked in this order: the first empty one is the one to fill in */
  readonly drivers: readonly DriverId[];
  /** the earlier outputs it builds on: a missing driver upstream is reported as it is there */
  readonly uses: readonly OutputId[];
  readonly evaluate: (v: (id: Operand) => number, type: MultipleType) => number;
  /** the Excel expression (no "="), over `r` */
  readonly formula: (r: Refs) => string;
}

/** The share of exposed revenue lost: banned outright, or taken by substitutes if not banned. */
const lossShare = (v: (id: Operand) => number) =>
  v("ban_probability") + (1 - v("ban_probability")) * v("substitution_share");
const lossShareFormula = (r: Refs) =>
  `(${r("ban_probability")}+(1-${r("ban_probability")})*${r("substitution_share")})*(1-${r("recapture_share")})`;

export const OUTPUTS: readonly OutputSpec[] = [
  {
    // exposed × (p + (1 − p) × substitution) × (1 − recapture)
    id: "revenue_at_risk",
    unit: "money",
    drivers: ["exposed_revenue", "ban_probability", "substitution_share", "recapture_share"],
    uses: [],
    evaluate: (v) => v("exposed_revenue") * lossShare(v) * (1 - v("recapture_share")),
    formula: (r) => `${r("exposed_revenue")}*${lossShareFormula(r)}`,
  },
  {
    // revenue at risk ÷ global revenue: the gap to fill
    id: "gap_share",
    unit: "share",
    drivers: ["global_revenue"],
    uses: ["revenue_at_risk"],
    evaluate: (v) => v("revenue_at_risk") / v("global_revenue"),
    formula: (r) => `${r("revenue_at_risk")}/${r("global_revenue")}`,
  },
  {
    // the orders at delivery risk, lost in the same proportion
    id: "orders_lost",
    unit: "money",
    drivers: ["orders_at_risk", "ban_probability", "substitution_share", "recapture_share"],
    uses: [],
    evaluate: (v) => v("orders_at_risk") * lossShare(v) * (1 - v("recapture_share")),
    formula: (r) => `${r("orders_at_risk")}*${lossShareFormula(r)}`,
  },
  {
    // revenue at risk × gross margin: operating costs other than the cost of sales are taken as fixed
    id: "gross_profit_at_risk",
    unit: "money",
    drivers: ["gross_margin"],
    uses: ["revenue_at_risk"],
    evaluate: (v) => v("revenue_at_risk") * v("gross_margin"),
    formula: (r) => `${r("revenue_at_risk")}*${r("gross_margin")}`,
  },
  {
    // gross profit at risk × (1 − tax rate)
    id: "net_income_at_risk",
    unit: "money",
    drivers: ["tax_rate"],
    uses: ["gross_profit_at_risk"],
    evaluate: (v) => v("gross_profit_at_risk") * (1 - v("tax_rate")),
    formula: (r) => `${r("gross_profit_at_risk")}*(1-${r("tax_rate")})`,
  },
  {
    // net income at risk ÷ shares outstanding (money in bn ÷ shares in bn = money per share)
    id: "eps_at_risk",
    unit: "per_share",
    drivers: ["shares_outstanding"],
    uses: ["net_income_at_risk"],
    evaluate: (v) => v("net_income_at_risk") / v("shares_outstanding"),
    formula: (r) => `${r("net_income_at_risk")}/${r("shares_outstanding")}`,
  },
  {
    // at a constant multiple: P/E × net income at risk, or P/S × revenue at risk
    id: "value_at_risk",
    unit: "money",
    drivers: ["valuation_multiple"],
    uses: ["net_income_at_risk"],
    evaluate: (v, type) => v("valuation_multiple") * (type === "ps" ? v("revenue_at_risk") : v("net_income_at_risk")),
    formula: (r) =>
      `${r("valuation_multiple")}*IF(${r("multiple_type")}="${MULTIPLE_CHOICES.ps}",${r("revenue_at_risk")},${r("net_income_at_risk")})`,
  },
  {
    // value at risk ÷ market value
    id: "value_at_risk_share",
    unit: "share",
    drivers: ["market_value"],
    uses: ["value_at_risk"],
    evaluate: (v) => v("value_at_risk") / v("market_value"),
    formula: (r) => `${r("value_at_risk")}/${r("market_value")}`,
  },
  {
    // the one-off inventory write-down of the scenario (not recurring earnings)
    id: "write_down",
    unit: "money",
    drivers: ["inventory_write_down"],
    uses: [],
    evaluate: (v) => v("inventory_write_down"),
    formula: (r) => r("inventory_write_down"),
  },
];

export const OUTPUT_IDS: readonly OutputId[] = OUTPUTS.map((o) => o.id);

/** The earlier outputs an output needs: P/S needs revenue, not earnings (only the output the multiple applies to). */
export const outputUses = (spec: OutputSpec, type: MultipleType): readonly OutputId[] =>
  spec.id === "value_at_risk" && type === "ps" ? ["revenue_at_risk"] : spec.uses;
export const outputSpec = (id: OutputId): OutputSpec => OUTPUTS.find((o) => o.id === id)!;

/** An output that cannot be computed yet: the first driver to fill in. */
export interface Missing {
  readonly missing: DriverId;
}
export const isMissing = (x: unknown): x is Missing => typeof x === "object" && x !== null && "missing" in x;

export type OutputValue = number | Missing | ExposureError;

/**
 * The value a scenario uses for each driver: its override where it has one, else the case's; an
 * optional share left empty counts as none (0); any other empty driver stays undefined.
 */
export function usedDrivers(
  drivers: CaseDrivers,
  overrides: ScenarioOverrides = {},
): Record<DriverId, number | undefined> {
  const out = {} as Record<DriverId, number | undefined>;
  for (const d of DRIVERS) {
    if (d.id === "multiple_type") continue;
    const own = d.id in overrides ? overrides[d.id as ScenarioDriverId] : undefined;
    const value = own ?? drivers[d.id];
    out[d.id] = value ?? ("emptyMeans" in d ? d.emptyMeans : undefined);
  }
  return out;
}

/** Every output of one scenario: a number, the driver to fill in, or the error a bad value causes. */
export function evaluateScenario(
  drivers: CaseDrivers,
  overrides: ScenarioOverrides = {},
): Record<OutputId, OutputValue> {
  const used = usedDrivers(drivers, overrides);
  const type: MultipleType = drivers.multiple_type ?? "pe";
  const out = {} as Record<OutputId, OutputValue>;
  for (const spec of OUTPUTS) {
    let result: OutputValue | undefined;
    for (const id of spec.drivers) {
      const v = used[id];
      if (v === undefined) {
        result = { missing: id };
        break;
      }
      const bad = driverProblem(id, v);
      if (bad) {
        result = bad;
        break;
      }
    }
    for (const u of outputUses(spec, type)) {
      if (result !== undefined) break;
      if (typeof out[u] !== "number") result = out[u];
    }
    if (result === undefined) {
      const v = (id: Operand): number =>
        (OUTPUT_IDS as readonly string[]).includes(id) ? (out[id as OutputId] as number) : used[id as DriverId]!;
      const x = spec.evaluate(v, type);
      result = Number.isFinite(x) ? x : outOfDomain(`${spec.id} is too large to represent`);
    }
    out[spec.id] = result;
  }
  return out;
}

/**
 * An output as the Excel formula of a scenario column: the driver checks first (the first one that
 * is not a number answers `fillIn(driver)`), then the earlier outputs it uses (one that is not a
 * number passes its text on), then the arithmetic. `r` gives each operand's cell as the column
 * sees it; `fillIn` the quoted text that asks for a driver ("\"Fill in gross margin\"").
 */
export function outputFormula(spec: OutputSpec, r: Refs, fillIn: (driver: DriverId) => string): string {
  let body = spec.formula(r);
  const uses =
    spec.id === "value_at_risk"
      ? // P/E needs earnings, P/S revenue: pass on the message of the one the multiple type picks
        [`IF(${r("multiple_type")}="${MULTIPLE_CHOICES.ps}",${r("revenue_at_risk")},${r("net_income_at_risk")})`]
      : spec.uses.map((u) => r(u));
  for (const u of [...uses].reverse()) body = `IF(ISNUMBER(${u}),${body},${u})`;
  for (const d of [...spec.drivers].reverse()) body = `IF(ISNUMBER(${r(d)}),${body},${fillIn(d)})`;
  return `=${body}`;
}

/**
 * The probability-weighted expectation of one output over the scenarios: answers a number when the
 * scenario probabilities sum to 1 and every scenario's output is a number; else why not.
 */
export function expectation(
  probabilities: readonly (number | undefined)[],
  values: readonly OutputValue[],
): number | { readonly reason: "probabilities_missing" | "probabilities_not_one" } | OutputValue {
  if (probabilities.some((p) => p === undefined)) return { reason: "probabilities_missing" };
  const ps = probabilities as number[];
  if (Math.abs(ps.reduce((s, p) => s + p, 0) - 1) > PROBABILITY_TOLERANCE) return { reason: "probabilities_not_one" };
  const firstBad = values.find((v) => typeof v !== "number");
  if (firstBad !== undefined) return firstBad;
  return (values as number[]).reduce((s, v, i) => s + v * ps[i], 0);
}

/** How far from 1 the scenario probabilities may sum (float noise, not rounding). */
export const PROBABILITY_TOLERANCE = 1e-9;

/**
 * The value a scenario column uses for a driver it may override, as a formula: the override where it
 * is a number, else the case's value, else (an optional share) 0 or (any other) "" — which the
 * outputs that need it read as "fill in".
 */
export function usedFormula(id: ScenarioDriverId, override: string, caseValue: string): string {
  const spec = driverSpec(id);
  const empty = spec.emptyMeans !== undefined ? String(spec.emptyMeans) : '""';
  return `=IF(ISNUMBER(${override}),${override},IF(ISNUMBER(${caseValue}),${caseValue},${empty}))`;
}

/**
 * The probability-weighted expectation of one output row as a formula, mirroring `expectation`:
 * `missing` and `notOne` are the quoted texts for probabilities left empty or not summing to 1; an
 * output that is not a number passes its text on (the first such, left to right).
 */
export function expectationFormula(
  probabilities: readonly string[],
  values: readonly string[],
  missing: string,
  notOne: string,
): string {
  const p = `${probabilities[0]}:${probabilities[probabilities.length - 1]}`;
  const v = `${values[0]}:${values[values.length - 1]}`;
  let body = `SUMPRODUCT(${p},${v})`;
  for (const cell of [...values].reverse()) body = `IF(ISNUMBER(${cell}),${body},${cell})`;
  return (
    `=IF(COUNT(${p})<${probabilities.length},${missing},` +
    `IF(ABS(SUM(${p})-1)>${String(PROBABILITY_TOLERANCE).toUpperCase()},${notOne},${body}))`
  );
}

// ── the same declarations, for the custom functions ─────────────────────────────────────────
//
// The custom functions run once per cell of a range, so they do the declarations' arithmetic
// directly, in the declarations' order (the same floating-point operations, so the same bits):
// walking the declarations per cell cost 50–200× a plain loop. tests/model/case.test.ts holds them
// to the declarations' evaluate() exactly, over a grid of values.

/** gross_profit_at_risk, then net_income_at_risk, as OUTPUTS declares them */
const netIncome = (revenueAtRisk: number, grossMargin: number, taxRate: number): number =>
  revenueAtRisk * grossMargin * (1 - taxRate);

/**
 * Net income at risk from revenue at risk: revenue_at_risk × gross_margin × (1 − tax_rate), the
 * case's declarations of gross profit and net income at risk (other costs taken as fixed).
 *
 * @example NVIDIA's 17.1 bn of China revenue lost at a 75% gross margin and a 15% tax rate (both
 * assumptions, not the article's): 17.1 × 0.75 × 0.85 = 10.90125.
 * @returns #NUM! for negative revenue, or a margin or tax rate outside 0–1.
 */
export function earningsAtRisk(revenueAtRisk: number, grossMargin: number, taxRate: number): Result {
  const err = firstError(
    nonNegative("revenue_at_risk", revenueAtRisk),
    fraction("gross_margin", grossMargin),
    fraction("tax_rate", taxRate),
  );
  if (err) return err;
  return finite(netIncome(revenueAtRisk, grossMargin, taxRate));
}

/**
 * Earnings per share at risk: net income at risk ÷ shares outstanding (money and shares both in
 * billions give money per share).
 *
 * @example 17.1 × 0.75 × 0.85 ÷ 24.4 = 0.4468 a share (assumptions as for earningsAtRisk, 24.4 bn shares).
 * @returns #DIV/0! for zero shares; #NUM! as earningsAtRisk, or negative shares.
 */
export function epsAtRisk(revenueAtRisk: number, grossMargin: number, taxRate: number, shares: number): Result {
  const err = firstError(
    nonNegative("revenue_at_risk", revenueAtRisk),
    fraction("gross_margin", grossMargin),
    fraction("tax_rate", taxRate),
    positiveDenominator("shares_outstanding", shares),
  );
  if (err) return err;
  return finite(netIncome(revenueAtRisk, grossMargin, taxRate) / shares);
}

/**
 * Market value at risk at a constant multiple: multiple × the amount it applies to (P/E × net income
 * at risk, or P/S × revenue at risk).
 *
 * @example a P/E of 40 on 10.90125 bn of net income at risk: 436.05 bn.
 * @returns #NUM! for a negative amount or multiple.
 */
export function marketValueAtRisk(amountAtRisk: number, multiple: number): Result {
  const err = firstError(nonNegative("amount_at_risk", amountAtRisk), nonNegative("multiple", multiple));
  if (err) return err;
  return finite(multiple * amountAtRisk);
}
