/**
 * The article as data: facts, derived figures, consistency checks, tables and scenarios, with the
 * lookups and the pure spill builders behind EXPOSURE.FACT, EXPOSURE.BASELINE and EXPOSURE.CHECKS.
 * Imports only from ../model.
 */
import { ExposureError, isExposureError } from "../model";
import { CHECKS, idsOfCheck } from "./checks";
import { FACTS } from "./facts";
import { inLang, type Lang } from "./lang";
import { derivedById, derivedValue, factById } from "./lookup";
import { derivationText, sourceOf } from "./places";
import { SCENARIOS, SCENARIOS_ID, SCENARIOS_SUMMARY, TABLES } from "./tables";
import type { BaselineTable, CheckStatus, DerivedFigure, Fact, TableRow } from "./types";
import { PERIODS, UNITS } from "./vocabulary";

export * from "./types";
export { FACTS } from "./facts";
export { DERIVED } from "./derived";
export { factById, derivedById, derivedValue, valueOf } from "./lookup";
export {
  CHECKS,
  CHECK_DECLARATIONS,
  checkById,
  checkStatus,
  checkExplanationCell,
  checkStatusCell,
  evaluateCheck,
  halfUnit,
  idsOfCheck,
  statusText,
  withinStatus,
  EXACT_RELATIVE,
} from "./checks";
export { TABLES, SCENARIOS, SCENARIOS_ID, SCENARIOS_SUMMARY } from "./tables";
export { SECTIONS, sectionById } from "./sections";
export { EXCEL_STRING_MAX, excelString, formatDate, formatFormula, formatValue } from "./format";
export { Quoting, type QuotedText } from "./quoted";
export { LANGS, LANGUAGE_TAGS, fill, inLang, isLang } from "./lang";
export type { Bilingual, Lang, WithZh } from "./lang";
export {
  ATTRIBUTIONS,
  KINDS,
  OPERATIONS,
  PERIODS,
  STATUSES,
  UNITS,
  UNIT_DECIMALS,
  differenceUnit,
  numberFormat,
} from "./vocabulary";
export { ARTICLE, ARTICLE_NOTES } from "./article";
export { CASE_SCENARIOS, NVIDIA_CASE, nvidiaDrivers, scenarioOverrides, seedValue } from "./case-seed";
export type { CaseScenario, CaseScenarioId, Seed } from "./case-seed";
export { derivationText, paragraphsOf, sourceOf } from "./places";

/** A spilled table: rows of text and numbers, the header row first. */
export type Spill = (string | number)[][];

const norm = (s: string) => s.trim().toLowerCase();

const TABLE_BY_ID = new Map<string, BaselineTable>(TABLES.map((t) => [t.id, t]));

/** A baseline table by id (case and surrounding spaces ignored); undefined for an unknown id. */
export function tableById(id: string): BaselineTable | undefined {
  return TABLE_BY_ID.get(id) ?? TABLE_BY_ID.get(norm(id));
}

/**
 * The one parser of table ids, for the CLI's --tables and any list a user types: ids separated by
 * commas or spaces, case and surrounding spaces ignored, "scenarios" among them, each kept once in
 * the order given. Answers the canonical ids and the items it does not know.
 */
export function parseTableIds(list: string | readonly string[]): { ids: string[]; unknown: string[] } {
  const items = (typeof list === "string" ? list.split(/[,\s]+/) : list).map((s) => s.trim()).filter((s) => s !== "");
  const ids: string[] = [];
  const unknown: string[] = [];
  for (const item of items) {
    const id = norm(item) === SCENARIOS_ID ? SCENARIOS_ID : tableById(item)?.id;
    if (id === undefined) unknown.push(item);
    else if (!ids.includes(id)) ids.push(id);
  }
  return { ids, unknown };
}

/** What a list of the baseline shows for one table. */
export type TableSummary = Pick<BaselineTable, "id" | "title" | "title_zh" | "description" | "description_zh">;

/** Everything a user can insert or spill, in order: the tables, then the qualitative scenarios. */
export const TABLE_SUMMARIES: readonly TableSummary[] = [...TABLES, SCENARIOS_SUMMARY];

/** The id of a table row: its fact or derived id. */
export function rowId(row: TableRow): string {
  return "fact" in row ? row.fact : row.derived;
}

const TABLE_OF_ROW = new Map<string, string>();
for (const t of TABLES) for (const r of t.rows) TABLE_OF_ROW.set(rowId(r), t.id);

/** The id of the table that shows a fact or derived figure; undefined if none does. */
export function tableOfRow(id: string): string | undefined {
  return TABLE_OF_ROW.get(id);
}

const STATUSES_BY_ROW = new Map<string, CheckStatus[]>();
for (const c of CHECKS) {
  for (const id of new Set(idsOfCheck(c))) {
    const list = STATUSES_BY_ROW.get(id) ?? [];
    if (!list.includes(c.status)) list.push(c.status);
    STATUSES_BY_ROW.set(id, list);
  }
}

/** The status of the checks that read a fact or derived figure ("" if none does). */
export function checkStatusOfRow(id: string): string {
  return (STATUSES_BY_ROW.get(id) ?? []).join(", ");
}

function lookupFact(id: string): Fact | undefined {
  return factById(id) ?? factById(norm(id));
}

function lookupDerived(id: string): DerivedFigure | undefined {
  return derivedById(id) ?? derivedById(norm(id));
}

/** The fields EXPOSURE.FACT answers. */
export const FACT_FIELDS = [
  "value",
  "unit",
  "period",
  "label",
  "label_zh",
  "source",
  "entity",
  "kind",
  "qualifier",
  "section",
  "locator",
] as const;
export type FactField = (typeof FACT_FIELDS)[number];

const isFactField = (s: string): s is FactField => (FACT_FIELDS as readonly string[]).includes(s);

/**
 * A field of a fact (or of a derived figure) by id: value (the default), unit, period, label,
 * label_zh, source (section and locator), entity, kind, and also qualifier, section, locator.
 * Ids and field names ignore case and surrounding spaces. A derived figure answers its computed
 * value, kind "derived" and its declaration as source.
 *
 * @example factField("china_revenue_2024") → 17.1; factField("china_revenue_2024", "unit") → "USD bn".
 * @returns #N/A for an unknown id or field (or a field a derived figure does not have).
 */
export function factField(id: string, field?: string): string | number | ExposureError {
  const key = field === undefined || field === null || field.trim() === "" ? "value" : norm(field);
  if (!isFactField(key)) {
    return new ExposureError("#N/A", `unknown field "${field}"; use one of ${FACT_FIELDS.join(", ")}`);
  }
  const f = lookupFact(String(id ?? ""));
  if (f) {
    switch (key) {
      case "source":
        return sourceOf(f);
      default:
        return f[key];
    }
  }
  const d = lookupDerived(String(id ?? ""));
  if (d) {
    switch (key) {
      case "value":
        return derivedValue(d.id);
      case "kind":
        return "derived";
      case "source":
        return derivationText(d);
      case "entity":
        return d.entity ?? "";
      case "unit":
      case "period":
      case "label":
      case "label_zh":
        return d[key];
      default:
        return new ExposureError("#N/A", `a derived figure has no ${key}; its source is its derivation`);
    }
  }
  return new ExposureError("#N/A", `unknown fact id "${id}"; =EXPOSURE.BASELINE() lists the tables`);
}

const TABLE_HEADER: Record<Lang, string[]> = {
  en: ["label", "value", "unit", "period", "check"],
  zh: ["指标", "数值", "单位", "期间", "核对"],
};
const LIST_HEADER: Record<Lang, string[]> = { en: ["id", "title"], zh: ["编号", "标题"] };
const SCENARIO_HEADER: Record<Lang, string[]> = {
  en: ["id", "name", "description", "facts"],
  zh: ["编号", "情景", "说明", "相关数字"],
};
const CHECKS_HEADER: Record<Lang, string[]> = {
  en: ["id", "stated", "derived", "difference", "tolerance", "status", "explanation"],
  zh: ["编号", "文中数字", "推导数字", "差值", "容差", "状态", "说明"],
};

function tableRowCells(row: TableRow, lang: Lang): (string | number)[] {
  const id = rowId(row);
  const x = "fact" in row ? factById(id) : derivedById(id);
  if (!x) return [id, "#N/A", "", "", ""];
  const v = "value" in x ? x.value : derivedValue(id);
  return [
    inLang(x, "label", lang),
    isExposureError(v) ? v.kind : v,
    UNITS[x.unit][lang],
    PERIODS[x.period][lang],
    checkStatusOfRow(id),
  ];
}

/** The scenarios as a spill: id, name, description, related fact ids. */
export function scenariosSpill(lang: Lang = "en"): Spill {
  return [
    [...SCENARIO_HEADER[lang]],
    ...SCENARIOS.map((s) => [s.id, inLang(s, "name", lang), inLang(s, "description", lang), s.facts.join(", ")]),
  ];
}

/**
 * A baseline table as a spill. With an id: a header row (label, value, unit, period, check), then
 * one row per fact or derived figure, check being the status of any check that reads the row.
 * "scenarios" spills the three scenarios (id, name, description, facts). With no id (or an empty
 * one): the table ids and their titles, under a header row, "scenarios" last.
 *
 * @returns #N/A for an unknown table id.
 */
export function baselineSpill(tableId?: string, lang: Lang = "en"): Spill | ExposureError {
  if (tableId === undefined || tableId === null || String(tableId).trim() === "") {
    return [[...LIST_HEADER[lang]], ...TABLE_SUMMARIES.map((t) => [t.id, inLang(t, "title", lang)])];
  }
  if (norm(String(tableId)) === SCENARIOS_ID) return scenariosSpill(lang);
  const t = tableById(String(tableId));
  if (!t) return new ExposureError("#N/A", `unknown table "${tableId}"; =EXPOSURE.BASELINE() lists the tables`);
  return [[...TABLE_HEADER[lang]], ...t.rows.map((r) => tableRowCells(r, lang))];
}

/** Every check as a spill: id, stated, derived, difference, tolerance, status (its id), explanation. */
export function checksSpill(lang: Lang = "en"): Spill {
  // the baseline never changes: evaluate once per language, hand out fresh rows each call
  const rows = (CHECK_ROWS[lang] ??= CHECKS.map((c) => [
    c.id,
    c.statedValue,
    c.derivedValue,
    c.difference,
    c.tolerance,
    c.status,
    inLang(c, "explanation", lang),
  ]));
  return [[...CHECKS_HEADER[lang]], ...rows.map((r) => [...r])];
}
const CHECK_ROWS: Partial<Record<Lang, Spill>> = {};

/** How many facts each section holds, in article order (sections without facts left out). */
export function factCountBySection(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of FACTS) out[f.section] = (out[f.section] ?? 0) + 1;
  return out;
}
