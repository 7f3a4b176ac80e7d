/** The shape of the article as data. Figures live in facts.ts, tables in tables.ts. */
import type { Derivation } from "../model";
import type { Attribution, CheckStatus, FactKind, Period, Unit } from "./vocabulary";

export type { Attribution, CheckStatus, FactKind, Period, Unit } from "./vocabulary";

/** How the article bounds a figure: 超/以上 "over", 约 "about", 或超 "may exceed", 至少 "at least". */
export type Qualifier = "exact" | "over" | "about" | "at_least" | "up_to";

/**
 * Where a figure stands in the article: the paragraph (1–15, in reading order, as the stored text
 * breaks them) and, in our own words, where in that paragraph and what is said there.
 */
export interface Place {
  readonly section: SectionId;
  /** the article's paragraph, 1-based */
  readonly paragraph: number;
  /** where in the paragraph, in our own words: "third sentence: the inference market share" */
  readonly locator: string;
  readonly locator_zh: string;
}

export interface Fact extends Place {
  /** stable snake_case id, forever */
  readonly id: string;
  /** the figure: ratios as fractions (0.13), dates as Excel serial numbers (unit "date") */
  readonly value: number;
  readonly unit: Unit;
  /** the period or date it refers to: "2024", "2025-Q1", "2025-04-09", "by 2026" */
  readonly period: Period;
  /** who or what the figure is about: "NVIDIA", "China", "Huawei", "US", "Global" */
  readonly entity: string;
  readonly label: string;
  readonly label_zh: string;
  readonly kind: FactKind;
  readonly qualifier: Qualifier;
  /** for a range stated as low–high: which end this fact is, and the id shared by both ends */
  readonly range?: { readonly group: string; readonly end: "low" | "high" };
  /**
   * decimals of the unit as stated (0.32 stated as "32%" has 2; 160亿 as 16.0 "USD bn" has 1);
   * negative for a figure stated to tens or more of its unit (2.5亿美元 is 250 "USD m" to the 10 m: −1)
   */
  readonly statedDecimals: number;
  /** true when the article recommends the measure (its policy advice), rather than reporting it */
  readonly proposed?: boolean;
  /** the outside source the article cites for the figure */
  readonly attribution?: Attribution;
  /** other places the same figure is stated again (one figure, one fact) */
  readonly restated?: readonly Place[];
  /** what a reader should know to use the figure (its basis, its date, how we read it) */
  readonly note?: string;
  readonly note_zh?: string;
}

/** A section of the article, in reading order. */
export interface Section {
  readonly id: SectionId;
  /** 1-based position in the article */
  readonly order: number;
  readonly title: string;
  readonly title_zh: string;
  /** the article's paragraphs it covers (its first is where its figures stand unless they say) */
  readonly paragraphs: readonly number[];
}

export type SectionId =
  | "licence_requirement"
  | "china_revenue"
  | "substitution"
  | "market_reaction"
  | "us_dilemma"
  | "china_response"
  | "decoupling_cost"
  | "software_ecosystem"
  | "standards"
  | "equipment_materials"
  | "talent"
  | "scenarios"
  | "china_outlook"
  | "policy_recommendations"
  | "future_trends"
  | "conclusion";

/** A figure the stated facts imply, declared once as an operation over fact (or derived) ids. */
export interface DerivedFigure {
  readonly id: string;
  readonly label: string;
  readonly label_zh: string;
  readonly unit: Unit;
  readonly period: Period;
  readonly derivation: Derivation;
  /** who or what the figure is about, as for a fact */
  readonly entity?: string;
  /** a short reading of the figure (what it shows, or why it is worth having) */
  readonly note?: string;
  readonly note_zh?: string;
}

/**
 * How a check tests the article against itself:
 * - "recompute": `derived` redoes the article's own arithmetic for `stated`; consistent, rounded
 *   (within the tolerance) or inconsistent;
 * - "attempted_reproduction": no reading of the article's figures is known to give `stated`;
 *   `attempts` are the readings tried, `derived` the most natural one, `implied` what `stated`
 *   would mean if true; not reproducible unless an attempt comes within the tolerance;
 * - "within": the parts summed in `derived` must not exceed the whole `stated` (a figure or a
 *   literal bound such as 1 for 100%); consistent or inconsistent;
 * - "different_bases": `stated` and `derived` meet in the article but measure different things
 *   (orders and revenue, two markets); the status says so whatever the numbers, which the
 *   explanation sets side by side.
 */
export type CheckMethod = "recompute" | "attempted_reproduction" | "within" | "different_bases";

/** One reading tried to reproduce a stated figure. */
export interface CheckAttempt {
  readonly id: string;
  readonly value: number;
  /** value − stated */
  readonly difference: number;
}

/**
 * An amount an explanation prints or computes with: a literal number, the id of a fact or derived
 * figure (its cell on a sheet), or an expression a printer built from them (`minus`, `abs`, `times`).
 */
export type Amount = number | string | AmountExpression;

/** An expression over figures: its value now, and how a formula computes it from their cells. */
export interface AmountExpression {
  readonly value: number;
  readonly formula: string;
}

/**
 * What an explanation may print, in one language: values, formatted values, periods and labels of
 * ids. Every printed figure is quoted from its cell when the explanation is written on a sheet (a
 * formula), so arithmetic on figures goes through `minus`, `abs` and `times`, never plain `+` or `-`.
 */
export interface CheckPrinter {
  /**
   * the value of an id in its unit ("32.2%", "17.1十亿美元"): a stated fact as written, a computed
   * one with its unit's decimals, or with `decimals`
   */
  f(id: string, decimals?: number): string;
  /** an amount in a unit ("28.0%"), with its unit's decimals or `decimals` */
  n(x: Amount, unit: Unit, decimals?: number): string;
  /** an amount as a plain number to `decimals` places ("173.02") */
  num(x: Amount, decimals: number): string;
  /** a fraction in percentage points to one decimal (0.0016 → "0.2") */
  pts(x: Amount): string;
  minus(a: Amount, b: Amount): AmountExpression;
  abs(a: Amount): AmountExpression;
  times(a: Amount, k: number): AmountExpression;
  /** the check's difference, derived − stated */
  readonly difference: AmountExpression;
  /** the period of a fact or derived id ("2024", "2024年") */
  p(id: string): string;
  /** the label of a fact or derived id */
  label(id: string): string;
  /** the check being explained, evaluated (values, difference, tolerance, attempts) */
  readonly check: Omit<ConsistencyCheck, "explanation" | "explanation_zh">;
}

/** A check, declared once: what it compares and how it explains itself in each language. */
export interface CheckDeclaration {
  readonly id: string;
  readonly method: CheckMethod;
  /** the figure checked: a fact or derived id, or a literal bound (1 is 100%) */
  readonly stated: string | number;
  /** the figure it is compared with: a derived id */
  readonly derived: string;
  /** derived ids tried (attempted_reproduction), `derived` among them */
  readonly attempts?: readonly string[];
  /** a derived id: what the stated figure implies if it were true (attempted_reproduction) */
  readonly implied?: string;
  /** absolute tolerance in the stated figure's unit; by default half a unit of its last stated digit */
  readonly tolerance?: number;
  /** the arithmetic in words, built from the figures, never typed-in numbers */
  readonly explain: { readonly en: (p: CheckPrinter) => string; readonly zh: (p: CheckPrinter) => string };
}

/** A check, evaluated once: its values and its status, computed from the numbers, never typed in. */
export interface ConsistencyCheck {
  readonly id: string;
  readonly method: CheckMethod;
  readonly stated: string | number;
  /** the derived id compared (for a reproduced figure: the attempt that reproduces it) */
  readonly derived: string;
  readonly statedValue: number;
  readonly derivedValue: number;
  /** derivedValue − statedValue */
  readonly difference: number;
  readonly tolerance: number;
  readonly status: CheckStatus;
  /** every attempt, closest first (attempted reproductions only) */
  readonly attempts?: readonly CheckAttempt[];
  /** what the stated figure implies if it were true (attempted reproductions only) */
  readonly implied?: { readonly id: string; readonly value: number };
  readonly explanation: string;
  readonly explanation_zh: string;
}

/** One row of a baseline table: a stated fact or a derived figure. */
export type TableRow = { readonly fact: string } | { readonly derived: string };

export interface BaselineTable {
  readonly id: string;
  readonly title: string;
  readonly title_zh: string;
  /** a tab name for the table's sheet: at most 31 characters, none of : \ / ? * [ ] */
  readonly sheetName: string;
  readonly sheetName_zh: string;
  /** one line for the taskpane */
  readonly description: string;
  readonly description_zh: string;
  readonly rows: readonly TableRow[];
  readonly sourceNote: string;
  readonly sourceNote_zh: string;
}

/** The qualitative scenarios table: text, with facts that bear on each scenario. */
export interface Scenario {
  readonly id: string;
  readonly name: string;
  readonly name_zh: string;
  readonly description: string;
  readonly description_zh: string;
  readonly facts: readonly string[];
}
