/**
 * Consistency checks: a stated figure of the article recomputed from its other figures. Each check
 * is declared (which fact, which derived figure, how) and its status is computed from the numbers:
 *
 * - consistent: the derived value equals the stated one (within 1e-9 relative);
 * - rounded: it differs by no more than the tolerance, half a unit of the stated figure's last digit
 *   (±0.005 for a percent stated to the whole percent, 0.32);
 * - inconsistent: it differs by more;
 * - not_reproducible: for a check declared as an attempted reproduction, when no attempt comes
 *   within the tolerance — the article's figure follows from none of its other figures.
 */
import { isExposureError } from "../model";
import { formatValue, points } from "./format";
import { derivedById, factById, valueOf } from "./lookup";
import type { CheckMethod, CheckStatus, ConsistencyCheck, Unit } from "./types";

/** Relative difference under which two values count as equal (float noise, not rounding). */
export const EXACT_RELATIVE = 1e-9;

/** Half a unit of the last stated digit: 2 decimals (0.32) → 0.005. */
export function halfUnit(statedDecimals: number): number {
  return 0.5 * Math.pow(10, -statedDecimals);
}

/** The status of a derived value against a stated one, by the rule at the top of this file. */
export function checkStatus(
  stated: number,
  derived: number,
  tolerance: number,
): Exclude<CheckStatus, "not_reproducible"> {
  const diff = Math.abs(derived - stated);
  const scale = Math.max(Math.abs(stated), Math.abs(derived));
  if (diff <= EXACT_RELATIVE * scale) return "consistent";
  // a hair of slack so that a difference of exactly the tolerance is not lost to float error
  if (diff <= tolerance + EXACT_RELATIVE * Math.max(1, scale)) return "rounded";
  return "inconsistent";
}

/** One attempt to reproduce a stated figure. */
export interface CheckAttempt {
  readonly id: string;
  readonly value: number;
  /** value − stated */
  readonly difference: number;
}

/** A check, evaluated. */
export interface CheckEvaluation {
  readonly id: string;
  readonly method: CheckMethod;
  /** the stated figure's value */
  readonly stated: number;
  /** the recomputed value (for an attempted reproduction: the closest attempt if one matches, else the natural reading) */
  readonly derived: number;
  /** derived − stated */
  readonly difference: number;
  readonly status: CheckStatus;
  readonly tolerance: number;
  readonly explanation: string;
  readonly explanation_zh: string;
  /** every attempt, closest first (attempted reproductions only) */
  readonly attempts?: readonly CheckAttempt[];
  /** what the stated figure implies if it were true (attempted reproductions only) */
  readonly implied?: { readonly id: string; readonly value: number };
}

/** Values the explanations may print. */
interface Printer {
  /** the value of a fact or derived id */
  v(id: string): number;
  /** the value of an id formatted in its unit */
  f(id: string): string;
}

interface ExplainArgs extends Printer {
  readonly stated: number;
  readonly derived: number;
  readonly difference: number;
  readonly tolerance: number;
}

interface CheckDeclaration {
  readonly id: string;
  readonly stated: string;
  readonly derived: string;
  readonly method: CheckMethod;
  readonly attempts?: readonly string[];
  readonly implied?: string;
  readonly explain: (a: ExplainArgs) => string;
  readonly explain_zh: (a: ExplainArgs) => string;
}

const DECLARATIONS: readonly CheckDeclaration[] = [
  {
    id: "write_down_share_check",
    stated: "write_down_share_of_china_revenue_stated",
    derived: "write_down_share_of_china_revenue",
    method: "recompute",
    explain: (a) =>
      `${a.f("h20_inventory_write_down")} ÷ ${a.f("china_revenue_2024")} = ${a.f("write_down_share_of_china_revenue")}: ` +
      `the stated ${a.f("write_down_share_of_china_revenue_stated")} is this rounded to a whole percent ` +
      `(${points(Math.abs(a.difference))} points off, tolerance ±${points(a.tolerance)}).`,
    explain_zh: (a) =>
      `${a.f("h20_inventory_write_down")} ÷ ${a.f("china_revenue_2024")} = ${a.f("write_down_share_of_china_revenue")}：` +
      `文中的${a.f("write_down_share_of_china_revenue_stated")}是其取整结果` +
      `（相差${points(Math.abs(a.difference))}个百分点，容差±${points(a.tolerance)}个百分点）。`,
  },
  {
    id: "mindspore_growth_check",
    stated: "mindspore_developer_growth_stated",
    derived: "mindspore_developer_cagr_2023_2025",
    method: "recompute",
    explain: (a) =>
      `${a.f("mindspore_developers_2023")} (2023) → ${a.f("mindspore_developers_2025")} (2025) is ` +
      `${a.f("mindspore_developer_cagr_2023_2025")} a year compounded over 2 years, not the stated ` +
      `${a.f("mindspore_developer_growth_stated")} (${points(Math.abs(a.difference))} points apart, tolerance ±${points(a.tolerance)}); ` +
      `at 75% a year, 2023's developers would have become ${a.f("mindspore_developers_2025_at_stated_growth")} by 2025.`,
    explain_zh: (a) =>
      `${a.f("mindspore_developers_2023")}（2023年）→ ${a.f("mindspore_developers_2025")}（2025年）的两年复合年增速为` +
      `${a.f("mindspore_developer_cagr_2023_2025")}，并非文中的${a.f("mindspore_developer_growth_stated")}` +
      `（相差${points(Math.abs(a.difference))}个百分点，容差±${points(a.tolerance)}个百分点）；` +
      `若年增75%，2025年应为${a.f("mindspore_developers_2025_at_stated_growth")}。`,
  },
  {
    id: "china_gap_check",
    stated: "china_gap_share_of_quarterly_revenue",
    derived: "china_share_of_quarterly_revenue",
    method: "attempted_reproduction",
    attempts: [
      "china_share_of_quarterly_revenue",
      "h20_orders_share_of_quarterly_revenue",
      "write_down_share_of_quarterly_revenue",
      "h20_prior_orders_share_of_quarterly_revenue",
      "h20_orders_share_of_global_revenue",
    ],
    implied: "china_gap_implied_by_stated_share",
    explain: (a) =>
      `No combination of the article's figures gives ${a.f("china_gap_share_of_quarterly_revenue")}: ` +
      `China is ${a.f("china_share_of_quarterly_revenue")} of any quarter, ` +
      `Q1 2025 H20 orders are ${a.f("h20_orders_share_of_quarterly_revenue")} of an implied quarter ` +
      `(${a.f("implied_global_revenue_2024")} ÷ 4 = ${a.f("implied_quarterly_revenue_2024")}), ` +
      `the write-down ${a.f("write_down_share_of_quarterly_revenue")}; ` +
      `${a.f("china_gap_share_of_quarterly_revenue")} of that quarter would be a ${a.f("china_gap_implied_by_stated_share")} gap a quarter.`,
    explain_zh: (a) =>
      `文中各数字的任何组合都得不出${a.f("china_gap_share_of_quarterly_revenue")}：` +
      `中国区占每季度营收${a.f("china_share_of_quarterly_revenue")}，` +
      `2025年Q1 H20订单占隐含季度营收（${a.f("implied_global_revenue_2024")} ÷ 4 = ${a.f("implied_quarterly_revenue_2024")}）的` +
      `${a.f("h20_orders_share_of_quarterly_revenue")}，减值占${a.f("write_down_share_of_quarterly_revenue")}；` +
      `该季度营收的${a.f("china_gap_share_of_quarterly_revenue")}相当于每季度${a.f("china_gap_implied_by_stated_share")}的缺口。`,
  },
];

const DECLARATION_BY_ID = new Map(DECLARATIONS.map((d) => [d.id, d]));

function unitOf(id: string): Unit {
  const u = factById(id)?.unit ?? derivedById(id)?.unit;
  if (!u) throw new Error(`unknown fact or derived id "${id}"`);
  return u;
}

function numberOf(id: string): number {
  const v = valueOf(id);
  if (v === undefined) throw new Error(`unknown fact or derived id "${id}"`);
  if (isExposureError(v)) throw new Error(`"${id}" does not evaluate: ${v.toString()}`);
  return v;
}

function printer(lang: "en" | "zh"): Printer {
  // a stated figure prints as the article writes it; a computed one with its trailing zeros
  return { v: numberOf, f: (id) => formatValue(numberOf(id), unitOf(id), lang, !factById(id)) };
}

/** The tolerance of a check on a stated fact: half a unit of its last stated digit. */
function toleranceOf(statedId: string): number {
  const f = factById(statedId);
  if (!f) throw new Error(`check states "${statedId}", which is not a fact`);
  return halfUnit(f.statedDecimals);
}

interface Core {
  stated: number;
  derived: number;
  status: CheckStatus;
  attempts?: CheckAttempt[];
  implied?: { id: string; value: number };
}

function core(c: {
  stated: string;
  derived: string;
  tolerance: number;
  method?: CheckMethod;
  attempts?: readonly string[];
  implied?: string;
}): Core {
  const stated = numberOf(c.stated);
  if ((c.method ?? "recompute") === "recompute") {
    const derived = numberOf(c.derived);
    return { stated, derived, status: checkStatus(stated, derived, c.tolerance) };
  }
  const ids = c.attempts && c.attempts.length > 0 ? c.attempts : [c.derived];
  const attempts = ids
    .map((id) => ({ id, value: numberOf(id), difference: numberOf(id) - stated }))
    .sort((x, y) => Math.abs(x.difference) - Math.abs(y.difference));
  const implied = c.implied ? { id: c.implied, value: numberOf(c.implied) } : undefined;
  const best = attempts[0];
  const bestStatus = checkStatus(stated, best.value, c.tolerance);
  // an attempt that does reproduce the figure overrules the declaration
  if (bestStatus !== "inconsistent") return { stated, derived: best.value, status: bestStatus, attempts, implied };
  return { stated, derived: numberOf(c.derived), status: "not_reproducible", attempts, implied };
}

/** Evaluates a check: its values, difference, computed status and explanation in both languages. */
export function evaluateCheck(check: ConsistencyCheck): CheckEvaluation {
  const method = check.method ?? "recompute";
  const r = core({ ...check, method });
  const difference = r.derived - r.stated;
  const decl = DECLARATION_BY_ID.get(check.id);
  const args = (lang: "en" | "zh"): ExplainArgs => ({
    ...printer(lang),
    stated: r.stated,
    derived: r.derived,
    difference,
    tolerance: check.tolerance,
  });
  return {
    id: check.id,
    method,
    stated: r.stated,
    derived: r.derived,
    difference,
    status: r.status,
    tolerance: check.tolerance,
    explanation: decl ? decl.explain(args("en")) : check.explanation,
    explanation_zh: decl ? decl.explain_zh(args("zh")) : check.explanation_zh,
    ...(r.attempts ? { attempts: r.attempts } : {}),
    ...(r.implied ? { implied: r.implied } : {}),
  };
}

/** The checks, with status and explanations computed from the figures when this module loads. */
export const CHECKS: readonly ConsistencyCheck[] = DECLARATIONS.map((d) => {
  const tolerance = toleranceOf(d.stated);
  const base = {
    id: d.id,
    stated: d.stated,
    derived: d.derived,
    method: d.method,
    ...(d.attempts ? { attempts: d.attempts } : {}),
    ...(d.implied ? { implied: d.implied } : {}),
    tolerance,
  };
  const e = evaluateCheck({ ...base, status: "inconsistent", explanation: "", explanation_zh: "" });
  return { ...base, status: e.status, explanation: e.explanation, explanation_zh: e.explanation_zh };
});

const CHECK_BY_ID = new Map(CHECKS.map((c) => [c.id, c]));

export function checkById(id: string): ConsistencyCheck | undefined {
  return CHECK_BY_ID.get(id);
}

/** Every fact or derived id a check reads: stated, derived, attempts and implied. */
export function idsOfCheck(c: ConsistencyCheck): string[] {
  return [c.stated, c.derived, ...(c.attempts ?? []), ...(c.implied ? [c.implied] : [])];
}
