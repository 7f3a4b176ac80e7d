/**
 * The Office.js adapter: applies a WorkbookPlan to the open workbook inside ONE `Excel.run`, with a
 * constant number of `context.sync()` calls whatever the number of sheets (three when it works):
 *
 *   1. read   — the sheet list, workbook and sheet protection, table and defined names, and for every
 *               sheet the add-in made before (its index, see SheetIndexStore) its mark, protection,
 *               tables, charts and current contents;
 *   2. write  — with calculation suspended: every block as whole 2-D arrays (number formats, then
 *               formulas, then the number formats of formula cells), formats per block, tables over
 *               the written ranges, charts, names; then it loads back what Excel stored;
 *   3. finish — marks each sheet with its plan key and a fingerprint of what Excel stored, removes the
 *               charts the refresh replaced, activates the first sheet.
 *
 * Nothing the user wrote is lost: a sheet is the add-in's own only if it carries the add-in's mark
 * (a worksheet custom property) AND the add-in's index lists it; a sheet of the same name that is not
 * its own is never touched (the new sheet gets a free name); an own sheet whose cells no longer match
 * its fingerprint (the user edited it) is kept as it is and a new version is written beside it. A
 * failure after writing started runs an undo that deletes what this run created and puts back what it
 * refreshed. The result is a typed report, never an exception.
 */
import { STYLES } from "./plan";
import { resolveSheetRefs } from "./refs";
import type { CellBlock, PlanCell, SheetPlan, WorkbookPlan } from "./types";
import { countingSync } from "./sync";

/** The worksheet custom property that marks a sheet as the add-in's own. */
export const MARK_KEY = "ChinaExposureWorkbench";
/** The document setting that lists the add-in's sheets (id and plan key). */
export const INDEX_SETTING = "ChinaExposureWorkbench.sheets";
/** context.sync() calls of a successful insert, whatever the plan: read, write, finish. */
export const INSERT_SYNCS = 3;

// ---------------------------------------------------------------------------------------------
// A1 addresses
// ---------------------------------------------------------------------------------------------

/** "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1 → "A", 27 → "AA". */
export function columnLetters(n: number): string {
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** "C5" or "$C$5" → { row: 5, col: 3 }. */
export function parseCell(a1: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`"${a1}" is not a cell address`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** The address without its sheet part: "'China revenue'!A1:H9" → "A1:H9". */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang < 0 ? address : address.slice(bang + 1);
}

/** "A1:H9" (a sheet part is ignored) → its box; a single cell is a 1×1 box. */
export function parseBox(address: string): Box {
  const [a, b] = localAddress(address).split(":");
  const p = parseCell(a);
  const q = b === undefined ? p : parseCell(b);
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

export function boxAddress(box: Box): string {
  const a = cellAddress(box.top, box.left);
  return box.top === box.bottom && box.left === box.right ? a : `${a}:${cellAddress(box.bottom, box.right)}`;
}

/** The range a block of `rows` × `cols` cells covers from its top-left cell. */
export function blockAddress(topLeft: string, rows: number, cols: number): string {
  const { row, col } = parseCell(topLeft);
  return boxAddress({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 });
}

/** "$B$6" from "B6": the absolute form a defined name refers to. */
export function absoluteCell(a1: string): string {
  const { row, col } = parseCell(a1);
  return `$${columnLetters(col)}$${row}`;
}

// ---------------------------------------------------------------------------------------------
// Sheet names and fingerprints
// ---------------------------------------------------------------------------------------------

/** Excel refuses these tab names whatever the case. */
const RESERVED_SHEET_NAMES = new Set(["history"]);

/**
 * `preferred` if no sheet has it (Excel compares tab names case-insensitively), else
 * "preferred (2)", "preferred (3)" … shortened so the whole stays within 31 characters.
 */
export function freeSheetName(preferred: string, taken: ReadonlySet<string>): string {
  const base =
    preferred
      .replace(/[:\\/?*[\]]/g, " ")
      .trim()
      .slice(0, 31)
      .trim() || "Sheet";
  const free = (n: string) => !taken.has(n.toLowerCase()) && !RESERVED_SHEET_NAMES.has(n.toLowerCase());
  if (free(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length).trimEnd() + suffix;
    if (free(name)) return name;
  }
}

/** A table or defined name not yet used: `preferred`, else preferred_2, preferred_3 … */
export function freeIdentifier(preferred: string, taken: ReadonlySet<string>): string {
  if (!taken.has(preferred.toLowerCase())) return preferred;
  for (let i = 2; ; i++) {
    const name = `${preferred}_${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** A 53-bit string hash (cyrb53), as 14 hex digits: enough to notice an edit, not a security check. */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A formula with every reference to one of the add-in's sheets written as `{{key}}!`, so that
 * renaming a sheet (Excel rewrites the formulas that point to it) does not count as an edit.
 */
export function canonicalFormula(formula: string, keyOfSheet: ReadonlyMap<string, string>): string {
  if (!formula.startsWith("=") || keyOfSheet.size === 0) return formula;
  let out = formula.replace(/'((?:[^']|'')+)'!/g, (m, quoted: string) => {
    const key = keyOfSheet.get(quoted.replace(/''/g, "'").toLowerCase());
    return key === undefined ? m : `{{${key}}}!`;
  });
  const plain = [...keyOfSheet.keys()].filter((n) => /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(n));
  if (plain.length > 0) {
    plain.sort((a, b) => b.length - a.length);
    const re = new RegExp(`(^|[^\\p{L}\\p{N}_.'{}])(${plain.map(escapeRegExp).join("|")})!`, "giu");
    out = out.replace(re, (_m, pre: string, name: string) => `${pre}{{${keyOfSheet.get(name.toLowerCase())}}}!`);
  }
  return out;
}

/**
 * What a sheet holds, as Excel reports it: the formulas (constants for plain cells) of its used
 * range, every non-empty cell with its address, references to the add-in's sheets canonical.
 */
export function contentFingerprint(
  usedAddress: string | undefined,
  formulas: readonly (readonly unknown[])[] | undefined,
  keyOfSheet: ReadonlyMap<string, string>,
): string {
  const entries: string[] = [];
  if (usedAddress && formulas) {
    const box = parseBox(usedAddress);
    formulas.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "" || v === null || v === undefined) return;
        const text = typeof v === "string" ? canonicalFormula(v, keyOfSheet) : `${typeof v}:${String(v)}`;
        entries.push(`${cellAddress(box.top + r, box.left + c)}=${text}`);
      }),
    );
  }
  return hash53(entries.join("\u0001"));
}

/** A hash of the sheet as planned (sheet references still as keys): equal plans, equal hashes. */
export function planFingerprint(sheet: SheetPlan): string {
  return hash53(JSON.stringify(sheet));
}

/** The add-in's mark on a sheet. Kept short: Excel trims property values beyond 255 characters. */
export interface SheetMark {
  readonly v: 1;
  /** plan key */
  readonly k: string;
  /** fingerprint of the contents as Excel stored them; "" while a write is under way */
  readonly f: string;
  /** fingerprint of the plan the sheet was written from */
  readonly p: string;
  /** the name the add-in gave the sheet (a different current name means the user renamed it) */
  readonly n: string;
  /** its tables as written: name → range (what the undo re-creates) */
  readonly t?: Readonly<Record<string, string>>;
}

export function parseMark(value: unknown): SheetMark | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const m = JSON.parse(value) as Partial<SheetMark>;
    if (m && m.v === 1 && typeof m.k === "string" && typeof m.f === "string") {
      const t = m.t && typeof m.t === "object" ? (m.t as Record<string, string>) : undefined;
      return { v: 1, k: m.k, f: m.f, p: typeof m.p === "string" ? m.p : "", n: typeof m.n === "string" ? m.n : "", t };
    }
  } catch {
    // not ours
  }
  return undefined;
}

/** The sheet a defined name's formula points to ("='China revenue'!$B$6" → "China revenue"). */
export function sheetOfReference(formula: unknown): string | undefined {
  if (typeof formula !== "string") return undefined;
  const quoted = /^='((?:[^']|'')+)'!/.exec(formula);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^=([^'!=]+)!/.exec(formula);
  return plain ? plain[1] : undefined;
}

// ---------------------------------------------------------------------------------------------
// The index of the add-in's sheets
// ---------------------------------------------------------------------------------------------

export interface IndexEntry {
  readonly id: string;
  readonly key: string;
}

/**
 * Where the add-in lists the sheets it made, so that the first sync can read them directly (a
 * worksheet custom property can only be read once the sheet is known). The mark on the sheet stays
 * the authority: an index entry whose sheet lacks the mark is ignored.
 */
export interface SheetIndexStore {
  read(): IndexEntry[];
  write(entries: readonly IndexEntry[]): Promise<void>;
}

/** The index in the document's add-in settings (saved with the workbook). */
export const officeSettingsIndex: SheetIndexStore = {
  read() {
    try {
      const raw: unknown = Office.context.document.settings.get(INDEX_SETTING);
      if (!Array.isArray(raw)) return [];
      return raw.filter((e): e is IndexEntry => !!e && typeof e.id === "string" && typeof e.key === "string");
    } catch {
      return [];
    }
  },
  write(entries) {
    return new Promise((resolve) => {
      try {
        const settings = Office.context.document.settings;
        settings.set(
          INDEX_SETTING,
          entries.map((e) => ({ id: e.id, key: e.key })),
        );
        settings.saveAsync(() => resolve());
      } catch {
        resolve();
      }
    });
  },
};

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

/** created: a new sheet; refreshed: the add-in's own sheet rewritten in place; unchanged: the same,
 * its contents were already those of the plan; new_version: the own sheet had the user's edits, so
 * they were kept and the plan went to a new sheet beside it (`editedSheet`). */
export type SheetOutcome = "created" | "refreshed" | "unchanged" | "new_version";

export interface SheetResult {
  readonly key: string;
  readonly name: string;
  readonly id: string;
  readonly outcome: SheetOutcome;
  /** for new_version: the sheet that keeps the user's edits */
  readonly editedSheet?: string;
}

/** taken: the name exists and is not the add-in's; on_edited_sheet: it points into a sheet the user
 * edited, and stays there; sheet_not_inserted: its sheet is not part of this insert. */
export type NameSkipReason = "taken" | "on_edited_sheet" | "sheet_not_inserted";

export interface NameSkip {
  readonly name: string;
  readonly reason: NameSkipReason;
}

export type InsertErrorKind =
  | "not_supported" // Excel lacks the API this needs (ExcelApi 1.12)
  | "cell_edit_mode" // a cell is being edited
  | "workbook_protected" // the workbook structure is protected: no sheet can be added
  | "sheet_protected" // one of the add-in's sheets is protected
  | "read_failed" // Excel refused to read the workbook; nothing was changed
  | "write_failed" // Excel refused a change; everything this run did was undone
  | "cleanup_incomplete" // …and the undo itself failed: some sheets need a look
  | "invalid_plan"; // a bug: the plan is malformed

export interface InsertError {
  readonly kind: InsertErrorKind;
  /** the sheet concerned, when there is one */
  readonly sheet?: string;
  /** the technical message, for the details line */
  readonly detail: string;
}

export interface CleanupReport {
  /** sheets this run created and then deleted */
  readonly deleted: string[];
  /** own sheets this run had started to refresh and put back */
  readonly restored: string[];
  readonly complete: boolean;
}

export interface InsertReport {
  readonly ok: boolean;
  readonly sheets: SheetResult[];
  readonly namesWritten: number;
  readonly namesSkipped: NameSkip[];
  /** context.sync() calls made, the undo's included */
  readonly syncs: number;
  readonly error?: InsertError;
  readonly cleanup?: CleanupReport;
}

export type InsertPhase = "reading" | "writing" | "finishing" | "undoing";

export interface InsertOptions {
  readonly onProgress?: (phase: InsertPhase) => void;
  /** where the add-in's sheets are listed; the document settings by default */
  readonly index?: SheetIndexStore;
  /** tags the charts of this run (the undo removes exactly those); random by default */
  readonly runId?: string;
}

// ---------------------------------------------------------------------------------------------
// Plan checks and cell grids
// ---------------------------------------------------------------------------------------------

const isFormulaCell = (c: PlanCell): c is { readonly formula: string } => typeof c === "object" && c !== null;

/** Structural problems of a plan (a bug, not a user error); empty when it is sound. */
export function planProblems(plan: WorkbookPlan): string[] {
  const problems: string[] = [];
  const keys = new Set<string>();
  for (const sheet of plan.sheets) {
    if (keys.has(sheet.key)) problems.push(`sheet key "${sheet.key}" appears twice`);
    keys.add(sheet.key);
    if (!/^[a-z0-9_]+$/.test(sheet.key)) problems.push(`sheet key "${sheet.key}" is not snake_case`);
    for (const block of sheet.blocks) {
      const width = block.cells[0]?.length ?? 0;
      if (block.cells.length === 0 || width === 0) problems.push(`${sheet.key}!${block.address}: empty block`);
      if (block.cells.some((r) => r.length !== width)) problems.push(`${sheet.key}!${block.address}: ragged rows`);
      if (Array.isArray(block.numberFormat)) {
        const f = block.numberFormat as readonly (readonly string[])[];
        if (f.length !== block.cells.length || f.some((r) => r.length !== width)) {
          problems.push(`${sheet.key}!${block.address}: number formats do not match the cells`);
        }
      }
      try {
        parseCell(block.address);
      } catch {
        problems.push(`${sheet.key}: bad block address ${block.address}`);
      }
    }
  }
  for (const n of plan.names) {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(n.name)) problems.push(`name "${n.name}" is not a valid Excel name`);
  }
  return problems;
}

/** The three arrays a block is written with (null leaves a cell alone, as Excel's 2-D setters do). */
export interface BlockArrays {
  readonly address: string;
  /** number formats of the plain cells, set before their values (so "2024" typed as text stays text) */
  readonly formatsBefore?: (string | null)[][];
  readonly formulas: (string | number | boolean | null)[][];
  /** number formats of the formula cells, set after them (a formula typed into a Text cell stays text) */
  readonly formatsAfter?: (string | null)[][];
}

/** A block as the 2-D arrays Excel is given, its `{{key}}!` references resolved by `nameOf`. */
export function blockArrays(block: CellBlock, nameOf: (key: string) => string | undefined): BlockArrays {
  const rows = block.cells.length;
  const cols = block.cells[0].length;
  const given = block.numberFormat;
  const formatAt = (r: number, c: number): string | undefined =>
    given === undefined ? undefined : typeof given === "string" ? given : given[r][c];
  const before: (string | null)[][] = [];
  const after: (string | null)[][] = [];
  let anyBefore = false;
  let anyAfter = false;
  const formulas = block.cells.map((row, r) => {
    const b: (string | null)[] = [];
    const a: (string | null)[] = [];
    const out = row.map((cell, c) => {
      let fmt = formatAt(r, c);
      if (isFormulaCell(cell)) {
        b.push(null);
        a.push(fmt ?? null);
        anyAfter ||= fmt !== undefined;
        return resolveSheetRefs(cell.formula, nameOf);
      }
      // text stays text: without a format of its own, a string cell is formatted as Text first
      if (fmt === undefined && typeof cell === "string") fmt = "@";
      b.push(fmt ?? null);
      a.push(null);
      anyBefore ||= fmt !== undefined;
      return cell;
    });
    before.push(b);
    after.push(a);
    return out;
  });
  return {
    address: blockAddress(block.address, rows, cols),
    formatsBefore: anyBefore ? before : undefined,
    formulas,
    formatsAfter: anyAfter ? after : undefined,
  };
}

/** Column width in characters (exceljs' unit) to points (Office.js' unit), Calibri 11 metrics. */
export function widthToPoints(chars: number): number {
  return Math.round((Math.trunc(((chars * 7 + 5) / 7) * 256) / 256) * 7 * 0.75 * 100) / 100;
}

function queueBlock(sheet: Excel.Worksheet, arrays: BlockArrays): Excel.Range {
  const range = sheet.getRange(arrays.address);
  if (arrays.formatsBefore) range.numberFormat = arrays.formatsBefore;
  range.formulas = arrays.formulas;
  if (arrays.formatsAfter) range.numberFormat = arrays.formatsAfter;
  return range;
}

function queueStyle(range: Excel.Range, block: CellBlock): void {
  if (!block.style) return;
  const s = STYLES[block.style];
  const font = range.format.font;
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.size !== undefined) font.size = s.size;
  if (s.color !== undefined) font.color = s.color;
  if (s.fill !== undefined) range.format.fill.color = s.fill;
  if (s.wrap !== undefined) range.format.wrapText = s.wrap;
}

// ---------------------------------------------------------------------------------------------
// Reading the workbook (sync 1)
// ---------------------------------------------------------------------------------------------

interface OwnSheet {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly tabColor: string;
  readonly visible: boolean;
  readonly protected: boolean;
  readonly mark: SheetMark;
  readonly markValue: string;
  readonly sheet: Excel.Worksheet;
  readonly tables: Excel.Table[];
  /** the charts the add-in made on it (a chart the user added is not among them) */
  readonly charts: Excel.Chart[];
  /** comments on the sheet: someone wrote them, so the sheet counts as edited */
  readonly comments: number;
  readonly usedAddress?: string;
  readonly formulas?: unknown[][];
  readonly numberFormats?: unknown[][];
  /** filled once every own sheet is known */
  currentFingerprint: string;
}

interface WorkbookState {
  readonly structureProtected: boolean;
  readonly sheetNames: string[];
  readonly tableNames: string[];
  readonly names: { name: string; formula: unknown; comment: string; item: Excel.NamedItem }[];
  readonly own: OwnSheet[];
}

interface OwnReads {
  readonly sheet: Excel.Worksheet;
  readonly mark: Excel.WorksheetCustomProperty;
  readonly used: Excel.Range;
  readonly comments: OfficeExtension.ClientResult<number>;
}

/** The add-in names its charts "<plan key>.<run id>.<n>". */
export function isOwnChartName(name: string, key: string): boolean {
  return name.startsWith(`${key}.`) && /^[a-z0-9_]+\.[a-z0-9]+\.\d+$/.test(name);
}

function queueInventory(context: Excel.RequestContext) {
  const wb = context.workbook;
  wb.protection.load("protected");
  wb.worksheets.load("items/name,items/id");
  wb.tables.load("items/name");
  wb.names.load("items/name,items/formula,items/comment");
}

function queueOwnReads(sheets: readonly Excel.Worksheet[]): OwnReads[] {
  return sheets.map((sheet): OwnReads => {
    sheet.load("name,id,position,tabColor,visibility");
    sheet.protection.load("protected");
    sheet.tables.load("items/name,items/style");
    sheet.charts.load("items/name");
    const mark = sheet.customProperties.getItemOrNullObject(MARK_KEY);
    mark.load("value");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address,formulas,numberFormat");
    const comments = sheet.comments.getCount();
    return { sheet, mark, used, comments };
  });
}

function collectState(context: Excel.RequestContext, reads: readonly OwnReads[]): WorkbookState {
  const wb = context.workbook;
  const own: OwnSheet[] = [];
  for (const r of reads) {
    if (r.mark.isNullObject) continue;
    const mark = parseMark(r.mark.value);
    if (!mark) continue;
    if (own.some((o) => o.id === r.sheet.id)) continue;
    own.push({
      id: r.sheet.id,
      name: r.sheet.name,
      position: r.sheet.position,
      tabColor: r.sheet.tabColor,
      visible: r.sheet.visibility === "Visible",
      protected: r.sheet.protection.protected,
      mark,
      markValue: r.mark.value,
      sheet: r.sheet,
      tables: r.sheet.tables.items,
      charts: r.sheet.charts.items.filter((c) => isOwnChartName(c.name, mark.k)),
      comments: r.comments.value,
      usedAddress: r.used.isNullObject ? undefined : r.used.address,
      formulas: r.used.isNullObject ? undefined : r.used.formulas,
      numberFormats: r.used.isNullObject ? undefined : r.used.numberFormat,
      currentFingerprint: "",
    });
  }
  const keyOfSheet = new Map(own.map((o) => [o.name.toLowerCase(), o.mark.k]));
  for (const o of own) {
    o.currentFingerprint = o.comments > 0 ? "commented" : contentFingerprint(o.usedAddress, o.formulas, keyOfSheet);
  }
  return {
    structureProtected: wb.protection.protected,
    sheetNames: wb.worksheets.items.map((s) => s.name),
    tableNames: wb.tables.items.map((t) => t.name),
    names: wb.names.items.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment, item: n })),
    own,
  };
}

const errorCode = (e: unknown): string =>
  typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string"
    ? (e as { code: string }).code
    : "";

/**
 * Sync 1. The index names the sheets to read in full. When one of them is gone (the user deleted it,
 * so `getItem` fails), the add-in finds its sheets by their marks instead: three more syncs, once,
 * after which the index is right again.
 */
async function readWorkbook(
  context: Excel.RequestContext,
  entries: readonly IndexEntry[],
  sync: () => Promise<void>,
): Promise<WorkbookState> {
  const wb = context.workbook;
  queueInventory(context);
  const reads = queueOwnReads(entries.map((e) => wb.worksheets.getItem(e.id)));
  try {
    await sync();
    return collectState(context, reads);
  } catch (e) {
    if (entries.length === 0 || errorCode(e) !== "ItemNotFound") throw e;
  }
  // fallback: the sheet list, then every sheet's mark, then the marked sheets in full
  queueInventory(context);
  await sync();
  const all = wb.worksheets.items;
  const marks = all.map((sheet) => {
    const mark = sheet.customProperties.getItemOrNullObject(MARK_KEY);
    mark.load("value");
    return mark;
  });
  await sync();
  const again = queueOwnReads(all.filter((_, i) => !marks[i].isNullObject && parseMark(marks[i].value)));
  await sync();
  return collectState(context, again);
}

// ---------------------------------------------------------------------------------------------
// Deciding what to write (no Office calls)
// ---------------------------------------------------------------------------------------------

interface SheetTask {
  readonly plan: SheetPlan;
  readonly outcome: SheetOutcome;
  /** the final tab name */
  readonly name: string;
  /** refreshed/unchanged: the own sheet rewritten in place */
  readonly target?: OwnSheet;
  /** new_version: the own sheet that keeps the user's edits */
  readonly edited?: OwnSheet;
  /** final table names, in plan order */
  readonly tableNames: string[];
  readonly planHash: string;
  /** the blocks as the arrays Excel is given, references resolved (filled before anything is queued) */
  arrays: BlockArrays[];
}

interface NameTask {
  readonly name: string;
  readonly sheetKey: string;
  readonly address: string;
  readonly comment: string;
  /** an existing name of the add-in's, re-pointed */
  readonly existing?: WorkbookState["names"][number];
}

interface Decision {
  readonly tasks: SheetTask[];
  readonly names: NameTask[];
  readonly skipped: NameSkip[];
  readonly error?: InsertError;
}

function decide(plan: WorkbookPlan, state: WorkbookState): Decision {
  const takenSheets = new Set(state.sheetNames.map((n) => n.toLowerCase()));
  const tasks: SheetTask[] = [];
  const claimed = new Set<string>();
  for (const sheet of plan.sheets) {
    const candidates = state.own
      .filter((o) => o.mark.k === sheet.key && !claimed.has(o.id))
      .sort((a, b) => a.position - b.position);
    const clean = candidates.find((o) => o.mark.f !== "" && o.mark.f === o.currentFingerprint);
    const planHash = planFingerprint(sheet);
    if (clean) {
      claimed.add(clean.id);
      if (clean.protected) {
        return {
          tasks,
          names: [],
          skipped: [],
          error: { kind: "sheet_protected", sheet: clean.name, detail: clean.name },
        };
      }
      // follow the plan's name (a language switch) unless the user renamed the sheet or the name is taken
      let name = clean.name;
      if (clean.name === clean.mark.n && sheet.name !== clean.name) {
        const free = freeSheetName(sheet.name, takenSheets);
        if (free === sheet.name) name = free;
      }
      takenSheets.add(name.toLowerCase());
      const outcome: SheetOutcome = clean.mark.p === planHash ? "unchanged" : "refreshed";
      tasks.push({ plan: sheet, outcome, name, target: clean, tableNames: [], planHash, arrays: [] });
    } else {
      const name = freeSheetName(sheet.name, takenSheets);
      takenSheets.add(name.toLowerCase());
      const edited = candidates[0];
      tasks.push({
        plan: sheet,
        outcome: edited ? "new_version" : "created",
        name,
        edited,
        tableNames: [],
        planHash,
        arrays: [],
      });
    }
  }

  const needsStructure = tasks.some(
    (t) => t.outcome === "created" || t.outcome === "new_version" || t.name !== t.target?.name,
  );
  if (needsStructure && state.structureProtected) {
    return {
      tasks,
      names: [],
      skipped: [],
      error: { kind: "workbook_protected", detail: "workbook structure is protected" },
    };
  }

  // tables: the refreshed sheets' old tables are converted to ranges, which frees their names
  const freed = new Set(tasks.flatMap((t) => t.target?.tables.map((tb) => tb.name.toLowerCase()) ?? []));
  const takenIds = new Set([
    ...state.tableNames.map((n) => n.toLowerCase()).filter((n) => !freed.has(n)),
    ...state.names.map((n) => n.name.toLowerCase()),
  ]);
  for (const task of tasks) {
    for (const tb of task.plan.tables) {
      const name = freeIdentifier(tb.name, takenIds);
      takenIds.add(name.toLowerCase());
      task.tableNames.push(name);
    }
  }

  // defined names
  const taskByKey = new Map(tasks.map((t) => [t.plan.key, t]));
  const ownByName = new Map(state.own.map((o) => [o.name.toLowerCase(), o]));
  const tableIds = new Set([...state.tableNames.map((n) => n.toLowerCase()).filter((n) => !freed.has(n))]);
  tasks.forEach((t) => t.tableNames.forEach((n) => tableIds.add(n.toLowerCase())));
  const names: NameTask[] = [];
  const skipped: NameSkip[] = [];
  for (const n of plan.names) {
    const task = taskByKey.get(n.sheetKey);
    if (!task) {
      skipped.push({ name: n.name, reason: "sheet_not_inserted" });
      continue;
    }
    if (tableIds.has(n.name.toLowerCase())) {
      skipped.push({ name: n.name, reason: "taken" });
      continue;
    }
    const existing = state.names.find((e) => e.name.toLowerCase() === n.name.toLowerCase());
    if (!existing) {
      names.push({ ...n });
      continue;
    }
    const pointsTo = sheetOfReference(existing.formula);
    const ownSheet = pointsTo === undefined ? undefined : ownByName.get(pointsTo.toLowerCase());
    if (!ownSheet) {
      skipped.push({ name: n.name, reason: "taken" });
    } else if (tasks.some((t) => t.edited === ownSheet)) {
      skipped.push({ name: n.name, reason: "on_edited_sheet" });
    } else {
      names.push({ ...n, existing });
    }
  }

  // every formula resolved now, so that a plan bug stops the insert before anything is queued
  const finalName = new Map<string, string>();
  for (const o of state.own) if (!finalName.has(o.mark.k)) finalName.set(o.mark.k, o.name);
  for (const task of tasks) finalName.set(task.plan.key, task.name);
  try {
    for (const task of tasks) task.arrays = task.plan.blocks.map((b) => blockArrays(b, (key) => finalName.get(key)));
  } catch (e) {
    return {
      tasks,
      names,
      skipped,
      error: { kind: "invalid_plan", detail: e instanceof Error ? e.message : String(e) },
    };
  }
  return { tasks, names, skipped };
}

// ---------------------------------------------------------------------------------------------
// Writing (sync 2) and finishing (sync 3)
// ---------------------------------------------------------------------------------------------

interface Written {
  readonly task: SheetTask;
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  /** the plan's sheet was added by this run */
  readonly added: boolean;
}

interface WriteState {
  readonly written: Written[];
  /** names this run added (the undo deletes them) */
  readonly addedNames: string[];
  /** names this run re-pointed, with what they were */
  readonly repointed: { name: string; formula: unknown; comment: string }[];
}

/** The mark a written sheet carries; without its table list if that would pass 255 characters. */
export function markValue(
  task: Pick<SheetTask, "plan" | "planHash" | "name" | "tableNames">,
  fingerprint: string,
): string {
  const t = Object.fromEntries(task.tableNames.map((n, i) => [n, localAddress(task.plan.tables[i].range)]));
  const mark: SheetMark = { v: 1, k: task.plan.key, f: fingerprint, p: task.planHash, n: task.name, t };
  const full = JSON.stringify(mark);
  return full.length <= 255 ? full : JSON.stringify({ ...mark, t: undefined });
}

function queueWrites(context: Excel.RequestContext, decision: Decision, runId: string): WriteState {
  const wb = context.workbook;
  wb.application.suspendApiCalculationUntilNextSync();

  // 1. own sheets refreshed in place: tables back to plain ranges (formulas that used their
  //    structured references keep working as A1 references), cells and formats cleared
  for (const task of decision.tasks) {
    const o = task.target;
    if (!o) continue;
    for (const table of o.tables) table.convertToRange();
    o.sheet.getRange().clear("All");
    if (task.name !== o.name) o.sheet.name = task.name;
    o.sheet.customProperties.add(MARK_KEY, markValue(task, ""));
  }

  // 2. new sheets, appended in plan order; a new version then moves beside the sheet it replaces
  const sheets = new Map<SheetTask, { sheet: Excel.Worksheet; added: boolean }>();
  for (const task of decision.tasks) {
    if (task.target) {
      sheets.set(task, { sheet: task.target.sheet, added: false });
      continue;
    }
    const sheet = wb.worksheets.add(task.name);
    sheet.customProperties.add(MARK_KEY, markValue(task, ""));
    sheets.set(task, { sheet, added: true });
  }
  const versions = decision.tasks.filter((t) => t.edited).sort((a, b) => b.edited!.position - a.edited!.position);
  for (const task of versions) sheets.get(task)!.sheet.position = task.edited!.position + 1;

  // 3. contents
  const written: Written[] = [];
  for (const task of decision.tasks) {
    const { sheet, added } = sheets.get(task)!;
    const p = task.plan;
    sheet.tabColor = p.tabColor ?? "";
    for (const col of p.columns)
      sheet.getRange(`${col.column}:${col.column}`).format.columnWidth = widthToPoints(col.width);
    p.blocks.forEach((block, i) => queueStyle(queueBlock(sheet, task.arrays[i]), block));
    p.tables.forEach((tb, i) => {
      const table = sheet.tables.add(localAddress(tb.range), true);
      table.name = task.tableNames[i];
      table.style = tb.style;
    });
    p.charts.forEach((c, i) => {
      const chart = sheet.charts.add(c.kind, sheet.getRange(c.source), "Auto");
      chart.name = `${p.key}.${runId}.${i + 1}`;
      chart.title.text = c.title;
      chart.setPosition(c.from, c.to);
    });
    if (p.freezeRows > 0) sheet.freezePanes.freezeRows(p.freezeRows);
    else sheet.freezePanes.unfreeze();
    // what Excel stored, for the fingerprint
    const used = sheet.getUsedRange(true);
    used.load("address,formulas");
    if (added) sheet.load("id,name");
    written.push({ task, sheet, used, added });
  }

  // 4. defined names
  const sheetByKey = new Map(written.map((w) => [w.task.plan.key, w.sheet]));
  const addedNames: string[] = [];
  const repointed: WriteState["repointed"] = [];
  for (const n of decision.names) {
    const sheet = sheetByKey.get(n.sheetKey)!;
    if (n.existing) {
      repointed.push({ name: n.existing.name, formula: n.existing.formula, comment: n.existing.comment });
      const task = decision.tasks.find((t) => t.plan.key === n.sheetKey)!;
      n.existing.item.formula = `=${quote(task.name)}!${absoluteCell(n.address)}`;
      n.existing.item.comment = n.comment;
    } else {
      wb.names.add(n.name, sheet.getRange(n.address), n.comment);
      addedNames.push(n.name);
    }
  }
  return { written, addedNames, repointed };
}

const quote = (name: string) => `'${name.replace(/'/g, "''")}'`;

function queueFinish(context: Excel.RequestContext, state: WorkbookState, ws: WriteState): SheetResult[] {
  // the fingerprint reads references to every own sheet as keys, under their final names
  const keyOfSheet = new Map<string, string>();
  for (const o of state.own) keyOfSheet.set(o.name.toLowerCase(), o.mark.k);
  for (const w of ws.written) keyOfSheet.set(w.task.name.toLowerCase(), w.task.plan.key);
  const results: SheetResult[] = [];
  for (const w of ws.written) {
    const fp = contentFingerprint(w.used.address, w.used.formulas, keyOfSheet);
    w.sheet.customProperties.add(MARK_KEY, markValue(w.task, fp));
    for (const chart of w.task.target?.charts ?? []) chart.delete();
    results.push({
      key: w.task.plan.key,
      name: w.task.name,
      id: w.added ? w.sheet.id : w.task.target!.id,
      outcome: w.task.outcome,
      ...(w.task.edited ? { editedSheet: w.task.edited.name } : {}),
    });
  }
  // a hidden sheet cannot be activated
  ws.written.find((w) => w.added || w.task.target!.visible)?.sheet.activate();
  return results;
}

// ---------------------------------------------------------------------------------------------
// Undo after a failed write
// ---------------------------------------------------------------------------------------------

/**
 * Deletes the sheets and names this run added, re-points the names it moved, and puts each sheet
 * it had started to refresh back as it was read: cells (formulas and number formats), tables, tab
 * name, tab colour and mark; the charts this run added go, the old ones were never removed. A
 * refreshed sheet the failed batch had not reached yet is left as it is. Cell styling (fonts, fills)
 * and column widths of a sheet that was put back come back with the next insert.
 * Two syncs: one to see what the failed batch left, one to undo it.
 */
async function undo(
  context: Excel.RequestContext,
  state: WorkbookState,
  decision: Decision,
  runId: string,
  sync: () => Promise<void>,
): Promise<CleanupReport> {
  const wb = context.workbook;
  const created = decision.tasks.filter((t) => !t.target);
  const refreshed = decision.tasks.filter((t) => t.target);
  const probes = created.map((t) => ({ task: t, sheet: wb.worksheets.getItemOrNullObject(t.name) }));
  probes.forEach((p) => p.sheet.load("name"));
  const nameProbes = decision.names
    .filter((n) => !n.existing)
    .map((n) => ({ name: n.name, item: wb.names.getItemOrNullObject(n.name) }));
  nameProbes.forEach((p) => p.item.load("name"));
  const now = refreshed.map((t) => {
    const sheet = t.target!.sheet;
    sheet.load("name");
    sheet.tables.load("items/name");
    sheet.charts.load("items/name");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("address,formulas");
    return { task: t, used };
  });
  // compared with the names the sheets had when read: a formula the failed batch re-pointed (at a
  // new version, at a renamed sheet) counts as changed
  const keyOfSheet = new Map<string, string>();
  for (const o of state.own) keyOfSheet.set(o.name.toLowerCase(), o.mark.k);
  try {
    await sync();
    for (const p of nameProbes) if (!p.item.isNullObject) p.item.delete();
    for (const n of decision.names) {
      if (!n.existing) continue;
      n.existing.item.formula = n.existing.formula;
      n.existing.item.comment = n.existing.comment;
    }
    const deleted: string[] = [];
    for (const p of probes) {
      if (p.sheet.isNullObject) continue;
      p.sheet.delete();
      deleted.push(p.task.name);
    }
    // names back first, so that the formulas put back below refer to sheets that exist
    for (const { task } of now)
      if (task.target!.sheet.name !== task.target!.name) task.target!.sheet.name = task.target!.name;
    const restored: string[] = [];
    const tag = `.${runId}.`;
    for (const { task, used } of now) {
      const o = task.target!;
      const sheet = o.sheet;
      // charts: if the failed finish had begun removing the old ones, keep this run's (they chart
      // the same cells); else remove this run's
      const oldNames = new Set(o.charts.map((c) => c.name));
      const oldLeft = sheet.charts.items.filter((c) => oldNames.has(c.name)).length;
      const mine = (c: Excel.Chart) => c.name.includes(tag);
      if (oldLeft === oldNames.size) sheet.charts.items.filter(mine).forEach((c) => c.delete());
      else sheet.charts.items.filter((c) => oldNames.has(c.name)).forEach((c) => c.delete());
      const fp = used.isNullObject
        ? contentFingerprint(undefined, undefined, keyOfSheet)
        : contentFingerprint(used.address, used.formulas, keyOfSheet);
      const tablesNow = sheet.tables.items
        .map((tb) => tb.name.toLowerCase())
        .sort()
        .join();
      const tablesThen = o.tables
        .map((tb) => tb.name.toLowerCase())
        .sort()
        .join();
      if (fp !== o.currentFingerprint || tablesNow !== tablesThen) {
        for (const table of sheet.tables.items) table.convertToRange();
        sheet.getRange().clear("All");
        if (o.usedAddress && o.formulas) {
          const old = o.formulas;
          const formats = o.numberFormats as (string | null)[][] | undefined;
          const isFormula = (r: number, c: number) =>
            typeof old[r][c] === "string" && (old[r][c] as string).startsWith("=");
          const range = sheet.getRange(localAddress(o.usedAddress));
          if (formats) range.numberFormat = formats.map((row, r) => row.map((f, c) => (isFormula(r, c) ? null : f)));
          range.formulas = old;
          if (formats) range.numberFormat = formats.map((row, r) => row.map((f, c) => (isFormula(r, c) ? f : null)));
        }
        for (const old of o.tables) {
          const address = o.mark.t?.[old.name];
          if (!address) continue;
          const table = sheet.tables.add(address, true);
          table.name = old.name;
          table.style = old.style;
        }
      }
      sheet.tabColor = o.tabColor;
      sheet.customProperties.add(MARK_KEY, o.markValue);
      restored.push(o.name);
    }
    await sync();
    return { deleted, restored, complete: true };
  } catch {
    return { deleted: [], restored: [], complete: false };
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

function classify(e: unknown, phase: "read" | "write"): InsertError {
  const code = errorCode(e);
  const detail = e instanceof Error ? e.message : typeof e === "string" ? e : code || "unknown error";
  if (code === "InvalidOperationInCellEditMode") return { kind: "cell_edit_mode", detail };
  if (code === "ApiNotFound" || code === "NotImplemented") return { kind: "not_supported", detail };
  return { kind: phase === "read" ? "read_failed" : "write_failed", detail: code ? `${code}: ${detail}` : detail };
}

const randomId = () => Math.random().toString(36).slice(2, 8);

/**
 * Inserts (or refreshes) the plan's sheets, names, tables and charts. Never throws: the report says
 * what happened to each sheet, or in plain terms why nothing was changed.
 */
export async function applyPlan(plan: WorkbookPlan, options: InsertOptions = {}): Promise<InsertReport> {
  let syncs = 0;
  const progress = (p: InsertPhase) => options.onProgress?.(p);
  const failed = (error: InsertError, cleanup?: CleanupReport, skipped: NameSkip[] = []): InsertReport => ({
    ok: false,
    sheets: [],
    namesWritten: 0,
    namesSkipped: skipped,
    syncs,
    error,
    ...(cleanup ? { cleanup } : {}),
  });
  const problems = planProblems(plan);
  if (problems.length > 0) return failed({ kind: "invalid_plan", detail: problems.join("; ") });
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
    return failed({ kind: "not_supported", detail: "Excel.run is not available" });
  }
  const index = options.index ?? officeSettingsIndex;
  const runId = options.runId ?? randomId();
  let phase: "read" | "write" = "read";
  try {
    return await Excel.run(async (context): Promise<InsertReport> => {
      const sync = countingSync(context, () => syncs++);
      progress("reading");
      const state = await readWorkbook(context, index.read(), sync);
      const decision = decide(plan, state);
      if (decision.error) return failed(decision.error);
      const ws = queueWrites(context, decision, runId);
      phase = "write";
      progress("writing");
      let results: SheetResult[];
      try {
        await sync();
        progress("finishing");
        results = queueFinish(context, state, ws);
        await sync();
      } catch (e) {
        progress("undoing");
        const cleanup = await undo(context, state, decision, runId, sync);
        const error = classify(e, "write");
        return failed(cleanup.complete ? error : { ...error, kind: "cleanup_incomplete" }, cleanup);
      }
      // the index: every own sheet still there, and those written now
      const entries = new Map<string, IndexEntry>();
      for (const o of state.own) entries.set(o.id, { id: o.id, key: o.mark.k });
      for (const r of results) entries.set(r.id, { id: r.id, key: r.key });
      try {
        await index.write([...entries.values()]);
      } catch {
        // the sheets are written and marked; a missing index only costs a slower next read
      }
      return {
        ok: true,
        sheets: results,
        namesWritten: ws.addedNames.length + ws.repointed.length,
        namesSkipped: decision.skipped,
        syncs,
      };
    });
  } catch (e) {
    return failed(classify(e, phase));
  }
}

/** Selects a sheet the report names (by id, which survives renames). One sync; false if it is gone. */
export async function activateSheet(id: string): Promise<boolean> {
  try {
    return await Excel.run(async (context) => {
      context.workbook.worksheets.getItem(id).activate();
      await context.sync();
      return true;
    });
  } catch {
    return false;
  }
}
