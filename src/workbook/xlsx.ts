/**
 * The file adapter: applies a {@link WorkbookPlan} to an exceljs workbook, for the command line
 * (`npm run workbook -- --out FILE.xlsx`). It writes what office.ts inserts with Excel.run: the
 * same sheets, cell blocks, native formulas, number formats, named styles and fonts, column widths
 * and wrapping, merged rows and their heights, frozen header rows, tab colours, Excel tables,
 * workbook-scoped names, print setup and charts (the charts and print names added to the package
 * by xlsx-package.ts, since exceljs writes no chart and quotes no sheet name in a print area).
 *
 * Every formula carries the result the model computes for it as its cached value, so a viewer that
 * never recalculates (a mail or file preview, a phone) shows the same figures as Excel, and
 * `fullCalcOnLoad` still makes Excel and LibreOffice compute everything when they open the file.
 * What exceljs cannot write (see {@link XLSX_LIMITATIONS}): the comment of a defined name.
 * The output is reproducible: fixed document dates and zip entry times, so two runs of the same
 * plan give the same bytes, for everyone.
 */
import * as ExcelJS from "exceljs";
import {
  absoluteCell,
  cellAddress,
  columnNumber,
  freeSheetName,
  parseBox,
  parseCell,
  quoteSheetName,
  resolveSheetRefs,
} from "./address";
import { blockBox } from "./layout";
import { BASE_SIZE, DEFAULT_FONT, STYLES } from "./styles";
import { completePackage } from "./xlsx-package";
import type { CellBlock, ChartPlan, PlanCell, SheetPlan, TablePlan, ValidationPlan, WorkbookPlan } from "./types";

/** The tool named in the file's document properties. */
export const WRITTEN_BY = "China-exposure workbench (npm run workbook)";

/**
 * The document dates of every file written: fixed, so that output does not depend on when it was
 * written. 1980-01-01 is also the earliest time a zip entry can carry (see normalizeZipTimes).
 */
export const REPRODUCIBLE_DATE = new Date(Date.UTC(1980, 0, 1));

/** Plan features this adapter cannot write with exceljs; the CLI says so. */
export const XLSX_LIMITATIONS = {
  nameComments: "exceljs cannot write the comment of a defined name (the taskpane's names have one)",
} as const;

/** "#1F3864" → exceljs' ARGB "FF1F3864". */
function argb(hex: string): string {
  const m = /^#?([0-9a-fA-F]{6})$/.exec(hex.trim());
  if (!m) throw new Error(`"${hex}" is not a #RRGGBB colour`);
  return `FF${m[1].toUpperCase()}`;
}

// ── sheet names ──────────────────────────────────────────────────────────────────────────────

/**
 * The tab name each sheet gets in a new workbook: its preferred name, made legal, and made unique
 * (Excel compares tab names without case) with a " (2)" suffix where two sheets would collide.
 */
export function finalSheetNames(plan: WorkbookPlan): Map<string, string> {
  const names = new Map<string, string>();
  for (const sheet of plan.sheets) {
    if (names.has(sheet.key)) throw new Error(`the plan has two sheets with the key "${sheet.key}"`);
    names.set(sheet.key, freeSheetName(sheet.name, names.values()));
  }
  return names;
}

// ── cells ────────────────────────────────────────────────────────────────────────────────────

const isFormula = (c: PlanCell): c is { readonly formula: string; readonly result?: string | number | boolean } =>
  typeof c === "object" && c !== null;

/**
 * An exceljs cell value for a plan cell: formulas without "=", sheet references resolved, and the
 * result the model computes for them as the cached value.
 */
function cellValue(cell: PlanCell, nameOf: (key: string) => string | undefined): ExcelJS.CellValue {
  if (cell === null) return null;
  if (isFormula(cell)) {
    const body = resolveSheetRefs(cell.formula.trim().replace(/^=/, ""), nameOf);
    if (typeof cell.result === "number" && !Number.isFinite(cell.result))
      throw new Error(`the formula ${cell.formula} has the result ${cell.result}, which no spreadsheet can store`);
    return (
      cell.result === undefined ? { formula: body } : { formula: body, result: cell.result }
    ) as ExcelJS.CellFormulaValue;
  }
  if (typeof cell === "number" && !Number.isFinite(cell))
    throw new Error(`a plan cell holds ${cell}, which no spreadsheet can store`);
  return cell;
}

function numberFormatAt(block: CellBlock, r: number, c: number): string | undefined {
  const f = block.numberFormat;
  if (f === undefined) return undefined;
  if (typeof f === "string") return f;
  const row = f[r];
  if (!row || row.length !== block.cells[r].length) {
    throw new Error(`the number formats of the block at ${block.address} do not have the shape of its cells`);
  }
  return row[c];
}

/** The exceljs font and fill of a named style, in the sheet's font. */
function styleOf(id: CellBlock["style"], fontName: string): { font: Partial<ExcelJS.Font>; fill?: ExcelJS.Fill } {
  const s = id === undefined ? {} : STYLES[id];
  if (!s) throw new Error(`unknown style "${id}"`);
  const font: Partial<ExcelJS.Font> = { name: fontName, size: s.size ?? BASE_SIZE };
  if (s.bold) font.bold = true;
  if (s.italic) font.italic = true;
  if (s.color) font.color = { argb: argb(s.color) };
  return {
    font,
    ...(s.fill ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } } as ExcelJS.Fill } : {}),
  };
}

function writeBlock(
  ws: ExcelJS.Worksheet,
  sheet: SheetPlan,
  block: CellBlock,
  nameOf: (key: string) => string | undefined,
): void {
  const origin = parseCell(block.address);
  const style = styleOf(block.style, sheet.font ?? DEFAULT_FONT);
  const wrapStyle = !!(block.style && STYLES[block.style].wrap) || !!block.wrap;
  const wrapColumns = new Set(sheet.columns.filter((c) => c.wrap).map((c) => columnNumber(c.column)));
  const width = block.cells[0]?.length ?? 0;
  block.cells.forEach((row, r) => {
    if (row.length !== width) throw new Error(`the block at ${block.address} has rows of different lengths`);
    row.forEach((planCell, c) => {
      const cell = ws.getCell(origin.row + r, origin.col + c);
      cell.value = cellValue(planCell, nameOf);
      cell.font = style.font;
      if (style.fill) cell.fill = style.fill;
      const wrap = !!block.span || wrapStyle || wrapColumns.has(origin.col + c);
      cell.alignment = { vertical: "top", wrapText: wrap };
      const fmt = numberFormatAt(block, r, c);
      if (fmt !== undefined) cell.numFmt = fmt;
    });
  });
  if (block.span) {
    const box = blockBox(block);
    if (box.left !== box.right - block.span + 1 || width !== 1) {
      throw new Error(`the block at ${block.address} spans columns, so it must be one column wide`);
    }
    for (let r = box.top; r <= box.bottom; r++) ws.mergeCells(r, box.left, r, box.right);
  }
}

// ── tables ───────────────────────────────────────────────────────────────────────────────────

/**
 * An Excel table over cells the blocks already wrote. exceljs' addTable writes the table's
 * header and rows itself, so it is given exactly what is on the sheet (header texts, values,
 * formulas): the cells keep their values and the formats and fonts the blocks gave them.
 */
function addTable(ws: ExcelJS.Worksheet, sheetName: string, table: TablePlan): void {
  if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(table.name)) {
    throw new Error(`table name "${table.name}" is not a legal Excel table name`);
  }
  const box = parseBox(table.range);
  const tl = { row: box.top, col: box.left };
  const br = { row: box.bottom, col: box.right };
  if (br.row === tl.row) throw new Error(`table ${table.name} (${table.range}) has a header but no rows`);
  const columns: ExcelJS.TableColumnProperties[] = [];
  const seen = new Set<string>();
  for (let col = tl.col; col <= br.col; col++) {
    const v = ws.getCell(tl.row, col).value;
    const name = v === null || v === undefined ? "" : String(v).trim();
    const where = `'${sheetName}'!${cellAddress(tl.row, col)}`;
    if (name === "" || typeof v === "object") {
      throw new Error(`table ${table.name}: its header cell ${where} must hold a text`);
    }
    if (seen.has(name.toLowerCase()))
      throw new Error(`table ${table.name}: the header "${name}" at ${where} is repeated`);
    seen.add(name.toLowerCase());
    columns.push({ name, filterButton: true });
  }
  const rows: ExcelJS.CellValue[][] = [];
  for (let row = tl.row + 1; row <= br.row; row++) {
    const values: ExcelJS.CellValue[] = [];
    for (let col = tl.col; col <= br.col; col++) values.push(ws.getCell(row, col).value);
    rows.push(values);
  }
  ws.addTable({
    name: table.name,
    displayName: table.name,
    ref: cellAddress(tl.row, tl.col),
    headerRow: true,
    totalsRow: false,
    style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns,
    rows,
  });
}

// ── the workbook ─────────────────────────────────────────────────────────────────────────────

function writeSheet(
  wb: ExcelJS.Workbook,
  sheet: SheetPlan,
  name: string,
  nameOf: (key: string) => string | undefined,
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, {
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views:
      sheet.freezeRows > 0
        ? [{ state: "frozen", xSplit: 0, ySplit: sheet.freezeRows, topLeftCell: `A${sheet.freezeRows + 1}` }]
        : [{}],
  });
  for (const { column, width, hidden } of sheet.columns) {
    const col = ws.getColumn(columnNumber(column));
    col.width = width;
    if (hidden) col.hidden = true;
  }
  for (const block of sheet.blocks) writeBlock(ws, sheet, block, nameOf);
  for (const { row, height } of sheet.rowHeights ?? []) ws.getRow(row).height = height;
  for (const table of sheet.tables) addTable(ws, name, table);
  for (const v of sheet.validations ?? []) addValidation(ws, v);
  if (sheet.page) {
    // the print area and titles are sheet-scoped names: xlsx-package.ts writes them
    const p = sheet.page;
    Object.assign(ws.pageSetup, {
      orientation: p.orientation,
      fitToPage: true,
      fitToWidth: p.fitToWidth,
      fitToHeight: 0,
      margins: { ...p.margins },
    });
    ws.headerFooter.oddFooter = `&C${p.footer}`;
  }
  return ws;
}

/** A rule on every cell of a range, as Excel's Data Validation stores it (exceljs writes one per cell). */
function addValidation(ws: ExcelJS.Worksheet, v: ValidationPlan): void {
  const box = parseBox(v.range);
  const rule: ExcelJS.DataValidation =
    v.rule.kind === "list"
      ? { type: "list", allowBlank: true, formulae: [`"${v.rule.values.join(",")}"`] }
      : v.rule.max === undefined
        ? {
            type: "decimal",
            operator: v.rule.minExclusive ? "greaterThan" : "greaterThanOrEqual",
            allowBlank: true,
            formulae: [v.rule.min ?? 0],
          }
        : { type: "decimal", operator: "between", allowBlank: true, formulae: [v.rule.min ?? 0, v.rule.max] };
  for (let r = box.top; r <= box.bottom; r++) {
    for (let c = box.left; c <= box.right; c++) {
      ws.getCell(r, c).dataValidation = {
        ...rule,
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: v.title,
        error: v.message,
      };
    }
  }
}

/**
 * Applies a plan to a new exceljs workbook: every sheet in plan order, with its blocks, formats,
 * styles, widths, frozen rows, tab colour and tables, then the workbook-scoped names. Throws on a
 * plan bug (a formula naming a sheet the plan lacks, a malformed address, a table over empty headers).
 */
export function writePlan(plan: WorkbookPlan): ExcelJS.Workbook {
  const names = finalSheetNames(plan);
  const nameOf = (key: string) => names.get(key);
  const wb = new ExcelJS.Workbook();
  wb.creator = WRITTEN_BY;
  wb.lastModifiedBy = WRITTEN_BY;
  wb.title = "China-exposure workbench: baseline";
  wb.subject = "NVIDIA's China exposure after the US H20 export-licence requirement";
  wb.keywords = "china-exposure-workbench baseline";
  wb.description =
    `Written by ${WRITTEN_BY} from the add-in's workbook plan. Formulas carry the results the model ` +
    `computes as their cached values; the spreadsheet computes them again on open. Sheets (plan key = tab name): ` +
    plan.sheets.map((s) => `${s.key} = ${names.get(s.key)}`).join("; ");
  wb.created = REPRODUCIBLE_DATE;
  wb.modified = REPRODUCIBLE_DATE;
  wb.calcProperties.fullCalcOnLoad = true;

  const tableNames = new Set<string>();
  for (const t of plan.sheets.flatMap((s) => s.tables)) {
    if (tableNames.has(t.name.toLowerCase())) throw new Error(`the plan has two tables named ${t.name}`);
    tableNames.add(t.name.toLowerCase());
  }
  for (const sheet of plan.sheets) writeSheet(wb, sheet, names.get(sheet.key)!, nameOf);

  const definedNames = new Set<string>();
  for (const n of plan.names) {
    const sheetName = names.get(n.sheetKey);
    if (sheetName === undefined)
      throw new Error(`name ${n.name} points at sheet "${n.sheetKey}", which is not in the plan`);
    if (definedNames.has(n.name.toLowerCase())) throw new Error(`the plan defines the name ${n.name} twice`);
    if (tableNames.has(n.name.toLowerCase())) throw new Error(`the name ${n.name} is also the name of a table`);
    definedNames.add(n.name.toLowerCase());
    wb.definedNames.add(`${quoteSheetName(sheetName)}!${absoluteCell(n.address)}`, n.name);
  }
  return wb;
}

/**
 * Sets every zip entry's DOS time and date to 1980-01-01 00:00 (JSZip stamps entries with the
 * time of writing), in the local headers and the central directory, so that output is reproducible.
 */
export function normalizeZipTimes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
  let eocd = -1;
  for (let p = out.length - 22; p >= Math.max(0, out.length - 22 - 0xffff); p--) {
    if (out.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw new Error("the written workbook is not a zip file");
  const entries = out.readUInt16LE(eocd + 10);
  let p = out.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (out.readUInt32LE(p) !== 0x02014b50) throw new Error("the written workbook has a malformed zip directory");
    out.writeUInt16LE(0, p + 12);
    out.writeUInt16LE(DOS_DATE_1980_01_01, p + 14);
    const local = out.readUInt32LE(p + 42);
    if (out.readUInt32LE(local) !== 0x04034b50) throw new Error("the written workbook has a malformed zip entry");
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(DOS_DATE_1980_01_01, local + 12);
    p += 46 + out.readUInt16LE(p + 28) + out.readUInt16LE(p + 30) + out.readUInt16LE(p + 32);
  }
  return out;
}

/** The plan as .xlsx bytes, charts included: the same plan gives the same bytes, whenever and wherever it is written. */
export async function planToXlsx(plan: WorkbookPlan): Promise<Buffer> {
  const wb = writePlan(plan);
  // stored, not deflated: completePackage opens the package again and compresses every part once
  // (JSZip deflates at the same level, so the bytes are the same as from deflating twice)
  const bytes = Buffer.from((await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } })) as ArrayBuffer);
  const names = finalSheetNames(plan);
  const written = plan.sheets.map((s) => {
    const ws = wb.getWorksheet(names.get(s.key)!);
    if (!ws) throw new Error(`the workbook lacks the sheet "${names.get(s.key)}"`);
    return { id: ws.id, name: ws.name, plan: s };
  });
  return normalizeZipTimes(await completePackage(bytes, written, REPRODUCIBLE_DATE));
}

// ── what a file holds ────────────────────────────────────────────────────────────────────────

export interface SheetSummary {
  readonly key: string;
  /** the tab name in the file */
  readonly name: string;
  readonly tables: readonly { readonly name: string; readonly range: string }[];
  readonly formulas: number;
}

export interface WrittenChart {
  readonly sheet: string;
  readonly chart: ChartPlan;
}

export interface XlsxSummary {
  readonly sheets: readonly SheetSummary[];
  readonly tables: number;
  readonly formulas: number;
  /** formulas that carry the result the model computes (a viewer that never recalculates shows it) */
  readonly storedResults: number;
  readonly names: number;
  readonly charts: readonly WrittenChart[];
}

/** What {@link planToXlsx} writes for a plan: sheets, tables, formulas and their stored results, names, charts. */
export function summarizePlan(plan: WorkbookPlan): XlsxSummary {
  const names = finalSheetNames(plan);
  const formulasOf = (s: SheetPlan) => s.blocks.flatMap((b) => b.cells.flatMap((row) => row.filter(isFormula)));
  const sheets: SheetSummary[] = plan.sheets.map((s) => ({
    key: s.key,
    name: names.get(s.key)!,
    tables: s.tables.map((t) => ({ name: t.name, range: t.range })),
    formulas: formulasOf(s).length,
  }));
  return {
    sheets,
    tables: sheets.reduce((n, s) => n + s.tables.length, 0),
    formulas: sheets.reduce((n, s) => n + s.formulas, 0),
    storedResults: plan.sheets.flatMap(formulasOf).filter((f) => f.result !== undefined).length,
    names: plan.names.length,
    charts: plan.sheets.flatMap((s) => s.charts.map((chart) => ({ sheet: names.get(s.key)!, chart }))),
  };
}
