/**
 * The workbook plan: a pure function from the baseline to the sheets the add-in writes. Stated
 * figures are typed-in values (blue); derived figures are native Excel formulas over the cells
 * where their operands landed (black), so the sheets recalculate when an analyst overwrites an
 * input and compute for a colleague without the add-in. Both adapters apply this same plan.
 */
import { derivationFormula, operandIds } from "../model";
import {
  ARTICLE,
  ARTICLE_NOTES,
  CHECKS,
  KINDS,
  PERIODS,
  SCENARIOS,
  SCENARIOS_ID,
  SCENARIOS_SUMMARY,
  TABLES,
  UNITS,
  checkStatusCell,
  derivationText,
  derivedById,
  factById,
  formatDate,
  inLang,
  paragraphsOf,
  sourceOf,
} from "../baseline";
import type { WithZh } from "../baseline";
import type { BaselineTable, ConsistencyCheck, Unit } from "../baseline/types";
import { Lang, StringId, t } from "../i18n/strings";
import { cleanSheetName, columnLetters } from "./address";
import { type CaseSpec, type CaseValues, caseSheet, nvidiaCase } from "./case-plan";
import type { CellBlock, ChartPlan, NamedCell, PlanCell, SheetPlan, StyleId, WorkbookPlan } from "./types";

/** How each named style looks, for both adapters. Colours as hex RGB. */
export const STYLES: Record<
  StyleId,
  { bold?: boolean; italic?: boolean; size?: number; color?: string; fill?: string; wrap?: boolean }
> = {
  title: { bold: true, size: 14, color: "#1F3864" },
  subtitle: { italic: true, color: "#595959" },
  header: { bold: true, color: "#FFFFFF", fill: "#1F3864" },
  input: { color: "#0000FF" },
  formula: { color: "#000000" },
  text: {},
  note: { italic: true, size: 9, color: "#595959" },
  check: { color: "#375623" },
};

/** The Excel number format for a unit. Ratios are fractions shown as percent. */
export const NUMBER_FORMATS: Record<Unit, string> = {
  "USD bn": "#,##0.0#",
  "USD tn": "#,##0.00",
  "USD m": "#,##0",
  "CNY 100m": "#,##0",
  "%": "0.0%",
  x: "0.00",
  count: "#,##0",
  "m people": "#,##0.0#",
  nm: "0",
  "N (nines)": "0",
  year: "0",
  years: "General",
  date: "yyyy-mm-dd",
};

/** Where the header row of every table sheet sits; data rows follow it. */
export const HEADER_ROW = 5;
const FIRST_ROW = HEADER_ROW + 1;
/** Columns of a table sheet, in order. */
const COLUMNS = ["item", "value", "unit", "period", "kind", "check", "where", "id"] as const;

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
} as const satisfies Record<string, StringId>;
type Column = keyof typeof HEADERS;
const VALUE_COL = "B";
const WIDTHS = [64, 12, 10, 12, 18, 18, 56, 40];

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

function header(lang: Lang, ids: readonly Column[]): PlanCell[] {
  return ids.map((c) => t(HEADERS[c], lang));
}

/** The article, identified: what it is about and when it was written (the licence date, from its fact). */
function articleNote(lang: Lang): string {
  const written = factById(ARTICLE.writtenAfter);
  return t("sheet.note.article", lang, {
    title: ARTICLE.title[lang],
    date: written ? formatDate(written.value, lang) : "",
  });
}

function titleBlocks(title: string, subtitle: string, lang: Lang): CellBlock[] {
  return [
    { address: "A1", cells: [[title]], style: "title" },
    { address: "A2", cells: [[subtitle]], style: "subtitle" },
    { address: "A3", cells: [[articleNote(lang)]], style: "note" },
    { address: "A4", cells: [[t("sheet.note.record", lang)]], style: "note" },
  ];
}

/**
 * Charts where a picture says it faster. Each charts article figures by id: one series per line
 * of ids, one category per figure of a series (labelled with the first series' periods); the chart's data is a small block of formulas beside the
 * table, so the picture follows the figures when an analyst overwrites them.
 */
export interface ChartSpec {
  readonly title: StringId;
  readonly kind: ChartPlan["kind"];
  readonly series: readonly { readonly name: StringId; readonly ids: readonly string[] }[];
}

export const CHART_SPECS: readonly ChartSpec[] = [
  {
    title: "sheet.chart.china_revenue",
    kind: "ColumnClustered",
    series: [{ name: "sheet.chart.series.china_revenue", ids: ["china_revenue_2023", "china_revenue_2024"] }],
  },
  {
    title: "sheet.chart.market_value",
    kind: "ColumnClustered",
    series: [{ name: "sheet.chart.series.market_value", ids: ["market_value_peak_2025", "market_value_after_fall"] }],
  },
  {
    title: "sheet.chart.mindspore",
    kind: "ColumnClustered",
    series: [{ name: "sheet.chart.series.mindspore", ids: ["mindspore_developers_2023", "mindspore_developers_2025"] }],
  },
  {
    title: "sheet.chart.paddlepaddle",
    kind: "ColumnClustered",
    series: [{ name: "sheet.chart.series.paddlepaddle", ids: ["paddlepaddle_share_2022", "paddlepaddle_share_2025"] }],
  },
  {
    title: "sheet.chart.itu",
    kind: "ColumnClustered",
    series: [
      {
        name: "sheet.chart.series.china",
        ids: ["itu_ai_standard_share_china_2020", "itu_ai_standard_share_china_2025"],
      },
      { name: "sheet.chart.series.us", ids: ["itu_ai_standard_share_us_2020", "itu_ai_standard_share_us_2025"] },
    ],
  },
  {
    title: "sheet.chart.us_equipment",
    kind: "ColumnClustered",
    series: [
      {
        name: "sheet.chart.series.us_equipment",
        ids: ["us_equipment_exports_china_2021", "us_equipment_exports_china_2024"],
      },
    ],
  },
];

/** Chart data sits from this column, the chart itself to its right. */
const CHART_DATA_COL = 9; // J
const CHART_ROWS = 16;

/** The chart blocks and charts of a table sheet: those whose first figure sits on it. */
function chartsFor(
  tableId: string,
  placed: Map<string, Placement>,
  lang: Lang,
): { blocks: CellBlock[]; charts: ChartPlan[] } {
  const ref = refFrom(placed, tableId);
  const mine = CHART_SPECS.filter((c) => {
    const ids = c.series.flatMap((s) => s.ids);
    return placed.get(ids[0])?.sheetKey === tableId && ids.every((id) => placed.has(id));
  });
  const blocks: CellBlock[] = [];
  const charts: ChartPlan[] = [];
  mine.forEach((c, i) => {
    const top = HEADER_ROW + i * CHART_ROWS;
    const left = colLetter(CHART_DATA_COL);
    const right = colLetter(CHART_DATA_COL + c.series.length);
    const first = c.series[0].ids.map((id) => (factById(id) ?? derivedById(id))!);
    const unit = first[0].unit;
    blocks.push(
      { address: at(left, top), cells: [[t(c.title, lang), ...c.series.map((s) => t(s.name, lang))]], style: "header" },
      {
        address: at(left, top + 1),
        cells: first.map((f, k) => [
          PERIODS[f.period][lang],
          ...c.series.map((s) => ({ formula: `=${ref(s.ids[k])}` })),
        ]),
        numberFormat: first.map(() => [TEXT, ...c.series.map(() => NUMBER_FORMATS[unit])]),
        style: "formula",
      },
    );
    charts.push({
      kind: c.kind,
      title: t(c.title, lang),
      source: `${at(left, top)}:${at(right, top + first.length)}`,
      from: at(colLetter(CHART_DATA_COL + c.series.length + 2), top),
      to: at(colLetter(CHART_DATA_COL + c.series.length + 8), top + CHART_ROWS - 2),
    });
  });
  return { blocks, charts };
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
      "value" in x ? x.value : { formula: derivationFormula(x.derivation, ref) },
      UNITS[x.unit][lang],
      PERIODS[x.period][lang],
      KINDS["value" in x ? x.kind : "derived"][lang],
      checkCell,
      "value" in x ? sourceOf(x, lang) : derivationText(x, lang),
      x.id,
    ]);
    formats.push(rowFormats(x.unit));
    styles.push({ row: cells.length, style: stated ? "input" : "formula" });
  }
  const last = HEADER_ROW + cells.length;
  const charts = chartsFor(table.id, placed, lang);
  const blocks: CellBlock[] = [
    ...titleBlocks(inLang(table, "title", lang), inLang(table, "description", lang), lang),
    { address: at("A", HEADER_ROW), cells: [header(lang, COLUMNS)], style: "header" },
    // one block per run of same-styled rows keeps formats per range, not per cell
    ...runs(styles).map(({ from, to, style }) => ({
      address: at("A", HEADER_ROW + from),
      cells: cells.slice(from - 1, to),
      numberFormat: formats.slice(from - 1, to),
      style,
    })),
    { address: at("A", last + 2), cells: notesOf(table, lang), style: "note" },
    ...charts.blocks,
  ];
  return {
    key: table.id,
    name: cleanSheetName(inLang(table, "sheetName", lang)),
    tabColor: "#1F3864",
    blocks,
    columns: WIDTHS.map((width, i) => ({ column: colLetter(i), width })),
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
const rowFormats = (unit: Unit): string[] =>
  COLUMNS.map((c) => (c === "value" ? NUMBER_FORMATS[unit] : c === "check" ? GENERAL : TEXT));

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

function checksSheet(placed: Map<string, Placement>, lang: Lang): SheetPlan | undefined {
  const ref = refFrom(placed, "checks");
  const rows = CHECKS.filter((c) => shown(c, placed));
  if (rows.length === 0) return undefined;
  const cols: Column[] = ["id", "stated", "derived", "difference", "tolerance", "status", "explanation"];
  const cells: PlanCell[][] = rows.map((c, i) => {
    const r = FIRST_ROW + i;
    return [
      c.id,
      typeof c.stated === "number" ? c.stated : { formula: `=${ref(c.stated)}` },
      { formula: `=${ref(c.derived)}` },
      { formula: `=C${r}-B${r}` },
      c.tolerance,
      checkStatusCell(c, ref, lang),
      inLang(c, "explanation", lang),
    ];
  });
  const fmt = rows.map((c) => {
    const u = NUMBER_FORMATS[derivedById(c.derived)!.unit];
    return [TEXT, u, u, u, u, GENERAL, TEXT];
  });
  const last = HEADER_ROW + rows.length;
  return {
    key: "checks",
    name: cleanSheetName(t("sheet.checks.name", lang)),
    tabColor: "#375623",
    blocks: [
      ...titleBlocks(t("sheet.checks.title", lang), t("sheet.checks.subtitle", lang), lang),
      { address: at("A", HEADER_ROW), cells: [header(lang, cols)], style: "header" },
      { address: at("A", FIRST_ROW), cells, numberFormat: fmt, style: "formula" },
    ],
    columns: [34, 12, 12, 12, 10, 18, 90].map((width, i) => ({ column: colLetter(i), width })),
    tables: [{ name: "tbl_checks", range: `A${HEADER_ROW}:G${last}`, style: "TableStyleLight11" }],
    charts: [],
    freezeRows: HEADER_ROW,
  };
}

/** The article's three scenarios for NVIDIA: text, with the figures that bear on each. */
function scenariosSheet(lang: Lang): SheetPlan {
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
      ...titleBlocks(title, t("sheet.scenarios.note", lang), lang),
      { address: at("A", HEADER_ROW), cells: [header(lang, ["scenario", "description", "related"])], style: "header" },
      { address: at("A", FIRST_ROW), cells, numberFormat: TEXT, style: "text" },
    ],
    columns: [30, 90, 60].map((width, i) => ({ column: colLetter(i), width })),
    tables: [{ name: "tbl_scenarios", range: `A${HEADER_ROW}:C${last}`, style: "TableStyleLight9" }],
    charts: [],
    freezeRows: HEADER_ROW,
  };
}

function aboutSheet(tables: readonly BaselineTable[], lang: Lang): SheetPlan {
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
      ...titleBlocks(t("sheet.about.title", lang), t("sheet.about.subtitle", lang), lang),
      { address: at("A", HEADER_ROW), cells: [header(lang, ["id", "sheet", "description"])], style: "header" },
      { address: at("A", FIRST_ROW), cells, numberFormat: TEXT, style: "text" },
      { address: at("A", FIRST_ROW + cells.length + 1), cells: source, style: "note" },
    ],
    columns: [28, 44, 90].map((width, i) => ({ column: colLetter(i), width })),
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
    aboutSheet(selected, lang),
    ...selected.map((tb) => tableSheet(tb, placed, checksByRow, lang)),
  ];
  if (withScenarios) sheets.push(scenariosSheet(lang));
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
  return { sheets, names };
}

/** The plan of one case alone (a new case from the pane). */
export function casePlan(spec: CaseSpec, lang: Lang, values?: CaseValues): WorkbookPlan {
  const c = caseSheet(spec, lang, values);
  return { sheets: [c.sheet], names: c.names };
}
