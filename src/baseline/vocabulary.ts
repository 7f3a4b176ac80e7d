/**
 * The closed vocabularies of the baseline, each word in English and Chinese: units, periods, kinds
 * of statement, check statuses, the outside sources the article cites, and the operations of the
 * derived figures. A fact or figure names a word by its key; a key with no Chinese, or a word no
 * figure uses, fails the build (the key types) or tests/baseline/vocabulary.test.ts.
 */
import type { DerivationOp } from "../model";
import type { Bilingual, Lang } from "./lang";

/** A vocabulary whose English is its key: { "2024": "2024年" } → { "2024": { en: "2024", zh: "2024年" } }. */
function keyed<K extends string>(zh: Readonly<Record<K, string>>): Readonly<Record<K, Bilingual>> {
  const out = {} as Record<K, Bilingual>;
  for (const k of Object.keys(zh) as K[]) out[k] = { en: k, zh: zh[k] };
  return out;
}

/**
 * Units, by key. The key is what EXPOSURE.FACT(id, "unit") answers; the label is what a sheet's
 * Unit column shows. The number is the same in both languages, so the Chinese label carries the
 * scale: 17.1 "USD bn" is 17.1 十亿美元 (171亿美元).
 */
export const UNITS = keyed({
  "USD bn": "十亿美元",
  "USD tn": "万亿美元",
  "USD m": "百万美元",
  "CNY 100m": "亿元",
  "%": "%",
  pp: "百分点",
  x: "倍",
  count: "个",
  "m people": "百万人",
  nm: "纳米",
  "N (nines)": "N（9的个数）",
  year: "年份",
  years: "年",
  date: "日期",
});
export type Unit = keyof typeof UNITS;

/**
 * Decimals a sheet shows a figure with, by unit: as the article states its figures in that unit
 * (the most decimals any stated fact of the unit has; tests/baseline/vocabulary.test.ts holds this
 * to the facts), so one column never mixes 10.3 with 131.54. A percent counts decimals of the
 * percent (13% has none); points and multiples, which the article never states, show one and two.
 */
export const UNIT_DECIMALS: Readonly<Record<Unit, number>> = {
  "USD bn": 1,
  "USD tn": 2,
  "USD m": 0,
  "CNY 100m": 0,
  "%": 0,
  pp: 1,
  x: 2,
  count: 0,
  "m people": 2,
  nm: 0,
  "N (nines)": 0,
  year: 0,
  years: 0,
  date: 0,
};

/** "0", "0.0", "0.00" … for `decimals` places. */
const digits = (decimals: number) => (decimals > 0 ? `0.${"0".repeat(decimals)}` : "0");

/**
 * The one Excel number format of a unit on every sheet, in a language: ratios are fractions shown
 * as percent; points carry their unit in the number (`+19.0 pp`, never a % sign), so a difference
 * of shares never reads as a relative change; a year is a plain number. `decimals` overrides the
 * unit's (the Checks sheet shows one more).
 */
export function numberFormat(unit: Unit, lang: Lang, decimals = UNIT_DECIMALS[unit]): string {
  const d = digits(decimals);
  switch (unit) {
    case "%":
      return `${d}%`;
    case "pp": {
      const label = lang === "zh" ? "个百分点" : " pp";
      return `+${d}"${label}";-${d}"${label}";${d}"${label}"`;
    }
    case "date":
      return lang === "zh" ? 'yyyy"年"m"月"d"日"' : "yyyy-mm-dd";
    case "nm":
    case "N (nines)":
    case "year":
    case "years":
      return d;
    default:
      return `#,##${d}`;
  }
}

/**
 * The unit a difference of two figures of `unit` is written in, and the factor that takes it there:
 * two shares differ by points (0.32 − 0.3216 is −0.2 pp), anything else by its own unit.
 */
export function differenceUnit(unit: Unit): { readonly unit: Unit; readonly scale: number } {
  return unit === "%" ? { unit: "pp", scale: 100 } : { unit, scale: 1 };
}

/**
 * The periods figures refer to, by key (the English text). The article's years are calendar years
 * as it writes them (NVIDIA's own fiscal year ends in late January; see the About sheet).
 */
export const PERIODS = keyed({
  "2019": "2019年",
  "2020": "2020年",
  "2021": "2021年",
  "2022": "2022年",
  "2023": "2023年",
  "2024": "2024年",
  "2025": "2025年",
  "2026": "2026年",
  "2027": "2027年",
  "2025-04-09": "2025年4月9日",
  "2025-04": "2025年4月",
  "2024-Q1": "2024年第一季度",
  "2025-Q1": "2025年第一季度",
  "2025 (peak)": "2025年（峰值）",
  "2025 (after the fall)": "2025年（下跌后）",
  "as of 2025": "截至2025年",
  "from 2025": "自2025年起",
  "by 2026": "2026年前",
  "within 3 years": "三年内",
  "within 5 years": "五年内",
  "short term": "短期",
  "annual average": "年均",
  "per quarter": "每季度",
  "full decoupling": "完全脱钩情形下",
  "proposed, undated": "建议，未注明时间",
  "undated, if NVIDIA exits China": "未注明时间，仅在英伟达退出中国时发生",
  "undated exit cost vs 2024 revenue": "未注明时间的退出成本，对比2024年营收",
  "if the H20 ban is escalated": "若美方升级H20禁令",
  "2024 (reading of 'same span')": "2024年（对“同期”的解读）",
  "2020→2025": "2020→2025年",
  "2021→2024": "2021→2024年",
  "2022→2024": "2022→2024年",
  "2022→2025": "2022→2025年",
  "2023→2024": "2023→2024年",
  "2023→2025": "2023→2025年",
  "2024-Q1→2025-Q1": "2024年第一季度→2025年第一季度",
  "2024, per quarter": "2024年，季度平均",
  "2024-Q1 vs 2024 quarter": "2024年第一季度对比2024年季度平均",
  "2025-Q1 vs 2024 quarter": "2025年第一季度对比2024年季度平均",
  "2025-Q1 vs 2024": "2025年第一季度对比2024年全年",
  "2025 vs 2024 quarter": "2025年对比2024年季度平均",
  "2025 and 2024": "2025年与2024年",
});
export type Period = keyof typeof PERIODS;

/** What kind of statement a figure is: a 2027 target is not a 2025 observation. */
export const KINDS = {
  observed: { en: "observed", zh: "实际" },
  estimate: { en: "estimate", zh: "估计" },
  forecast: { en: "forecast", zh: "预测" },
  target: { en: "target", zh: "目标" },
  plan: { en: "plan", zh: "计划" },
  milestone: { en: "milestone", zh: "里程碑" },
  derived: { en: "derived (formula)", zh: "推算（公式）" },
} as const satisfies Record<string, Bilingual>;
/** The kind of a stated fact (a derived figure's kind is "derived"). */
export type FactKind = Exclude<keyof typeof KINDS, "derived">;

/** What a check concludes, as the sheets write it. */
export const STATUSES = {
  consistent: { en: "consistent", zh: "一致" },
  rounded: { en: "rounded", zh: "四舍五入后一致" },
  inconsistent: { en: "inconsistent", zh: "不一致" },
  not_reproducible: { en: "not reproducible", zh: "无法复现" },
  different_bases: { en: "different bases", zh: "口径不同" },
} as const satisfies Record<string, Bilingual>;
export type CheckStatus = keyof typeof STATUSES;

/** The outside sources the article cites for a figure. */
export const ATTRIBUTIONS = {
  "Boston Consulting Group": { en: "Boston Consulting Group", zh: "波士顿咨询公司" },
  SEMI: { en: "SEMI", zh: "国际半导体产业协会（SEMI）" },
  ITU: { en: "ITU", zh: "国际电信联盟（ITU）" },
} as const satisfies Record<string, Bilingual>;
export type Attribution = keyof typeof ATTRIBUTIONS;

/** The operations of derived figures, as the Where column names them. */
export const OPERATIONS: Readonly<Record<DerivationOp, Bilingual>> = {
  ratio: { en: "ratio", zh: "比值" },
  difference: { en: "difference", zh: "差值" },
  sum: { en: "sum", zh: "合计" },
  product: { en: "product", zh: "乘积" },
  share: { en: "share", zh: "占比" },
  implied_total: { en: "implied_total", zh: "隐含总额" },
  write_down_ratio: { en: "write_down_ratio", zh: "减值比例" },
  growth: { en: "growth", zh: "增速" },
  cagr: { en: "cagr", zh: "年均复合增速" },
  prior_from_growth: { en: "prior_from_growth", zh: "按增速倒推上期值" },
  project_value: { en: "project_value", zh: "按增速推算" },
  price_performance: { en: "price_performance", zh: "性价比" },
  drawdown: { en: "drawdown", zh: "回撤" },
  nearest_whole: { en: "nearest_whole", zh: "取整" },
  points: { en: "points", zh: "百分点差" },
};
