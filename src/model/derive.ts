/**
 * Derived figures, declared once as an operation over ids. `evaluateDerivation` turns a declaration
 * into a number with the model's own functions (for checks and custom functions);
 * `derivationFormula` renders the same declaration as a native Excel formula over the cells where
 * the operands landed (for the sheets). Two renderings of one declaration: a workbook recalculated
 * in a real spreadsheet proves they agree.
 */
import { ExposureError, Result, divByZero, finite, isExposureError } from "./errors";
import { writeDownRatio, impliedTotal, shareOf } from "./exposure";
import { growthRate, cagr, priorFromGrowth, projectValue } from "./growth";
import { drawdown } from "./market";
import { pricePerformance } from "./substitution";

/** An operand: the id of a fact or of another derived figure, or a literal constant. */
export type Operand = string | number;

interface OpSpec {
  /** operand names, in order; their count is the arity */
  readonly operands: readonly string[];
  readonly evaluate: (...xs: number[]) => Result;
  /** the formula body over rendered operands (cell addresses or literals), without "=" */
  readonly formula: (...r: string[]) => string;
}

const OPS = {
  ratio: {
    operands: ["numerator", "denominator"],
    evaluate: (a, b) => (b === 0 ? divByZero("denominator") : finite(a / b)),
    formula: (a, b) => `${a}/${b}`,
  },
  difference: {
    operands: ["minuend", "subtrahend"],
    evaluate: (a, b) => finite(a - b),
    formula: (a, b) => `${a}-${b}`,
  },
  /** a difference of two shares in percentage points: (0.34 − 0.15) × 100 = 19 */
  points: {
    operands: ["minuend", "subtrahend"],
    evaluate: (a, b) => finite((a - b) * 100),
    formula: (a, b) => `(${a}-${b})*100`,
  },
  sum: { operands: ["a", "b"], evaluate: (a, b) => finite(a + b), formula: (a, b) => `${a}+${b}` },
  product: { operands: ["a", "b"], evaluate: (a, b) => finite(a * b), formula: (a, b) => `${a}*${b}` },
  share: { operands: ["part", "whole"], evaluate: shareOf, formula: (a, b) => `${a}/${b}` },
  implied_total: { operands: ["part", "share"], evaluate: impliedTotal, formula: (a, b) => `${a}/${b}` },
  write_down_ratio: {
    operands: ["write_down", "reference_revenue"],
    evaluate: writeDownRatio,
    formula: (a, b) => `${a}/${b}`,
  },
  growth: { operands: ["start", "end"], evaluate: growthRate, formula: (a, b) => `${b}/${a}-1` },
  cagr: { operands: ["start", "end", "years"], evaluate: cagr, formula: (a, b, n) => `(${b}/${a})^(1/${n})-1` },
  prior_from_growth: {
    operands: ["current", "growth_rate"],
    evaluate: priorFromGrowth,
    formula: (a, g) => `${a}/(1+${g})`,
  },
  project_value: {
    operands: ["base", "growth_rate", "years"],
    evaluate: projectValue,
    formula: (a, g, n) => `${a}*(1+${g})^${n}`,
  },
  price_performance: {
    operands: ["relative_performance", "price_discount"],
    evaluate: pricePerformance,
    formula: (a, d) => `${a}/(1-${d})`,
  },
  drawdown: { operands: ["peak", "current"], evaluate: drawdown, formula: (p, c) => `(${p}-${c})/${p}` },
  /** the nearest whole number, halves away from zero as Excel's ROUND(x,0) (a head count implied by a rate) */
  nearest_whole: {
    operands: ["x"],
    evaluate: (x) => finite(Math.sign(x) * Math.round(Math.abs(x))),
    formula: (x) => `ROUND(${x},0)`,
  },
} satisfies Record<string, OpSpec>;

export type DerivationOp = keyof typeof OPS;
export const DERIVATION_OPS = Object.keys(OPS) as DerivationOp[];

const spec = (op: DerivationOp): OpSpec => OPS[op];

export interface Derivation {
  readonly op: DerivationOp;
  readonly args: readonly Operand[];
}

/** The operand names of an operation (its arity is their count). */
export function operandNames(op: DerivationOp): readonly string[] {
  return OPS[op].operands;
}

/** The ids a derivation reads (its literal constants left out). */
export function operandIds(d: Derivation): string[] {
  return d.args.filter((a): a is string => typeof a === "string");
}

function arityError(d: Derivation): ExposureError | undefined {
  const n = OPS[d.op].operands.length;
  return d.args.length === n
    ? undefined
    : new ExposureError("#VALUE!", `${d.op} takes ${n} operands, got ${d.args.length}`);
}

/**
 * Evaluates a derivation. `resolve` answers the value of an id, or undefined for an unknown id
 * (which answers #N/A); an operand that is itself an error is passed through.
 */
export function evaluateDerivation(d: Derivation, resolve: (id: string) => Result | undefined): Result {
  const bad = arityError(d);
  if (bad) return bad;
  const xs: number[] = [];
  for (const a of d.args) {
    const v = typeof a === "number" ? a : resolve(a);
    if (v === undefined) return new ExposureError("#N/A", `unknown id "${a}"`);
    if (isExposureError(v)) return v;
    xs.push(v);
  }
  return spec(d.op).evaluate(...xs);
}

/**
 * Renders a derivation as an Excel formula ("=C5/C6"). `address` answers the cell reference of an
 * id (e.g. "C5" or "'China revenue'!C5"); literal operands are written as numbers.
 */
export function derivationFormula(d: Derivation, address: (id: string) => string): string {
  const bad = arityError(d);
  if (bad) throw new Error(bad.message);
  const refs = d.args.map((a) => (typeof a === "number" ? (a < 0 ? `(${a})` : String(a)) : address(a)));
  return "=" + spec(d.op).formula(...refs);
}
