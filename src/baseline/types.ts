/** The shape of the article as data. Figures live in facts.ts, tables in tables.ts. */
import type { Derivation } from "../model";

/** Units. Money is a number plus a unit; ratios are fractions shown as percent. */
export type Unit =
  | "USD bn"
  | "USD tn"
  | "USD m"
  | "CNY 100m"
  | "%"
  | "x"
  | "count"
  | "m people"
  | "nm"
  | "N (nines)"
  | "year"
  | "years"
  | "date"
  | "version";

/** What kind of statement a figure is: a 2027 target is not a 2025 observation. */
export type FactKind = "observed" | "estimate" | "forecast" | "target" | "plan" | "milestone";

/** How the article bounds a figure: 超/以上 "over", 约 "about", 或超 "may exceed", 至少 "at least". */
export type Qualifier = "exact" | "over" | "about" | "at_least" | "up_to";

export interface Fact {
  /** stable snake_case id, forever */
  readonly id: string;
  /** the figure: ratios as fractions (0.13), dates as Excel serial numbers (unit "date") */
  readonly value: number;
  readonly unit: Unit;
  /** the period or date it refers to: "2024", "2025-Q1", "2025-04-09", "2020", "by 2027" */
  readonly period: string;
  /** who or what the figure is about: "NVIDIA", "China", "Huawei", "US", "Global" */
  readonly entity: string;
  readonly label: string;
  readonly label_zh: string;
  /** the article section it stands in (a SectionId) */
  readonly section: SectionId;
  /** where in the section, in our own words */
  readonly locator: string;
  readonly kind: FactKind;
  readonly qualifier: Qualifier;
  /** for a range stated as low–high: which end this fact is, and the id shared by both ends */
  readonly range?: { readonly group: string; readonly end: "low" | "high" };
  /** decimals of the unit as stated (0.32 stated as "32%" has 2), for rounding checks */
  readonly statedDecimals: number;
  /** true when the article recommends the measure (its policy advice), rather than reporting it */
  readonly proposed?: boolean;
  /** the outside source the article cites for the figure ("SEMI", "ITU", "Boston Consulting Group") */
  readonly attribution?: string;
  /** other places the same figure is stated again (one figure, one fact) */
  readonly restated?: readonly { readonly section: SectionId; readonly locator: string }[];
}

/** A section of the article, in reading order. */
export interface Section {
  readonly id: SectionId;
  /** 1-based position in the article */
  readonly order: number;
  readonly title: string;
  readonly title_zh: string;
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
  readonly period: string;
  readonly derivation: Derivation;
  /** who or what the figure is about, as for a fact */
  readonly entity?: string;
  /** a short reading of the figure (what it shows, or why it is worth having) */
  readonly note?: string;
  readonly note_zh?: string;
}

export type CheckStatus = "consistent" | "rounded" | "inconsistent" | "not_reproducible";

/**
 * How a check treats its stated figure: "recompute" — `derived` is the article's own arithmetic,
 * redone; "attempted_reproduction" — no combination of the article's figures is known to yield the
 * stated figure: `derived` is the most natural reading, `attempts` every reading tried, `implied`
 * what the stated figure would mean if it were true.
 */
export type CheckMethod = "recompute" | "attempted_reproduction";

/** A stated figure recomputed from others. `status` is computed from the values, never typed in. */
export interface ConsistencyCheck {
  readonly id: string;
  /** the fact as stated */
  readonly stated: string;
  /** the derived figure that recomputes it */
  readonly derived: string;
  readonly method?: CheckMethod;
  /** derived ids tried to reproduce the stated figure (attempted_reproduction), `derived` among them */
  readonly attempts?: readonly string[];
  /** a derived id: what the stated figure implies in money or count, if it were true */
  readonly implied?: string;
  /** absolute tolerance in the fact's unit (e.g. 0.005 for a percent stated to whole percent) */
  readonly tolerance: number;
  readonly status: CheckStatus;
  readonly explanation: string;
  readonly explanation_zh: string;
}

/** One row of a baseline table: a stated fact or a derived figure. */
export type TableRow = { readonly fact: string } | { readonly derived: string };

/** A column of a baseline table as the sheets show it. */
export interface TableColumn {
  readonly key: "label" | "value" | "unit" | "period" | "check" | "source";
  readonly header: string;
  readonly header_zh: string;
}

export interface BaselineTable {
  readonly id: string;
  readonly title: string;
  readonly title_zh: string;
  /** a tab name for the table's sheet: at most 31 characters, none of : \ / ? * [ ] */
  readonly sheetName?: string;
  readonly sheetName_zh?: string;
  /** one line for the taskpane */
  readonly description: string;
  readonly description_zh: string;
  readonly rows: readonly TableRow[];
  /** column headers, in order */
  readonly columns?: readonly TableColumn[];
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
