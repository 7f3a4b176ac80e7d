/**
 * Consistency checks: the article's figures tested against each other where they meet. Each check
 * is declared once below (what it compares, by which method, how it explains itself) and evaluated
 * once, when this module loads, into CHECKS; EXPOSURE.CHECKS, the plan and both adapters read those
 * results. The status is computed from the numbers, never typed in:
 *
 * - consistent: the two figures are equal (within 1e-9 relative), or the parts fit within the whole;
 * - rounded: they differ by no more than the tolerance, half a unit of the stated figure's last
 *   digit (±0.005 for a percent stated to the whole percent, 0.32);
 * - inconsistent: they differ by more, or the parts exceed the whole;
 * - not reproducible: no reading tried comes within the tolerance of the stated figure;
 * - different bases: the figures measure different things (orders and revenue, two markets), which
 *   the method declares and the explanation shows with the arithmetic.
 *
 * A sheet shows the same status as a live formula over the cells of the two figures
 * (`checkStatusCell`), so it follows an analyst's overwritten inputs.
 */
import { isExposureError } from "../model";
import { formatFormula, formatValue, points, pointsFormula, roundTo } from "./format";
import { LANGS, fill, inLang, type Lang } from "./lang";
import { derivedById, factById, valueOf } from "./lookup";
import { Quoting, type QuotedText } from "./quoted";
import type {
  Amount,
  AmountExpression,
  CheckAttempt,
  CheckDeclaration,
  CheckPrinter,
  CheckStatus,
  ConsistencyCheck,
  DerivedFigure,
  Fact,
  Unit,
} from "./types";
import { PERIODS, STATUSES } from "./vocabulary";

/** Relative difference under which two values count as equal (float noise, not rounding). */
export const EXACT_RELATIVE = 1e-9;

/** Half a unit of the last stated digit: 2 decimals (0.32) → 0.005; −1 (250 to the ten) → 5. */
export function halfUnit(statedDecimals: number): number {
  return 0.5 * Math.pow(10, -statedDecimals);
}

/** The status of a derived value against a stated one, by the rule at the top of this file. */
export function checkStatus(
  stated: number,
  derived: number,
  tolerance: number,
): Extract<CheckStatus, "consistent" | "rounded" | "inconsistent"> {
  const diff = Math.abs(derived - stated);
  const scale = Math.max(Math.abs(stated), Math.abs(derived));
  if (diff <= EXACT_RELATIVE * scale) return "consistent";
  // a hair of slack so that a difference of exactly the tolerance is not lost to float error
  if (diff <= tolerance + EXACT_RELATIVE * Math.max(1, scale)) return "rounded";
  return "inconsistent";
}

/** Whether parts summing to `parts` fit within `whole` (with the tolerance and a hair of slack). */
export function withinStatus(whole: number, parts: number, tolerance: number): "consistent" | "inconsistent" {
  return parts <= whole + tolerance + EXACT_RELATIVE * Math.max(1, Math.abs(whole)) ? "consistent" : "inconsistent";
}

/** The readings of the article's "20% of global quarterly revenue" gap, in the order tried. */
const GAP_READINGS = [
  "china_share_of_quarterly_revenue",
  "h20_orders_share_of_quarterly_revenue",
  "h20_prior_orders_share_of_quarterly_revenue",
  "h20_orders_share_of_global_revenue",
] as const;

/** How a list of readings is punctuated in each language. */
const READING = {
  en: { item: "{label} ({value})", separator: "; " },
  zh: { item: "{label}（{value}）", separator: "；" },
};

/** The readings, each as "label (value)". */
const readings = (p: CheckPrinter, lang: Lang) =>
  GAP_READINGS.map((id) => fill(READING[lang].item, { label: p.label(id), value: p.f(id) })).join(
    READING[lang].separator,
  );

const DECLARATIONS: readonly CheckDeclaration[] = [
  {
    id: "write_down_share_check",
    method: "recompute",
    stated: "write_down_share_of_china_revenue_stated",
    derived: "write_down_share_of_china_revenue",
    explain: {
      en: ({ f, pts, abs, difference, check: c }) =>
        `${f("h20_inventory_write_down")} ÷ ${f("china_revenue_2024")} = ${f("write_down_share_of_china_revenue")}: ` +
        `the stated ${f("write_down_share_of_china_revenue_stated")} is this rounded to a whole percent ` +
        `(${pts(abs(difference))} points off, tolerance ±${points(c.tolerance)}).`,
      zh: ({ f, pts, abs, difference, check: c }) =>
        `${f("h20_inventory_write_down")} ÷ ${f("china_revenue_2024")} = ${f("write_down_share_of_china_revenue")}：` +
        `文中的${f("write_down_share_of_china_revenue_stated")}是其取整结果` +
        `（相差${pts(abs(difference))}个百分点，容差±${points(c.tolerance)}个百分点）。`,
    },
  },
  {
    id: "mindspore_growth_check",
    method: "recompute",
    stated: "mindspore_developer_growth_stated",
    derived: "mindspore_developer_cagr_2023_2025",
    explain: {
      en: ({ f, p, pts, abs, difference, check: c }) =>
        `${f("mindspore_developers_2023")} (${p("mindspore_developers_2023")}) → ${f("mindspore_developers_2025")} ` +
        `(${p("mindspore_developers_2025")}) is ${f("mindspore_developer_cagr_2023_2025")} a year compounded, not the stated ` +
        `${f("mindspore_developer_growth_stated")} (${pts(abs(difference))} points apart, tolerance ±${points(c.tolerance)}); ` +
        `at ${f("mindspore_developer_growth_stated")} a year, ${p("mindspore_developers_2023")}'s developers would have become ` +
        `${f("mindspore_developers_2025_at_stated_growth")} by ${p("mindspore_developers_2025")}.`,
      zh: ({ f, p, pts, abs, difference, check: c }) =>
        `${f("mindspore_developers_2023")}（${p("mindspore_developers_2023")}）→ ${f("mindspore_developers_2025")}` +
        `（${p("mindspore_developers_2025")}）的年均复合增速为${f("mindspore_developer_cagr_2023_2025")}，` +
        `并非文中的${f("mindspore_developer_growth_stated")}` +
        `（相差${pts(abs(difference))}个百分点，容差±${points(c.tolerance)}个百分点）；` +
        `若年增${f("mindspore_developer_growth_stated")}，${p("mindspore_developers_2025")}应为` +
        `${f("mindspore_developers_2025_at_stated_growth")}。`,
    },
  },
  {
    id: "china_gap_check",
    method: "attempted_reproduction",
    stated: "china_gap_share_of_quarterly_revenue",
    derived: "china_share_of_quarterly_revenue",
    attempts: GAP_READINGS,
    implied: "china_gap_implied_by_stated_share",
    explain: {
      en: (p) => {
        const { f } = p;
        return (
          `None of the readings tried gives the stated ${p.f("china_gap_share_of_quarterly_revenue")}: ` +
          `${readings(p, "en")}. ` +
          `The write-down, ${f("write_down_share_of_quarterly_revenue")} of a quarter, is no reading: it is an inventory ` +
          `charge, not lost revenue. ${f("china_gap_share_of_quarterly_revenue")} of an implied quarter ` +
          `(${f("implied_global_revenue_2024")} ÷ 4 = ${f("implied_quarterly_revenue_2024")}) would be a ` +
          `${f("china_gap_implied_by_stated_share")} gap a quarter.`
        );
      },
      zh: (p) => {
        const { f } = p;
        return (
          `所试各种解读均得不出文中的${p.f("china_gap_share_of_quarterly_revenue")}：` +
          `${readings(p, "zh")}。` +
          `减值占一个季度营收的${f("write_down_share_of_quarterly_revenue")}，但它是库存减值费用而非营收损失，不能作为缺口的解读。` +
          `隐含季度营收为${f("implied_global_revenue_2024")} ÷ 4 = ${f("implied_quarterly_revenue_2024")}，` +
          `其${f("china_gap_share_of_quarterly_revenue")}相当于每季度${f("china_gap_implied_by_stated_share")}的缺口。`
        );
      },
    },
  },
  {
    id: "h20_orders_vs_revenue_check",
    method: "different_bases",
    stated: "china_quarterly_revenue_2024",
    derived: "h20_orders_prior_year_q1",
    explain: {
      en: ({ f, n, abs, difference }) =>
        `Q1 2025 H20 orders of ${f("h20_china_orders_2025q1")} are ${f("h20_orders_vs_china_revenue_2024")} of all 2024 ` +
        `China revenue (${f("china_revenue_2024")}); the orders a year earlier implied by their growth ` +
        `(${f("h20_china_orders_2025q1")} ÷ (1 + ${f("h20_orders_growth_2025q1")}) = ${f("h20_orders_prior_year_q1", 3)}) ` +
        `come within ${n(abs(difference), "USD bn", 3)} of an average 2024 China quarter ` +
        `(${f("china_revenue_2024")} ÷ 4 = ${f("china_quarterly_revenue_2024", 3)}). Orders are booked ahead of delivery and ` +
        `are not revenue: the figures are on different bases, and the near-match neither confirms nor contradicts them.`,
      zh: ({ f, n, abs, difference }) =>
        `2025年第一季度H20订单${f("h20_china_orders_2025q1")}相当于2024年全年中国区营收（${f("china_revenue_2024")}）的` +
        `${f("h20_orders_vs_china_revenue_2024")}；按其增速倒推的上年同期订单` +
        `（${f("h20_china_orders_2025q1")} ÷ (1 + ${f("h20_orders_growth_2025q1")}) = ${f("h20_orders_prior_year_q1", 3)}）` +
        `与2024年中国区季度平均营收（${f("china_revenue_2024")} ÷ 4 = ${f("china_quarterly_revenue_2024", 3)}）` +
        `仅差${n(abs(difference), "USD bn", 3)}。订单先于交付而计，并非营收：二者口径不同，数字接近既不能证实也不能否定文中数字。`,
    },
  },
  {
    id: "inference_share_check",
    method: "different_bases",
    stated: 1,
    derived: "h20_plus_domestic_share",
    explain: {
      en: ({ f, n, p }) =>
        `H20's share of China's large-model inference market (over ${f("h20_china_llm_inference_share")}, ` +
        `${p("h20_china_llm_inference_share")}) plus domestic chips' share of China's AI-chip market ` +
        `(${f("domestic_ai_chip_share_2024")}, ${p("domestic_ai_chip_share_2024")}) is ${f("h20_plus_domestic_share")}, ` +
        `more than ${n(1, "%", 0)} if both were shares of one market. They are shares of different markets ` +
        `(large-model inference against all AI chips) in different years, so neither contradicts the other.`,
      zh: ({ f, n, p }) =>
        `H20在中国大模型推理市场的份额（${f("h20_china_llm_inference_share")}以上，${p("h20_china_llm_inference_share")}）` +
        `与国产芯片在中国AI芯片市场的份额（${f("domestic_ai_chip_share_2024")}，${p("domestic_ai_chip_share_2024")}）` +
        `之和为${f("h20_plus_domestic_share")}，若同属一个市场则超过${n(1, "%", 0)}。二者分属不同市场` +
        `（大模型推理市场与整个AI芯片市场）和不同年份，并不互相矛盾。`,
    },
  },
  {
    id: "equipment_within_total_check",
    method: "within",
    stated: "china_equipment_purchases_2024",
    derived: "equipment_us_plus_domestic_2024",
    explain: {
      en: ({ f, n, p, minus }) =>
        `US exports to China (${f("us_equipment_exports_china_2024")}) plus domestic equipment bought ` +
        `(${f("china_equipment_purchases_2024")} × ${f("china_equipment_localisation_2024")} = ` +
        `${f("domestic_equipment_purchases_2024")}) come to ${f("equipment_us_plus_domestic_2024")}, within China's total ` +
        `purchases of ${f("china_equipment_purchases_2024")}; the other ` +
        `${n(minus("china_equipment_purchases_2024", "equipment_us_plus_domestic_2024"), "USD bn")} is equipment from ` +
        `elsewhere. All three read the article's 'same span' as ${p("us_equipment_exports_china_2024")}.`,
      zh: ({ f, n, p, minus }) =>
        `美国对华出口额（${f("us_equipment_exports_china_2024")}）与国产设备采购额` +
        `（${f("china_equipment_purchases_2024")} × ${f("china_equipment_localisation_2024")} = ` +
        `${f("domestic_equipment_purchases_2024")}）合计${f("equipment_us_plus_domestic_2024")}，未超过中国设备采购总额` +
        `${f("china_equipment_purchases_2024")}；其余` +
        `${n(minus("china_equipment_purchases_2024", "equipment_us_plus_domestic_2024"), "USD bn")}为其他来源的设备。` +
        `三者均将文中的“同期”解读为${p("us_equipment_exports_china_2024")}。`,
    },
  },
  ...(["2020", "2025"] as const).map((year): CheckDeclaration => ({
    id: `itu_shares_${year}_check`,
    method: "within",
    stated: 1,
    derived: `itu_china_plus_us_share_${year}`,
    explain: {
      en: ({ f, n, p, minus }) =>
        `China's ${f(`itu_ai_standard_share_china_${year}`)} plus the US ${f(`itu_ai_standard_share_us_${year}`)} ` +
        `of AI standard proposals in ${p(`itu_china_plus_us_share_${year}`)} is ${f(`itu_china_plus_us_share_${year}`)}, ` +
        `within ${n(1, "%", 0)}; the other ${n(minus(1, `itu_china_plus_us_share_${year}`), "%")} are everyone else's.`,
      zh: ({ f, n, p, minus }) =>
        `${p(`itu_china_plus_us_share_${year}`)}中国（${f(`itu_ai_standard_share_china_${year}`)}）与美国` +
        `（${f(`itu_ai_standard_share_us_${year}`)}）的AI标准提案占比合计${f(`itu_china_plus_us_share_${year}`)}，` +
        `未超过${n(1, "%", 0)}；其余${n(minus(1, `itu_china_plus_us_share_${year}`), "%")}属于其他国家和地区。`,
    },
  })),
  {
    id: "us_experts_check",
    method: "recompute",
    stated: "us_experts_growth_vs_2022",
    derived: "us_experts_growth_from_whole_2022",
    explain: {
      en: ({ f, num, p, abs, times, difference, check: c }) =>
        `${f("us_experts_joined_china_2024")} experts in ${p("us_experts_joined_china_2024")}, up ` +
        `${f("us_experts_growth_vs_2022")} on ${p("us_experts_joined_2022_implied")}, give ` +
        `${f("us_experts_joined_china_2024")} ÷ (1 + ${f("us_experts_growth_vs_2022")}) = ` +
        `${num("us_experts_joined_2022_implied", 2)} in ${p("us_experts_joined_2022_implied")}: a whole number of people ` +
        `within rounding. ${f("us_experts_joined_2022_whole")} → ${f("us_experts_joined_china_2024")} is ` +
        `${f("us_experts_growth_from_whole_2022")}, the stated ${f("us_experts_growth_vs_2022")} to the whole percent ` +
        `(${num(times(abs(difference), 100), 2)} points off, tolerance ±${points(c.tolerance)}).`,
      zh: ({ f, num, p, abs, times, difference, check: c }) =>
        `${p("us_experts_joined_china_2024")}有${f("us_experts_joined_china_2024")}名专家，较` +
        `${p("us_experts_joined_2022_implied")}增长${f("us_experts_growth_vs_2022")}，则${p("us_experts_joined_2022_implied")}为` +
        `${f("us_experts_joined_china_2024")} ÷ (1 + ${f("us_experts_growth_vs_2022")}) = ` +
        `${num("us_experts_joined_2022_implied", 2)}人，在四舍五入范围内是整数。由${f("us_experts_joined_2022_whole")}人增至` +
        `${f("us_experts_joined_china_2024")}人，增幅为${f("us_experts_growth_from_whole_2022")}，取整即文中的` +
        `${f("us_experts_growth_vs_2022")}（相差${num(times(abs(difference), 100), 2)}个百分点，容差±${points(c.tolerance)}个百分点）。`,
    },
  },
];

function figure(id: string): Fact | DerivedFigure {
  const x = factById(id) ?? derivedById(id);
  if (!x) throw new Error(`unknown fact or derived id "${id}"`);
  return x;
}

function numberOf(x: string | number): number {
  if (typeof x === "number") return x;
  const v = valueOf(x);
  if (v === undefined) throw new Error(`unknown fact or derived id "${x}"`);
  if (isExposureError(v)) throw new Error(`"${x}" does not evaluate: ${v.toString()}`);
  return v;
}

/** The tolerance of a check: as declared, else half a unit of its stated fact's last digit, else 0. */
function toleranceOf(d: CheckDeclaration): number {
  if (d.tolerance !== undefined) return d.tolerance;
  const f = typeof d.stated === "string" ? factById(d.stated) : undefined;
  return f ? halfUnit(f.statedDecimals) : 0;
}

type Evaluated = Omit<ConsistencyCheck, "explanation" | "explanation_zh">;

function evaluateNumbers(d: CheckDeclaration): Evaluated {
  const tolerance = toleranceOf(d);
  const statedValue = numberOf(d.stated);
  const base = { id: d.id, method: d.method, stated: d.stated, tolerance, statedValue };
  const result = (derived: string, status: CheckStatus, extra: Partial<Evaluated> = {}): Evaluated => {
    const derivedValue = numberOf(derived);
    return { ...base, derived, derivedValue, difference: derivedValue - statedValue, status, ...extra };
  };
  switch (d.method) {
    case "recompute":
      return result(d.derived, checkStatus(statedValue, numberOf(d.derived), tolerance));
    case "within":
      return result(d.derived, withinStatus(statedValue, numberOf(d.derived), tolerance));
    case "different_bases":
      return result(d.derived, "different_bases");
    case "attempted_reproduction": {
      const ids = d.attempts && d.attempts.length > 0 ? d.attempts : [d.derived];
      const attempts = ids
        .map((id) => ({ id, value: numberOf(id), difference: numberOf(id) - statedValue }))
        .sort((x, y) => Math.abs(x.difference) - Math.abs(y.difference));
      const implied = d.implied ? { id: d.implied, value: numberOf(d.implied) } : undefined;
      const extra = { attempts, ...(implied ? { implied } : {}) };
      const best = attempts[0];
      const bestStatus = checkStatus(statedValue, best.value, tolerance);
      // an attempt that does reproduce the figure overrules the declaration
      if (bestStatus !== "inconsistent") return result(best.id, bestStatus, extra);
      return result(d.derived, "not_reproducible", extra);
    }
  }
}

/** A literal number in a formula (negative ones in brackets). */
const literal = (x: number) => (x < 0 ? `(${x})` : String(x));

/**
 * A printer of one check's explanation in one language. Each figure it prints is quoted: `cell`
 * answers the cell a figure sits in on the sheet (undefined where it is on no sheet, which quotes
 * the number itself), so the same explanation renders as text and as a formula over those cells.
 */
function printer(
  lang: Lang,
  check: Evaluated,
  quoting: Quoting,
  cell: (id: string) => string | undefined = () => undefined,
): CheckPrinter {
  const at = (id: string) => cell(id) ?? literal(numberOf(id));
  const amount = (a: Amount): AmountExpression =>
    typeof a === "number"
      ? { value: a, formula: literal(a) }
      : typeof a === "string"
        ? { value: numberOf(a), formula: at(a) }
        : a;
  const fixed = (x: number, decimals: number) => roundTo(x, decimals).toFixed(decimals);
  // a literal amount prints as plain text: there is no cell to follow
  const print = (a: Amount, text: (x: number) => string, formula: (e: string) => string) => {
    const e = amount(a);
    return typeof a === "number" ? text(e.value) : quoting.quote(text(e.value), formula(e.formula));
  };
  const stated = typeof check.stated === "number" ? literal(check.stated) : at(check.stated);
  return {
    // a stated figure prints as the article writes it; a computed one with its trailing zeros
    f: (id, decimals) => {
      const u = figure(id).unit;
      const asStated = !!factById(id);
      return quoting.quote(
        formatValue(numberOf(id), u, lang, !asStated, decimals),
        formatFormula(at(id), u, lang, !asStated, decimals),
      );
    },
    n: (x, unit: Unit, decimals) =>
      print(
        x,
        (v) => formatValue(v, unit, lang, true, decimals),
        (e) => formatFormula(e, unit, lang, true, decimals),
      ),
    num: (x, decimals) =>
      print(
        x,
        (v) => fixed(v, decimals),
        (e) => `FIXED(${e},${decimals},TRUE)`,
      ),
    pts: (x) => print(x, points, pointsFormula),
    minus: (a, b) => {
      const [x, y] = [amount(a), amount(b)];
      return { value: x.value - y.value, formula: `(${x.formula}-${y.formula})` };
    },
    abs: (a) => {
      const x = amount(a);
      return { value: Math.abs(x.value), formula: `ABS(${x.formula})` };
    },
    times: (a, k) => {
      const x = amount(a);
      return { value: x.value * k, formula: `${x.formula}*${literal(k)}` };
    },
    difference: { value: check.difference, formula: `(${at(check.derived)}-${stated})` },
    p: (id) => PERIODS[figure(id).period][lang],
    label: (id) => inLang(figure(id), "label", lang),
    check,
  };
}

/** A check's explanation in a language: its text, and the formula that prints it from `cell`s. */
function explain(d: CheckDeclaration, check: Evaluated, lang: Lang, cell?: (id: string) => string | undefined) {
  const quoting = new Quoting();
  return quoting.render(d.explain[lang](printer(lang, check, quoting, cell)));
}

/**
 * Evaluates a check once: its values, difference and computed status now, its explanation in each
 * language when first read (a getter that keeps what it wrote). Writing the explanations was two
 * thirds of loading functions.js, and the functions need them only when CHECKS() is called.
 */
export function evaluateCheck(d: CheckDeclaration): ConsistencyCheck {
  const check = evaluateNumbers(d);
  const texts: Partial<Record<Lang, string>> = {};
  const text = (lang: Lang) => (texts[lang] ??= explain(d, check, lang).text);
  const [en, zh] = LANGS;
  return Object.defineProperties(check as Evaluated & Pick<ConsistencyCheck, "explanation" | "explanation_zh">, {
    explanation: { get: () => text(en), enumerable: true },
    explanation_zh: { get: () => text(zh), enumerable: true },
  });
}

/** Every check as declared. */
export const CHECK_DECLARATIONS: readonly CheckDeclaration[] = DECLARATIONS;

/** The checks, evaluated once when this module loads. */
export const CHECKS: readonly ConsistencyCheck[] = DECLARATIONS.map(evaluateCheck);

const CHECK_BY_ID = new Map(CHECKS.map((c) => [c.id, c]));

export function checkById(id: string): ConsistencyCheck | undefined {
  return CHECK_BY_ID.get(id);
}

/** Every fact or derived id a check reads: stated, derived, attempts and implied. */
export function idsOfCheck(c: ConsistencyCheck | CheckDeclaration): string[] {
  const attempts = (c.attempts ?? []).map((a: string | CheckAttempt) => (typeof a === "string" ? a : a.id));
  const implied = typeof c.implied === "string" ? c.implied : c.implied?.id;
  return [...(typeof c.stated === "string" ? [c.stated] : []), c.derived, ...attempts, ...(implied ? [implied] : [])];
}

const DECLARATION_BY_ID = new Map(DECLARATIONS.map((d) => [d.id, d]));

/**
 * A check's explanation for a sheet: the text, and a formula that prints the same text from the
 * cells of the figures it quotes (`cell` answers a figure's cell, or undefined where it is on no
 * sheet and its number is quoted as it is), so the words follow an analyst's overwritten inputs.
 */
export function checkExplanationCell(
  c: ConsistencyCheck,
  cell: (id: string) => string | undefined,
  lang: Lang,
): QuotedText {
  const d = DECLARATION_BY_ID.get(c.id);
  if (!d) throw new Error(`unknown check "${c.id}"`);
  return explain(d, c, lang, cell);
}

/** A status as the sheets write it. */
export function statusText(status: CheckStatus, lang: Lang): string {
  return STATUSES[status][lang];
}

/**
 * A check's status for a sheet: a live formula over the cells of its two figures (`ref` answers a
 * cell reference for an id), the same rule as checkStatus and withinStatus; or the status itself
 * when the numbers alone do not decide it (not reproducible, different bases). A formula carries the
 * status it computes now as its result.
 */
export function checkStatusCell(
  c: ConsistencyCheck,
  ref: (id: string) => string,
  lang: Lang,
): string | { readonly formula: string; readonly result: string } {
  const word = (s: CheckStatus) => `"${statusText(s, lang)}"`;
  const result = statusText(c.status, lang);
  const eps = String(EXACT_RELATIVE).toUpperCase();
  const stated = typeof c.stated === "number" ? String(c.stated) : ref(c.stated);
  const derived = ref(c.derived);
  if (c.method === "within") {
    return {
      formula:
        `=IF(${derived}<=${stated}+${c.tolerance}+${eps}*MAX(1,ABS(${stated})),` +
        `${word("consistent")},${word("inconsistent")})`,
      result,
    };
  }
  if (c.status === "not_reproducible" || c.status === "different_bases") return result;
  const diff = `ABS(${derived}-${stated})`;
  const scale = `MAX(ABS(${stated}),ABS(${derived}))`;
  return {
    formula:
      `=IF(${diff}<=${eps}*${scale},${word("consistent")},` +
      `IF(${diff}<=${c.tolerance}+${eps}*MAX(1,${scale}),${word("rounded")},${word("inconsistent")}))`,
    result,
  };
}
