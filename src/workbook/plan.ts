/**
 * The workbook plan: a pure function from the baseline to the record sheets the add-in writes.
 * Stated figures are typed-in values (blue); derived figures are native Excel formulas over the
 * cells where their operands landed (black), so the sheets recalculate when an analyst overwrites
 * an input and compute for a colleague without the add-in. Every formula carries the result the
 * model computes for it, so a viewer that never recalculates shows the same figures; a text that
 * quotes a figure is a formula over that figure's cell. Both adapters apply this same plan.
 */
import { derivationFormula, isExposureError, operandIds } from "../model";
import {
  ARTICLE,
  ARTICLE_NOTES,
  CHECKS,
  KINDS,
  PERIODS,
  Quoting,
  SCENARIOS,
  SCENARIOS_ID,
  SCENARIOS_SUMMARY,
  TABLES,
  UNITS,
  UNIT_DECIMALS,
  checkExplanationCell,
  checkStatusCell,
  derivationText,
  derivedById,
  derivedValue,
  differenceUnit,
  factById,
  formatDate,
  formatFormula,
  inLang,
  numberFormat,
  paragraphsOf,
  sourceOf,
} from "../baseline";
import type { WithZh } from "../baseline";
import type { BaselineTable, ConsistencyCheck, Unit } from "../baseline/types";
import { Lang, t } from "../i18n/strings";
import { cleanSheetName, columnLetters } from "./address";
import { chartsOfSheet } from "./charts";
import { laidOut } from "./layout";
import type { CellBlock, ColumnWidth, NamedCell, PlanCell, SheetPlan, StyleId, WorkbookPlan } from "./types";
import { type CaseSpec, type CaseValues, caseSheet, nvidiaCase } from "./case-plan";

export { CHART_SPECS } from "./charts";

/** Where the header row of every table sheet sits; data rows follow it. */
export const HEADER_ROW = 5;
const FIRST_ROW = HEADER_ROW + 1;
/** Columns of a table sheet, in order. */
const COLUMNS = ["item", "value", "unit", "period", "kind", "check", "where", "id"] as const;
type TableColumn = (typeof COLUMNS)[number];
/** The first of the columns in small print (where in the article, id). */
const SOURCE_FROM = COLUMNS.indexOf("where");

/** The header of each column any sheet shows. */
const HEADERS = {
  item: "sheet.col.item",
  value: "sheet.col.value",
  unit: "sheet.col.unit",
  period: "sheet.col.period",
  kind: "sheet.col.kind",
  check: "sheet.col.check",
  where: "sheet.col.where",
  id: "sheet.col.id",
  stated: "sheet.col.stated",
  derived: "sheet.col.derived",
  difference: "sheet.col.difference",
  tolerance: "sheet.col.tolerance",
  status: "sheet.col.status",
  explanation: "sheet.col.explanation",
  sheet: "sheet.col.sheet",
  description: "sheet.col.description",
  scenario: "sheet.col.scenario",
  related: "sheet.col.related",
} as const;
type Column = keyof typeof HEADERS;
const VALUE_COL = "B";

/**
 * Widths of a table sheet's columns, in characters: the table stays within about 1,000 px, so that
 * the charts beside it show in the first screen with the pane open; long texts wrap.
 */
const TABLE_WIDTHS: Readonly<Record<TableColumn, Omit<ColumnWidth, "column">>> = {
  item: { width: 36, wrap: true },
  value: { width: 9 },
  unit: { width: 8, wrap: true },
  period: { width: 12, wrap: true },
  kind: { width: 10, wrap: true },
  check: { width: 11, wrap: true },
  where: { width: 32, wrap: true },
  id: { width: 24, wrap: true },
};
/** The narrow column between a table and its charts. */
const GAP_WIDTH = 2;

export interface PlanOptions {
  /** the table ids to insert ("scenarios" among them; dependencies come along); all when omitted */
  readonly tables?: readonly string[];
  readonly lang?: Lang;
  /** the cases to write after the record: the NVIDIA case when all tables are inserted, none otherwise */
  readonly cases?: readonly CaseSpec[];
}

interface Placement {
  readonly sheetKey: string;
  readonly row: number;
}

/** Column letters of the i-th column, 0-based (0 → "A"). */
const colLetter = (i: number) => columnLetters(i + 1);
/** A1 address of a column letter and a row. */
const at = (col: string, row: number) => `${col}${row}`;
/** Widths and wrapping of columns from A. */
const widths = (list: readonly Omit<ColumnWidth, "column">[]): ColumnWidth[] =>
  list.map((w, i) => ({ column: colLetter(i), ...w }));

/** The workbook-scoped name of a fact's or derived figure's cell. */
export const cellName = (id: string) => `bl_${id}`;

/** Which sheet and row every fact and derived figure lands on: the layout shared by all renderings. */
function placeRows(tables: readonly BaselineTable[]): Map<string, Placement> {
  const placed = new Map<string, Placement>();
  for (const table of tables) {
    table.rows.forEach((r, i) => {
      const id = "fact" in r ? r.fact : r.derived;
      placed.set(id, { sheetKey: table.id, row: FIRST_ROW + i });
    });
  }
  return placed;
}

/** The tables a selection needs: derived rows pull in the tables their operands sit on. */
export function withDependencies(ids: readonly string[]): BaselineTable[] {
  const all = placeRows(TABLES);
  const wanted = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const table of TABLES.filter((tb) => wanted.has(tb.id))) {
      for (const r of table.rows) {
        if (!("derived" in r)) continue;
        for (const dep of operandIds(derivedById(r.derived)!.derivation)) {
          const key = all.get(dep)?.sheetKey;
          if (key && !wanted.has(key)) {
            wanted.add(key);
            grew = true;
          }
        }
      }
    }
  }
  return TABLES.filter((tb) => wanted.has(tb.id));
}

/** A reference to the value cell of `id` as seen from `fromSheet`. */
function refFrom(placed: Map<string, Placement>, fromSheet: string) {
  return (id: string): string => {
    const p = placed.get(id);
    if (!p) throw new Error(`"${id}" has no cell in the plan`);
    const cell = at(VALUE_COL, p.row);
    return p.sheetKey === fromSheet ? cell : `{{${p.sheetKey}}}!${cell}`;
  };
}

/** The same, answering undefined for a figure on no sheet of the plan (a text then quotes its number). */
const cellOf = (placed: Map<string, Placement>, fromSheet: string) => {
  const ref = refFrom(placed, fromSheet);
  return (id: string): string | undefined => (placed.has(id) ? ref(id) : undefined);
};

function header(lang: Lang, ids: readonly Column[]): PlanCell[] {
  return ids.map((c) => t(HEADERS[c], lang));
}

/** A text the plan has as text, or as a formula that quotes figures from their cells (with its text). */
const quotedCell = (q: { text: string; formula?: string }): PlanCell =>
  q.formula === undefined ? q.text : { formula: q.formula, result: q.text };

/**
 * The article, identified: what it is about and when it was written, the licence date quoted from
 * its cell where the plan has it.
 */
function articleNote(lang: Lang, cell: (id: string) => string | undefined): PlanCell {
  const written = factById(ARTICLE.writtenAfter);
  const quoting = new Quoting();
  const where = written && cell(written.id);
  const date = !written
    ? ""
    : where
      ? quoting.quote(formatDate(written.value, lang), formatFormula(where, "date", lang))
      : formatDate(written.value, lang);
  return quotedCell(quoting.render(t("sheet.note.article", lang, { title: ARTICLE.title[lang], date })));
}

/**
 * Title, subtitle, the article's identity and what the record is for (it stays the article: own
 * figures belong in a case), each as wide as the sheet's `span` columns.
 */
function titleBlocks(title: string, subtitle: string, note: PlanCell, span: number, lang: Lang): CellBlock[] {
  return [
    { address: "A1", cells: [[title]], style: "title", span },
    { address: "A2", cells: [[subtitle]], style: "subtitle", span },
    { address: "A3", cells: [[note]], style: "note", span },
    { address: "A4", cells: [[t("sheet.note.record", lang)]], style: "note", span },
  ];
}

/** The Notes under a table: its source paragraphs, the notes on its rows (rows sharing a note once), the legend. */
function notesOf(table: BaselineTable, lang: Lang): PlanCell[][] {
  const paragraphs = paragraphsOf(table).join(t("list_separator", lang));
  const byNote = new Map<string, string[]>();
  for (const r of table.rows) {
    const x = "fact" in r ? factById(r.fact) : derivedById(r.derived);
    if (x?.note === undefined || x.note_zh === undefined) continue;
    const note = inLang(x as WithZh<"note">, "note", lang);
    const what = t("sheet.note.figure", lang, { label: inLang(x, "label", lang), period: PERIODS[x.period][lang] });
    byNote.set(note, [...(byNote.get(note) ?? []), what]);
  }
  return [
    [t("sheet.note.heading", lang)],
    [t("sheet.note.source", lang, { paragraphs, note: inLang(table, "sourceNote", lang) })],
    ...[...byNote].map(([note, figures]) => [
      t("sheet.note.row", lang, { figures: figures.join(t("list_separator", lang)), note }),
    ]),
    [t("sheet.note.legend", lang)],
  ];
}

/** A derived figure's cell: its formula, with the value the model computes. */
function derivedCell(id: string, ref: (id: string) => string): PlanCell {
  const d = derivedById(id)!;
  const v = derivedValue(id);
  return { formula: derivationFormula(d.derivation, ref), ...(isExposureError(v) ? {} : { result: v }) };
}

function tableSheet(
  table: BaselineTable,
  placed: Map<string, Placement>,
  checksByRow: Map<string, ConsistencyCheck>,
  lang: Lang,
): SheetPlan {
  const ref = refFrom(placed, table.id);
  const cells: PlanCell[][] = [];
  const formats: string[][] = [];
  const styles: { row: number; style: StyleId }[] = [];
  for (const r of table.rows) {
    const id = "fact" in r ? r.fact : r.derived;
    const check = checksByRow.get(id);
    const checkCell = check ? checkStatusCell(check, ref, lang) : null;
    const x = ("fact" in r ? factById(r.fact) : derivedById(r.derived))!;
    const stated = "value" in x;
    cells.push([
      inLang(x, "label", lang),
      "value" in x ? x.value : derivedCell(x.id, ref),
      UNITS[x.unit][lang],
      PERIODS[x.period][lang],
      KINDS["value" in x ? x.kind : "derived"][lang],
      checkCell,
      "value" in x ? sourceOf(x, lang) : derivationText(x, lang),
      x.id,
    ]);
    formats.push(rowFormats(x.unit, lang));
    styles.push({ row: cells.length, style: stated ? "input" : "formula" });
  }
  const last = HEADER_ROW + cells.length;
  const notes = notesOf(table, lang);
  const chartHeading = last + 2 + notes.length + 1;
  const charts = chartsOfSheet(
    (id) => placed.get(id)?.sheetKey === table.id,
    (id) => placed.has(id),
    ref,
    lang,
    chartHeading + 1,
    // beside the first row under the header (a chart across the header row would print again
    // with it, on every page)
    FIRST_ROW,
  );
  const span = COLUMNS.length;
  const blocks: CellBlock[] = [
    ...titleBlocks(
      inLang(table, "title", lang),
      inLang(table, "description", lang),
      articleNote(lang, cellOf(placed, table.id)),
      span,
      lang,
    ),
    { address: at("A", HEADER_ROW), cells: [header(lang, COLUMNS)], style: "header" },
    // one block per run of same-styled rows keeps formats per range, not per cell; where each
    // figure stands and its id, the last two columns, in small print
    ...runs(styles).map(({ from, to, style }) => ({
      address: at("A", HEADER_ROW + from),
      cells: cells.slice(from - 1, to).map((r) => r.slice(0, SOURCE_FROM)),
      numberFormat: formats.slice(from - 1, to).map((r) => r.slice(0, SOURCE_FROM)),
      style,
    })),
    {
      address: at(colLetter(SOURCE_FROM), FIRST_ROW),
      cells: cells.map((r) => r.slice(SOURCE_FROM)),
      numberFormat: TEXT,
      style: "source",
    },
    { address: at("A", last + 2), cells: notes, style: "note", span },
    ...(charts.charts.length > 0
      ? [{ address: at("A", chartHeading), cells: [[t("sheet.chart.data", lang)]], style: "note" as const, span }]
      : []),
    ...charts.blocks,
  ];
  return {
    key: table.id,
    name: cleanSheetName(inLang(table, "sheetName", lang)),
    tabColor: "#1F3864",
    blocks,
    columns: [
      ...widths(COLUMNS.map((c) => TABLE_WIDTHS[c])),
      ...(charts.charts.length > 0 ? [{ column: colLetter(COLUMNS.length), width: GAP_WIDTH }] : []),
    ],
    tables: [
      {
        name: `tbl_${table.id}`,
        range: `A${HEADER_ROW}:${colLetter(COLUMNS.length - 1)}${last}`,
        style: "TableStyleLight9",
      },
    ],
    charts: charts.charts,
    freezeRows: HEADER_ROW,
  };
}

/**
 * Text columns are formatted as text ("@") so that a period such as "2024" stays text; a column
 * holding formulas is never "@", or Excel would keep the formula as text when it is written.
 */
const TEXT = "@";
const GENERAL = "General";
const rowFormats = (unit: Unit, lang: Lang): string[] =>
  COLUMNS.map((c) => (c === "value" ? numberFormat(unit, lang) : c === "check" ? GENERAL : TEXT));

/** Contiguous runs of rows sharing a style (rows numbered from 1). */
function runs(rows: readonly { row: number; style: StyleId }[]): { from: number; to: number; style: StyleId }[] {
  const out: { from: number; to: number; style: StyleId }[] = [];
  for (const { row, style } of rows) {
    const lastRun = out[out.length - 1];
    if (lastRun && lastRun.style === style && lastRun.to === row - 1) lastRun.to = row;
    else out.push({ from: row, to: row, style });
  }
  return out;
}

/** Whether the plan shows a check: its figures (a literal bound aside) are all placed. */
const shown = (c: ConsistencyCheck, placed: Map<string, Placement>) =>
  (typeof c.stated === "number" || placed.has(c.stated)) && placed.has(c.derived);

/** The unit of the figure a check checks: that of its computed figure. */
const checkedUnit = (c: ConsistencyCheck): Unit => derivedById(c.derived)!.unit;

/**
 * The Checks sheet. Reference and computed figures in the unit of the figure checked, one decimal
 * finer than the tables (so that 32% against 32.2% shows); the difference and the tolerance in the
 * unit a difference of such figures takes: points for shares (−13.0 pp), never a % sign.
 */
function checksSheet(placed: Map<string, Placement>, lang: Lang): SheetPlan | undefined {
  const ref = refFrom(placed, "checks");
  const rows = CHECKS.filter((c) => shown(c, placed));
  if (rows.length === 0) return undefined;
  const cols: Column[] = ["id", "stated", "derived", "difference", "tolerance", "status", "explanation"];
  const finer = (u: Unit) => numberFormat(u, lang, UNIT_DECIMALS[u] + 1);
  const cells: PlanCell[][] = rows.map((c, i) => {
    const r = FIRST_ROW + i;
    const { scale } = differenceUnit(checkedUnit(c));
    const times = scale === 1 ? "" : `*${scale}`;
    return [
      c.id,
      typeof c.stated === "number" ? c.stated : { formula: `=${ref(c.stated)}`, result: c.statedValue },
      { formula: `=${ref(c.derived)}`, result: c.derivedValue },
      { formula: times ? `=(C${r}-B${r})${times}` : `=C${r}-B${r}`, result: c.difference * scale },
      c.tolerance * scale,
      checkStatusCell(c, ref, lang),
      quotedCell(checkExplanationCell(c, cellOf(placed, "checks"), lang)),
    ];
  });
  const fmt = rows.map((c) => {
    const u = checkedUnit(c);
    const d = differenceUnit(u).unit;
    return [TEXT, finer(u), finer(u), finer(d), finer(d), GENERAL, GENERAL];
  });
  const last = HEADER_ROW + rows.length;
  const span = cols.length;
  return {
    key: "checks",
    name: cleanSheetName(t("sheet.checks.name", lang)),
    tabColor: "#375623",
    blocks: [
      ...titleBlocks(
        t("sheet.checks.title", lang),
        t("sheet.checks.subtitle", lang),
        articleNote(lang, cellOf(placed, "checks")),
        span,
        lang,
      ),
      { address: at("A", HEADER_ROW), cells: [header(lang, cols)], style: "header" },
      { address: at("A", FIRST_ROW), cells, numberFormat: fmt, style: "formula" },
    ],
    columns: widths([
      { width: 30, wrap: true },
      { width: 12 },
      { width: 12 },
      { width: 12 },
      { width: 11 },
      { width: 16, wrap: true },
      { width: 90, wrap: true },
    ]),
    tables: [{ name: "tbl_checks", range: `A${HEADER_ROW}:G${last}`, style: "TableStyleLight11" }],
    charts: [],
    freezeRows: HEADER_ROW,
  };
}

/** The article's three scenarios for NVIDIA: text, with the figures that bear on each. */
function scenariosSheet(placed: Map<string, Placement>, lang: Lang): SheetPlan {
  const related = (ids: readonly string[]) =>
    ids
      .map((id) => factById(id))
      .filter((f) => f !== undefined)
      .map((f) => `${inLang(f, "label", lang)} (${f.id})`)
      .join(t("list_separator", lang));
  const cells: PlanCell[][] = SCENARIOS.map((sc) => [
    inLang(sc, "name", lang),
    inLang(sc, "description", lang),
    related(sc.facts),
  ]);
  const last = HEADER_ROW + cells.length;
  const title = inLang(SCENARIOS_SUMMARY, "title", lang);
  return {
    key: SCENARIOS_ID,
    name: cleanSheetName(title),
    tabColor: "#7F6000",
    blocks: [
      ...titleBlocks(title, t("sheet.scenarios.note", lang), articleNote(lang, cellOf(placed, SCENARIOS_ID)), 3, lang),
      { address: at("A", HEADER_ROW), cells: [header(lang, ["scenario", "description", "related"])], style: "header" },
      { address: at("A", FIRST_ROW), cells, numberFormat: TEXT, style: "text" },
    ],
    columns: widths([
      { width: 28, wrap: true },
      { width: 90, wrap: true },
      { width: 60, wrap: true },
    ]),
    tables: [{ name: "tbl_scenarios", range: `A${HEADER_ROW}:C${last}`, style: "TableStyleLight9" }],
    charts: [],
    freezeRows: HEADER_ROW,
  };
}

function aboutSheet(tables: readonly BaselineTable[], placed: Map<string, Placement>, lang: Lang): SheetPlan {
  const cells: PlanCell[][] = tables.map((tb) => [tb.id, inLang(tb, "title", lang), inLang(tb, "description", lang)]);
  const source: PlanCell[][] = [
    [t("sheet.about.source", lang)],
    [t("sheet.about.places", lang, { paragraphs: ARTICLE.paragraphs })],
    [ARTICLE_NOTES.fiscal_year[lang]],
    [ARTICLE_NOTES.early_2025[lang]],
    [t("sheet.note.legend", lang)],
  ];
  return {
    key: "about",
    name: cleanSheetName(t("sheet.about.name", lang)),
    tabColor: "#595959",
    blocks: [
      ...titleBlocks(
        t("sheet.about.title", lang),
        t("sheet.about.subtitle", lang),
        articleNote(lang, cellOf(placed, "about")),
        3,
        lang,
      ),
      { address: at("A", HEADER_ROW), cells: [header(lang, ["id", "sheet", "description"])], style: "header" },
      { address: at("A", FIRST_ROW), cells, numberFormat: TEXT, style: "text" },
      { address: at("A", FIRST_ROW + cells.length + 1), cells: source, style: "note", span: 3 },
    ],
    columns: widths([
      { width: 28, wrap: true },
      { width: 44, wrap: true },
      { width: 90, wrap: true },
    ]),
    tables: [],
    charts: [],
    freezeRows: 0,
  };
}

/** Builds the plan for the selected tables (all by default) in one language. */
export function buildPlan(options: PlanOptions = {}): WorkbookPlan {
  const lang = options.lang ?? "en";
  const selected = options.tables ? withDependencies(options.tables) : [...TABLES];
  const withScenarios = !options.tables || options.tables.includes(SCENARIOS_ID);
  const placed = placeRows(selected);
  const checksByRow = new Map<string, ConsistencyCheck>();
  // a row shows the first check it is a side of (tests/baseline/tables.test.ts: at most one)
  for (const c of CHECKS) {
    for (const id of [c.stated, c.derived]) if (typeof id === "string" && !checksByRow.has(id)) checksByRow.set(id, c);
  }
  const sheets: SheetPlan[] = [
    aboutSheet(selected, placed, lang),
    ...selected.map((tb) => tableSheet(tb, placed, checksByRow, lang)),
  ];
  if (withScenarios) sheets.push(scenariosSheet(placed, lang));
  const checks = checksSheet(placed, lang);
  if (checks) sheets.push(checks);
  const names: NamedCell[] = [...placed].map(([id, p]) => ({
    name: cellName(id),
    sheetKey: p.sheetKey,
    address: at(VALUE_COL, p.row),
    comment: inLang((factById(id) ?? derivedById(id))!, "label", lang),
  }));
  for (const spec of options.cases ?? (options.tables ? [] : [nvidiaCase(lang)])) {
    const c = caseSheet(spec, lang);
    sheets.push(c.sheet);
    names.push(...c.names);
  }
  return { sheets: sheets.map((s) => laidOut(s, lang)), names };
}

/** The plan of one case alone (a new case from the pane). */
export function casePlan(spec: CaseSpec, lang: Lang, values?: CaseValues): WorkbookPlan {
  const c = caseSheet(spec, lang, values);
  return { sheets: [laidOut(c.sheet, lang)], names: c.names };
}
