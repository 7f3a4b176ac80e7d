/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * A test double of the parts of Office.js the add-in uses: Excel.run, a RequestContext whose
 * operations are QUEUED and applied at context.sync() in order (as Office does), properties that
 * throw until loaded and synced, *OrNullObject proxies, and a small workbook model behind them
 * (sheets of cells with formulas, values and number formats, tables, charts, defined names, worksheet
 * custom properties, protection, spilled results). It records every sync and notable call.
 *
 * It behaves like Excel where the adapter's safety depends on it: a text typed into a General cell
 * that looks like a number becomes a number; a formula typed into a Text ("@") cell stays text;
 * protected sheets and a protected workbook structure refuse changes; a table cannot overlap another
 * or reuse a name; renaming a sheet rewrites the formulas that point to it; a failed batch keeps
 * the operations that ran before the failure (faults can be injected at any sync, after any number
 * of operations).
 *
 * Its only import is the add-in's address module (A1 addresses, sheet names as Excel rules them):
 * jest imports it, and the browser test transpiles both and serves them in place of office.js (see
 * office-double.ts). Never shipped.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  boxAddress,
  columnLetters as colLetters,
  columnNumber as colNum,
  quoteSheetName,
  sheetNameKey,
  sheetNameProblem,
  sheetReference as quoteIfNeeded,
} from "../../src/workbook/address";

export type Scalar = string | number | boolean;

export interface FakeCell {
  /** what Range.formulas reports: "=…" for a formula, else the constant */
  formula: Scalar;
  /** what Range.values reports for a formula (the double computes nothing) */
  value?: Scalar;
  numberFormat?: string;
  /** a formula typed into a Text cell: Excel keeps it as text (a bug the adapter must avoid) */
  textFormula?: boolean;
  /** written after an apostrophe: text, whatever it looks like */
  quotePrefix?: boolean;
  font?: Record<string, unknown>;
  fill?: string;
  wrap?: boolean;
  verticalAlignment?: string;
  /** a spilled result: the anchor's address */
  spillOf?: string;
  /** an anchor's spilled values (the anchor's own included, top-left) */
  spill?: Scalar[][];
}

export interface FakeTable {
  name: string;
  address: string;
  style: string;
}

export interface FakeChart {
  name: string;
  type: string;
  source: string;
  seriesBy?: string;
  title?: string;
  from?: string;
  to?: string;
  /** position and size in points, as set */
  left?: number;
  top?: number;
  width?: number;
  height?: number;
  legend?: { visible?: boolean; position?: string };
  showValue?: boolean;
}

/** What a sheet's pageLayout was given. */
export interface FakePageLayout {
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printArea?: string;
  printTitleRows?: string;
  centerFooter?: string;
  /** margins in points */
  margins?: Record<string, number>;
}

export interface FakeName {
  name: string;
  formula: string;
  comment: string;
}

export interface Fault {
  /** the sync (counted from 1 over the workbook's life) that fails */
  sync: number;
  /** operations of that batch that run before it fails (default 0) */
  afterOps?: number;
  code?: string;
  message?: string;
}

export class FakeOfficeError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseAddress(address: string): Box {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = local.replace(/\$/g, "").split(":");
  const part = (s: string) => {
    const m = /^([A-Z]*)(\d*)$/i.exec(s);
    if (!m || (!m[1] && !m[2])) throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
    try {
      return { col: m[1] ? colNum(m[1]) : 0, row: m[2] ? Number(m[2]) : 0 };
    } catch {
      throw new FakeOfficeError("InvalidArgument", `bad address ${address}`);
    }
  };
  const p = part(a);
  const q = b === undefined ? p : part(b);
  return {
    top: p.row || 1,
    left: p.col || 1,
    bottom: q.row || MAX_ROWS,
    right: q.col || MAX_COLUMNS,
  };
}

export { boxAddress };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const overlaps = (a: Box, b: Box) => a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;

export class FakeSheet {
  visibility = "Visible";
  tabColor = "";
  protected = false;
  readonly props = new Map<string, { key: string; value: string }>();
  readonly cells = new Map<string, FakeCell>();
  tables: FakeTable[] = [];
  charts: FakeChart[] = [];
  /** data validation rules, as set on ranges: address → rule and alert */
  readonly validations = new Map<string, { rule?: unknown; errorAlert?: unknown; ignoreBlanks?: boolean }>();
  freezeRows = 0;
  /** comments someone wrote on the sheet */
  comments = 0;
  readonly columnWidths = new Map<string, number>();
  /** columns hidden (range.columnHidden), by letter */
  readonly hiddenColumns = new Set<string>();
  /** rows of a set height (points) */
  readonly rowHeights = new Map<number, number>();
  /** merged areas, each row merged across ("A2:H2") */
  merges: string[] = [];
  pageLayout: FakePageLayout = {};

  constructor(
    public readonly id: string,
    public name: string,
  ) {}

  cell(a1: string): FakeCell | undefined {
    const b = parseAddress(a1);
    return this.cells.get(`${b.top}:${b.left}`);
  }

  /** The constant or formula of a cell ("" when empty), as Range.formulas reports it. */
  formula(a1: string): Scalar {
    return this.cell(a1)?.formula ?? "";
  }

  usedBox(): Box | undefined {
    let box: Box | undefined;
    for (const [k, c] of this.cells) {
      if (c.formula === "") continue;
      const [r, col] = k.split(":").map(Number);
      box = box
        ? {
            top: Math.min(box.top, r),
            left: Math.min(box.left, col),
            bottom: Math.max(box.bottom, r),
            right: Math.max(box.right, col),
          }
        : { top: r, left: col, bottom: r, right: col };
    }
    return box;
  }

  /** Every non-empty cell: address → formula/constant. */
  contents(): Record<string, Scalar> {
    const out: Record<string, Scalar> = {};
    for (const [k, c] of this.cells) {
      if (c.formula === "") continue;
      const [r, col] = k.split(":").map(Number);
      out[`${colLetters(col)}${r}`] = c.formula;
    }
    return out;
  }

  mark(key: string): string | undefined {
    return this.props.get(key.toLowerCase())?.value;
  }
}

export interface SeedCell {
  formula: string;
  value?: Scalar;
  numberFormat?: string;
  spill?: Scalar[][];
}

export interface DoubleOptions {
  faults?: Fault[];
  /** milliseconds each sync takes (the browser test uses it to see the progress bar) */
  syncDelayMs?: number;
}

/** The workbook behind the double, with helpers for tests to arrange and inspect it. */
export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  structureProtected = false;
  activeSheetId?: string;
  selection?: { sheetId: string; address: string };
  /** the selection is a chart: getSelectedRanges fails */
  selectionIsChart = false;
  editingCell = false;
  readonly settings = new Map<string, unknown>();
  readonly savedSettings = new Map<string, unknown>();
  syncs = 0;
  /** syncs Excel.run made itself because operations were left queued */
  implicitSyncs = 0;
  calcSuspendedAtSync: number[] = [];
  readonly log: string[] = [];
  faults: Fault[];
  syncDelayMs: number;
  private nextId = 1;

  constructor(options: DoubleOptions = {}) {
    this.faults = options.faults ?? [];
    this.syncDelayMs = options.syncDelayMs ?? 0;
  }

  addSheet(name: string, cells: Record<string, Scalar | SeedCell> = {}): FakeSheet {
    const sheet = new FakeSheet(`{sheet-${this.nextId++}}`, name);
    this.sheets.push(sheet);
    this.activeSheetId ??= sheet.id;
    for (const [a1, v] of Object.entries(cells)) this.seed(sheet, a1, v);
    return sheet;
  }

  seed(sheet: FakeSheet, a1: string, v: Scalar | SeedCell): void {
    const b = parseAddress(a1);
    if (typeof v !== "object") {
      sheet.cells.set(`${b.top}:${b.left}`, { formula: v });
      return;
    }
    sheet.cells.set(`${b.top}:${b.left}`, {
      formula: v.formula,
      value: v.value,
      numberFormat: v.numberFormat,
      spill: v.spill,
    });
    v.spill?.forEach((row, r) =>
      row.forEach((x, c) => {
        if (r === 0 && c === 0) return;
        sheet.cells.set(`${b.top + r}:${b.left + c}`, { formula: x, value: x, spillOf: a1 });
      }),
    );
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  findSheet(key: string): FakeSheet | undefined {
    return this.sheets.find((x) => x.id === key || x.name.toLowerCase() === key.toLowerCase());
  }

  allTables(): (FakeTable & { sheet: string })[] {
    return this.sheets.flatMap((s) => s.tables.map((t) => ({ ...t, sheet: s.name })));
  }

  newId(): string {
    return `{sheet-${this.nextId++}}`;
  }

  /** A JSON picture of the workbook, for assertions (and for the browser test's page.evaluate). */
  snapshot() {
    return {
      sheets: this.sheets.map((s) => ({
        id: s.id,
        name: s.name,
        mark: s.props.get("chinaexposureworkbench")?.value,
        tables: s.tables.map((t) => ({ ...t })),
        charts: s.charts.map((c) => ({ ...c })),
        cells: s.contents(),
        freezeRows: s.freezeRows,
        tabColor: s.tabColor,
        pageLayout: JSON.parse(JSON.stringify(s.pageLayout)) as FakePageLayout,
        merges: [...s.merges],
        rowHeights: Object.fromEntries(s.rowHeights),
      })),
      names: this.names.map((n) => ({ ...n })),
      syncs: this.syncs,
      implicitSyncs: this.implicitSyncs,
      calcSuspendedAtSync: [...this.calcSuspendedAtSync],
      activeSheet: this.sheets.find((s) => s.id === this.activeSheetId)?.name,
      settings: Object.fromEntries(this.savedSettings),
      log: [...this.log],
    };
  }

  /** Excel.run over this workbook. */
  run = async <T>(batch: (context: any) => Promise<T>): Promise<T> => {
    const ctx = new Ctx(this);
    this.onContext?.(ctx);
    const result = await batch(ctx);
    if (ctx.pending() > 0) {
      this.implicitSyncs++;
      await ctx.sync();
    }
    return result;
  };

  /** Lets a test wrap each new context (e.g. context.sync in jest.fn). */
  onContext?: (ctx: any) => void;
  /** Runs just before sync `n` applies its batch: a change made by someone else between two syncs. */
  beforeSync?: (n: number, wb: FakeWorkbook) => void;
  /** The operations of each sync, by sync number (what a test counts to fail between two of them). */
  readonly batches = new Map<number, string[]>();

  // ---- cell writes, with Excel's conversions ------------------------------------------------
  writeCell(sheet: FakeSheet, row: number, col: number, input: unknown, kind: "formulas" | "values"): void {
    if (input === null || input === undefined) return; // null in a 2-D array leaves the cell alone
    const key = `${row}:${col}`;
    const old = sheet.cells.get(key);
    const fmt = old?.numberFormat;
    const cell: FakeCell = { numberFormat: fmt, font: old?.font, fill: old?.fill, wrap: old?.wrap, formula: "" };
    if (old?.spill) this.collapseSpill(sheet, row, col, old.spill);
    if (typeof input === "string") {
      if (fmt === "@") {
        cell.formula = input;
        cell.value = input;
        if (input.startsWith("=")) cell.textFormula = true;
      } else if (input.startsWith("'")) {
        // the apostrophe says "text": not stored, the cell keeps the rest as text whatever it looks like
        cell.formula = input.slice(1);
        cell.value = input.slice(1);
        cell.quotePrefix = true;
        if (cell.formula.startsWith("=")) cell.textFormula = true;
      } else if (input.startsWith("=")) {
        cell.formula = input;
        cell.value = 0;
      } else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(input.trim())) {
        cell.formula = Number(input);
        cell.value = Number(input);
      } else if (/^(true|false)$/i.test(input)) {
        cell.formula = input.toLowerCase() === "true";
        cell.value = cell.formula;
      } else {
        cell.formula = input;
        cell.value = input;
      }
    } else if (typeof input === "number" || typeof input === "boolean") {
      cell.formula = input;
      cell.value = input;
    } else {
      throw new FakeOfficeError("InvalidArgument", `cannot write ${typeof input} via ${kind}`);
    }
    sheet.cells.set(key, cell);
  }

  private collapseSpill(sheet: FakeSheet, row: number, col: number, spill: Scalar[][]): void {
    spill.forEach((r, i) =>
      r.forEach((_, j) => {
        if (i === 0 && j === 0) return;
        const k = `${row + i}:${col + j}`;
        if (sheet.cells.get(k)?.spillOf) sheet.cells.delete(k);
      }),
    );
  }

  renameSheet(sheet: FakeSheet, name: string): void {
    const old = sheet.name;
    if (old === name) return;
    this.checkSheetName(name, sheet);
    sheet.name = name;
    // Excel rewrites every formula and name that refers to the sheet
    const re = new RegExp(`(${escapeRe(quoteSheetName(old))}|\\b${escapeRe(old)})!`, "g");
    const to = `${quoteIfNeeded(name)}!`;
    for (const s of this.sheets) {
      for (const c of s.cells.values()) {
        if (typeof c.formula === "string" && c.formula.startsWith("=") && !c.textFormula)
          c.formula = c.formula.replace(re, to);
      }
    }
    for (const n of this.names) n.formula = n.formula.replace(re, to);
  }

  /** Deletes a sheet as Excel does: formulas and names that pointed to it become #REF!. */
  deleteSheet(sheet: FakeSheet): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    const re = new RegExp(`(${escapeRe(quoteSheetName(sheet.name))}|\\b${escapeRe(sheet.name)})!`, "g");
    for (const s of this.sheets) {
      for (const c of s.cells.values()) {
        if (typeof c.formula === "string" && c.formula.startsWith("=") && !c.textFormula)
          c.formula = c.formula.replace(re, "#REF!");
      }
    }
    for (const n of this.names) n.formula = n.formula.replace(re, "#REF!");
    this.log.push(`delete sheet ${sheet.name}`);
  }

  checkSheetName(name: string, self?: FakeSheet): void {
    if (sheetNameProblem(name) !== undefined) {
      throw new FakeOfficeError("InvalidArgument", `bad sheet name ${name}`);
    }
    if (this.sheets.some((s) => s !== self && sheetNameKey(s.name) === sheetNameKey(name))) {
      throw new FakeOfficeError("ItemAlreadyExists", `a sheet is already named ${name}`);
    }
  }

  identifierTaken(name: string, except?: FakeTable): boolean {
    const n = name.toLowerCase();
    return (
      this.names.some((x) => x.name.toLowerCase() === n) ||
      this.sheets.some((s) => s.tables.some((t) => t !== except && t.name.toLowerCase() === n))
    );
  }
}

function editable(sheet: FakeSheet): void {
  if (sheet.protected) throw new FakeOfficeError("AccessDenied", `sheet ${sheet.name} is protected`);
}

function structure(wb: FakeWorkbook): void {
  if (wb.structureProtected) throw new FakeOfficeError("AccessDenied", "the workbook structure is protected");
}

// ---- the request context and its proxies ---------------------------------------------------

class Ctx {
  private queue: { run: () => void; what: string }[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly wb: FakeWorkbook) {
    this.workbook = new WorkbookProxy(this);
  }
  enqueue(what: string, run: () => void): void {
    this.queue.push({ what, run });
  }
  pending(): number {
    return this.queue.length;
  }
  async sync(): Promise<void> {
    const wb = this.wb;
    const n = ++wb.syncs;
    wb.log.push(`sync ${n} (${this.queue.length} operations)`);
    const ops = this.queue;
    this.queue = [];
    wb.batches.set(
      n,
      ops.map((o) => o.what),
    );
    if (wb.syncDelayMs > 0) await new Promise((r) => setTimeout(r, wb.syncDelayMs));
    // someone else (the user, a co-author, another window) changes the workbook meanwhile
    wb.beforeSync?.(n, wb);
    const fault = wb.faults.find((f) => f.sync === n);
    const stopAt = fault ? Math.min(fault.afterOps ?? 0, ops.length) : ops.length;
    let suspended = false;
    for (let i = 0; i < stopAt; i++) {
      if (ops[i].what === "suspendApiCalculationUntilNextSync") suspended = true;
      if (wb.editingCell) throw new FakeOfficeError("InvalidOperationInCellEditMode", "a cell is being edited");
      ops[i].run();
    }
    if (suspended) wb.calcSuspendedAtSync.push(n);
    if (fault) {
      wb.log.push(`sync ${n} failed after ${stopAt} operations`);
      throw new FakeOfficeError(
        fault.code ?? "GeneralException",
        fault.message ?? "There was an internal error while processing the request.",
      );
    }
  }
  get trackedObjects() {
    return { add() {}, remove() {} };
  }
}

type Props = Record<string, unknown>;

/** Splits a load argument into property names ("items/" dropped). */
function loadNames(spec: unknown): string[] {
  if (spec === undefined) return ["*"];
  if (Array.isArray(spec)) return spec.flatMap(loadNames);
  if (typeof spec === "string") {
    return spec
      .split(",")
      .map((s) => s.trim().replace(/^items\//, ""))
      .filter(Boolean);
  }
  if (typeof spec === "object" && spec !== null) {
    const o = spec as { select?: string };
    if (typeof o.select === "string") return loadNames(o.select);
    return Object.keys(spec).filter((k) => (spec as Props)[k] === true);
  }
  return [];
}

abstract class Proxy<T> {
  protected loaded: Props = {};
  private nullState: boolean | undefined;
  /** the target this proxy stands for, bound once an operation created or found it */
  bound?: T | null;

  constructor(
    readonly ctx: Ctx,
    private readonly locate: () => T | null,
    private readonly nullable = false,
  ) {
    if (nullable) {
      ctx.enqueue("resolve null object", () => {
        this.nullState = this.find() === null;
      });
    }
  }

  find(): T | null {
    if (this.bound !== undefined) return this.bound;
    return this.locate();
  }

  target(): T {
    const t = this.find();
    if (t === null || t === undefined)
      throw new FakeOfficeError("ItemNotFound", `${this.constructor.name}: the requested resource doesn't exist`);
    return t;
  }

  get isNullObject(): boolean {
    if (!this.nullable) return false;
    if (this.nullState === undefined)
      throw new FakeOfficeError("PropertyNotLoaded", "isNullObject is not available before sync");
    return this.nullState;
  }

  protected prop(name: string): any {
    if (!(name in this.loaded)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Call load and context.sync() first.`,
      );
    }
    return this.loaded[name];
  }

  protected abstract read(target: T, name: string): unknown;

  load(spec?: unknown): this {
    const names = loadNames(spec);
    this.ctx.enqueue(`load ${this.constructor.name}(${names.join(",")})`, () => {
      const t = this.find();
      if (t === null || t === undefined) {
        if (this.nullable) return;
        throw new FakeOfficeError("ItemNotFound", `${this.constructor.name}: the requested resource doesn't exist`);
      }
      for (const n of names) this.loaded[n] = this.read(t, n);
    });
    return this;
  }

  protected set(what: string, run: (t: T) => void): void {
    this.ctx.enqueue(what, () => run(this.target()));
  }
}

// ---- workbook ------------------------------------------------------------------------------------

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NameCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly protection: ProtectionProxy<FakeWorkbook>;
  readonly application: { suspendApiCalculationUntilNextSync(): void };
  constructor(private readonly ctx: Ctx) {
    const wb = ctx.wb;
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.names = new NameCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx);
    this.protection = new ProtectionProxy(
      ctx,
      () => wb,
      (w) => w.structureProtected,
    );
    this.application = {
      suspendApiCalculationUntilNextSync: () => ctx.enqueue("suspendApiCalculationUntilNextSync", () => undefined),
    };
  }
  getSelectedRanges(): RangeAreasProxy {
    const wb = this.ctx.wb;
    return new RangeAreasProxy(this.ctx, () => {
      if (wb.selectionIsChart)
        throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
      const sel = wb.selection ?? { sheetId: wb.activeSheetId!, address: "A1" };
      const sheet = wb.findSheet(sel.sheetId)!;
      return { sheet, boxes: sel.address.split(",").map(parseAddress) };
    });
  }
}

class ProtectionProxy<T> extends Proxy<T> {
  constructor(
    ctx: Ctx,
    locate: () => T | null,
    private readonly get: (t: T) => boolean,
  ) {
    super(ctx, locate);
  }
  protected read(t: T, name: string): unknown {
    if (name === "protected" || name === "*") return this.get(t);
    throw new FakeOfficeError("InvalidArgument", `protection has no ${name}`);
  }
  get protected(): boolean {
    return this.prop("protected");
  }
}

// ---- worksheets ----------------------------------------------------------------------------------

class WorksheetCollectionProxy extends Proxy<FakeWorkbook> {
  private itemList?: WorksheetProxy[];
  constructor(ctx: Ctx) {
    super(ctx, () => ctx.wb);
  }
  protected read(): unknown {
    return undefined;
  }
  override load(spec?: unknown): this {
    const names = loadNames(spec);
    this.ctx.enqueue(`load worksheets(${names.join(",")})`, () => {
      this.itemList = this.ctx.wb.sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => s);
        p.bound = s;
        p.fill(names);
        return p;
      });
    });
    return this;
  }
  get items(): WorksheetProxy[] {
    if (!this.itemList) throw new FakeOfficeError("PropertyNotLoaded", "worksheets.items is not loaded");
    return this.itemList;
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.findSheet(key) ?? null);
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.findSheet(key) ?? null, true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.wb.findSheet(this.ctx.wb.activeSheetId ?? "") ?? null);
  }
  add(name?: string): WorksheetProxy {
    const wb = this.ctx.wb;
    const p = new WorksheetProxy(this.ctx, () => null);
    this.ctx.enqueue(`worksheets.add(${name})`, () => {
      structure(wb);
      const n = name ?? `Sheet${wb.sheets.length + 1}`;
      wb.checkSheetName(n);
      const s = new FakeSheet(wb.newId(), n);
      wb.sheets.push(s);
      wb.log.push(`add sheet ${n}`);
      p.bound = s;
    });
    return p;
  }
}

class WorksheetProxy extends Proxy<FakeSheet> {
  readonly protection: ProtectionProxy<FakeSheet>;
  readonly customProperties: CustomPropertyCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: { freezeRows(n: number): void; unfreeze(): void };
  /** what Office.js's worksheet.pageLayout is given, recorded on the sheet */
  readonly pageLayout: {
    orientation: string;
    zoom: FakePageLayout["zoom"];
    setPrintArea(area: string): void;
    setPrintTitleRows(rows: string): void;
    readonly headersFooters: { readonly defaultForAllPages: { centerFooter: string } };
    leftMargin: number;
    rightMargin: number;
    topMargin: number;
    bottomMargin: number;
    headerMargin: number;
    footerMargin: number;
  };
  readonly comments: { getCount(): { readonly value: number } };
  constructor(ctx: Ctx, locate: () => FakeSheet | null, nullable = false) {
    super(ctx, locate, nullable);
    const sheet = () => this.find();
    this.comments = {
      getCount: () => {
        let count: number | undefined;
        ctx.enqueue("comments.getCount", () => (count = this.target().comments));
        return {
          get value(): number {
            if (count === undefined) throw new FakeOfficeError("PropertyNotLoaded", "ClientResult.value before sync");
            return count;
          },
        };
      },
    };
    this.protection = new ProtectionProxy(ctx, sheet, (s) => s.protected);
    this.customProperties = new CustomPropertyCollectionProxy(ctx, sheet);
    this.tables = new TableCollectionProxy(ctx, sheet);
    this.charts = new ChartCollectionProxy(ctx, sheet);
    this.freezePanes = {
      freezeRows: (n: number) => this.set(`freezeRows(${n})`, (s) => ((s.freezeRows = n), editable(s))),
      unfreeze: () => this.set("unfreeze", (s) => (s.freezeRows = 0)),
    };
    const layout = (what: string, f: (l: FakePageLayout) => void) =>
      this.set(`pageLayout ${what}`, (s) => {
        editable(s);
        f(s.pageLayout);
      });
    const pageLayout = {
      setPrintArea: (area: string) => layout("printArea", (l) => (l.printArea = boxAddress(parseAddress(area)))),
      setPrintTitleRows: (rows: string) => {
        if (!/^\$\d+:\$\d+$/.test(rows)) throw new FakeOfficeError("InvalidArgument", `print title rows ${rows}`);
        layout("printTitleRows", (l) => (l.printTitleRows = rows));
      },
      headersFooters: { defaultForAllPages: {} as { centerFooter: string } },
    } as WorksheetProxy["pageLayout"];
    Object.defineProperty(pageLayout, "orientation", {
      set: (v: string) => layout("orientation", (l) => (l.orientation = v)),
    });
    Object.defineProperty(pageLayout, "zoom", {
      set: (v: FakePageLayout["zoom"]) => layout("zoom", (l) => (l.zoom = { ...v })),
    });
    for (const side of ["left", "right", "top", "bottom", "header", "footer"]) {
      Object.defineProperty(pageLayout, `${side}Margin`, {
        set: (v: number) => layout(`${side}Margin`, (l) => (l.margins = { ...l.margins, [side]: v })),
      });
    }
    Object.defineProperty(pageLayout.headersFooters.defaultForAllPages, "centerFooter", {
      set: (v: string) => layout("centerFooter", (l) => (l.centerFooter = v)),
    });
    this.pageLayout = pageLayout;
  }
  fill(names: string[]): void {
    for (const n of names) this.loaded[n] = this.read(this.bound as FakeSheet, n);
  }
  protected read(s: FakeSheet, name: string): unknown {
    const wb = this.ctx.wb;
    switch (name) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return wb.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
      case "tabColor":
        return s.tabColor;
      case "*":
        return undefined;
      default:
        throw new FakeOfficeError("InvalidArgument", `worksheet has no ${name}`);
    }
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.set(`rename to ${v}`, (s) => {
      structure(this.ctx.wb);
      this.ctx.wb.renameSheet(s, v);
    });
  }
  get id(): string {
    return this.prop("id");
  }
  get position(): number {
    return this.prop("position");
  }
  set position(v: number) {
    this.set(`position ${v}`, (s) => {
      structure(this.ctx.wb);
      const list = this.ctx.wb.sheets;
      list.splice(list.indexOf(s), 1);
      list.splice(Math.min(v, list.length), 0, s);
    });
  }
  get visibility(): string {
    return this.prop("visibility");
  }
  get tabColor(): string {
    return this.prop("tabColor");
  }
  set tabColor(v: string) {
    this.set(`tabColor ${v}`, (s) => (s.tabColor = v));
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.ctx, () => {
      const s = this.target();
      return {
        sheet: s,
        box: address ? parseAddress(address) : { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS },
      };
    });
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.ctx, () => {
      const s = this.target();
      return { sheet: s, box: s.usedBox() ?? parseAddress("A1") };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(
      this.ctx,
      () => {
        const s = this.target();
        const box = s.usedBox();
        return box ? { sheet: s, box } : null;
      },
      true,
    );
  }
  activate(): void {
    this.set("activate", (s) => {
      if (s.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "a hidden sheet cannot be activated");
      this.ctx.wb.activeSheetId = s.id;
    });
  }
  /** Excel's Move or Copy: a new sheet with the same cells, marks (custom properties), tables (renamed), charts. */
  copy(positionType?: string, relativeTo?: WorksheetProxy): WorksheetProxy {
    const wb = this.ctx.wb;
    const p = new WorksheetProxy(this.ctx, () => null);
    this.ctx.enqueue(`copy sheet ${positionType ?? ""}`, () => {
      structure(wb);
      const src = this.target();
      let n = 2;
      while (wb.sheets.some((x) => sheetNameKey(x.name) === sheetNameKey(`${src.name} (${n})`))) n++;
      const copy = new FakeSheet(wb.newId(), `${src.name} (${n})`.slice(0, 31));
      for (const [k, c] of src.cells) copy.cells.set(k, { ...c });
      for (const [k, v] of src.props) copy.props.set(k, { ...v });
      for (const [k, v] of src.columnWidths) copy.columnWidths.set(k, v);
      for (const k of src.hiddenColumns) copy.hiddenColumns.add(k);
      for (const [k, v] of src.validations) copy.validations.set(k, { ...v });
      copy.tables = src.tables.map((t) => {
        let i = 2;
        while (wb.identifierTaken(`${t.name}${i}`)) i++;
        return { ...t, name: `${t.name}${i}` };
      });
      copy.charts = src.charts.map((c) => ({ ...c }));
      copy.merges = [...src.merges];
      for (const [k, v] of src.rowHeights) copy.rowHeights.set(k, v);
      copy.pageLayout = JSON.parse(JSON.stringify(src.pageLayout)) as FakePageLayout;
      copy.freezeRows = src.freezeRows;
      copy.tabColor = src.tabColor;
      copy.comments = src.comments;
      const after =
        positionType === "After" && relativeTo ? wb.sheets.indexOf(relativeTo.target()) + 1 : wb.sheets.length;
      wb.sheets.splice(after, 0, copy);
      wb.log.push(`copy sheet ${src.name} to ${copy.name}`);
      p.bound = copy;
    });
    return p;
  }
  delete(): void {
    this.set("delete sheet", (s) => {
      structure(this.ctx.wb);
      this.ctx.wb.deleteSheet(s);
    });
  }
}

// ---- ranges --------------------------------------------------------------------------------------

interface RangeTarget {
  sheet: FakeSheet;
  box: Box;
}

function grid<T>(box: Box, at: (r: number, c: number) => T): T[][] {
  if (box.bottom - box.top > 100000 || box.right - box.left > 1000)
    throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", "range too large");
  const rows: T[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row: T[] = [];
    for (let c = box.left; c <= box.right; c++) row.push(at(r, c));
    rows.push(row);
  }
  return rows;
}

class RangeProxy extends Proxy<RangeTarget> {
  readonly format: any;
  readonly dataValidation: any;
  constructor(ctx: Ctx, locate: () => RangeTarget | null, nullable = false) {
    super(ctx, locate, nullable);
    const each = (what: string, f: (cell: FakeCell) => void) =>
      this.set(what, (t) => {
        editable(t.sheet);
        forEachCell(t, (r, c) => {
          const k = `${r}:${c}`;
          const cell = t.sheet.cells.get(k) ?? { formula: "" };
          f(cell);
          t.sheet.cells.set(k, cell);
        });
      });
    const font = {} as Record<string, unknown>;
    for (const p of ["bold", "italic", "size", "color", "name"]) {
      Object.defineProperty(font, p, {
        set: (v: unknown) => each(`font.${p}`, (cell) => (cell.font = { ...cell.font, [p]: v })),
        get: () => {
          throw new FakeOfficeError("PropertyNotLoaded", `font.${p}`);
        },
      });
    }
    const fill = {} as Record<string, unknown>;
    Object.defineProperty(fill, "color", { set: (v: string) => each("fill", (cell) => (cell.fill = v)) });
    this.format = { font, fill };
    const validationOf = (t: RangeTarget) => {
      const key = boxAddress(t.box);
      const v = t.sheet.validations.get(key) ?? {};
      t.sheet.validations.set(key, v);
      return v;
    };
    const dv = {} as Record<string, unknown>;
    dv.clear = () => this.set("dataValidation.clear", (t) => void t.sheet.validations.delete(boxAddress(t.box)));
    for (const p of ["rule", "errorAlert", "ignoreBlanks"] as const) {
      Object.defineProperty(dv, p, {
        set: (v: unknown) =>
          this.set(`dataValidation.${p}`, (t) => {
            editable(t.sheet);
            (validationOf(t) as Record<string, unknown>)[p] = v;
          }),
      });
    }
    this.dataValidation = dv;
    Object.defineProperty(this.format, "wrapText", {
      set: (v: boolean) => each("wrapText", (cell) => (cell.wrap = v)),
    });
    Object.defineProperty(this.format, "columnWidth", {
      set: (v: number) =>
        this.set(`columnWidth ${v}`, (t) => {
          for (let c = t.box.left; c <= t.box.right; c++) t.sheet.columnWidths.set(colLetters(c), v);
        }),
    });
    Object.defineProperty(this, "columnHidden", {
      set: (v: boolean) =>
        this.set(`columnHidden ${v}`, (t) => {
          for (let c = t.box.left; c <= t.box.right; c++)
            if (v) t.sheet.hiddenColumns.add(colLetters(c));
            else t.sheet.hiddenColumns.delete(colLetters(c));
        }),
    });
    Object.defineProperty(this.format, "verticalAlignment", {
      set: (v: string) => each(`verticalAlignment ${v}`, (cell) => (cell.verticalAlignment = v)),
    });
    Object.defineProperty(this.format, "rowHeight", {
      set: (v: number) =>
        this.set(`rowHeight ${v}`, (t) => {
          editable(t.sheet);
          for (let r = t.box.top; r <= Math.min(t.box.bottom, t.box.top + 10000); r++) t.sheet.rowHeights.set(r, v);
        }),
    });
  }
  /** Excel's merge: across merges each row of the range on its own. */
  merge(across = false): void {
    this.set(`merge${across ? " across" : ""}`, (t) => {
      editable(t.sheet);
      const rows = across ? Array.from({ length: t.box.bottom - t.box.top + 1 }, (_, i) => t.box.top + i) : [t.box.top];
      for (const r of rows) {
        const area = { ...t.box, top: r, bottom: across ? r : t.box.bottom };
        if (t.sheet.merges.some((m) => overlaps(parseAddress(m), area)))
          throw new FakeOfficeError("InvalidOperation", `${boxAddress(area)} overlaps a merged area`);
        t.sheet.merges.push(boxAddress(area));
      }
    });
  }
  unmerge(): void {
    this.set("unmerge", (t) => {
      editable(t.sheet);
      t.sheet.merges = t.sheet.merges.filter((m) => !overlaps(parseAddress(m), t.box));
    });
  }
  protected read(t: RangeTarget, name: string): unknown {
    const cell = (r: number, c: number) => t.sheet.cells.get(`${r}:${c}`);
    switch (name) {
      case "address":
        return `${quoteIfNeeded(t.sheet.name)}!${boxAddress(t.box)}`;
      case "formulas":
        return grid(t.box, (r, c) => cell(r, c)?.formula ?? "");
      case "values":
        return grid(t.box, (r, c) => {
          const x = cell(r, c);
          if (!x) return "";
          return typeof x.formula === "string" && x.formula.startsWith("=") && !x.textFormula
            ? (x.value ?? 0)
            : x.formula;
        });
      case "numberFormat":
        return grid(t.box, (r, c) => cell(r, c)?.numberFormat ?? "General");
      case "valueTypes":
        return grid(t.box, (r, c) => {
          const v = this.read(t, "values") as Scalar[][];
          const x = v[r - t.box.top][c - t.box.left];
          if (x === "") return "Empty";
          if (typeof x === "number") return "Double";
          if (typeof x === "boolean") return "Boolean";
          return /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|BUSY!)$/.test(x) ? "Error" : "String";
        });
      case "rowCount":
        return t.box.bottom - t.box.top + 1;
      case "columnCount":
        return t.box.right - t.box.left + 1;
      default:
        throw new FakeOfficeError("InvalidArgument", `range has no ${name}`);
    }
  }
  get address(): string {
    return this.prop("address");
  }
  get formulas(): any[][] {
    return this.prop("formulas");
  }
  set formulas(v: any[][]) {
    this.write("formulas", v);
  }
  get values(): any[][] {
    return this.prop("values");
  }
  set values(v: any[][]) {
    this.write("values", v);
  }
  get numberFormat(): any[][] {
    return this.prop("numberFormat");
  }
  get valueTypes(): string[][] {
    return this.prop("valueTypes");
  }
  set numberFormat(v: any[][]) {
    this.set(`numberFormat ${shape(v)}`, (t) => {
      editable(t.sheet);
      checkShape(t.box, v, "numberFormat");
      v.forEach((row, i) =>
        row.forEach((f, j) => {
          if (f === null || f === undefined) return;
          const k = `${t.box.top + i}:${t.box.left + j}`;
          const cell = t.sheet.cells.get(k) ?? { formula: "" };
          cell.numberFormat = String(f);
          t.sheet.cells.set(k, cell);
        }),
      );
    });
  }
  private write(kind: "formulas" | "values", v: any[][]): void {
    this.set(`${kind} ${shape(v)}`, (t) => {
      editable(t.sheet);
      checkShape(t.box, v, kind);
      this.ctx.wb.log.push(`${kind} ${quoteIfNeeded(t.sheet.name)}!${boxAddress(t.box)}`);
      v.forEach((row, i) =>
        row.forEach((x, j) => this.ctx.wb.writeCell(t.sheet, t.box.top + i, t.box.left + j, x, kind)),
      );
    });
  }
  clear(applyTo = "All"): void {
    this.set(`clear ${applyTo}`, (t) => {
      editable(t.sheet);
      for (const [k, cell] of [...t.sheet.cells]) {
        const [r, c] = k.split(":").map(Number);
        if (r < t.box.top || r > t.box.bottom || c < t.box.left || c > t.box.right) continue;
        if (applyTo === "All") t.sheet.cells.delete(k);
        else if (applyTo === "Contents")
          Object.assign(cell, { formula: "", value: undefined, spill: undefined, textFormula: undefined });
        else if (applyTo === "Formats")
          Object.assign(cell, { numberFormat: undefined, font: undefined, fill: undefined, wrap: undefined });
      }
    });
  }
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const t = this.target();
        const o = typeof other === "string" ? { sheet: t.sheet, box: parseAddress(other) } : other.target();
        if (o.sheet !== t.sheet || !overlaps(t.box, o.box)) return null;
        return { sheet: t.sheet, box: intersect(t.box, o.box) };
      },
      true,
    );
  }
  getSpillingToRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const t = this.target();
        const cell = t.sheet.cells.get(`${t.box.top}:${t.box.left}`);
        if (!cell?.spill) return null;
        const box = {
          top: t.box.top,
          left: t.box.left,
          bottom: t.box.top + cell.spill.length - 1,
          right: t.box.left + cell.spill[0].length - 1,
        };
        return { sheet: t.sheet, box };
      },
      true,
    );
  }
  select(): void {
    this.set("select", (t) => {
      this.ctx.wb.activeSheetId = t.sheet.id;
      this.ctx.wb.selection = { sheetId: t.sheet.id, address: boxAddress(t.box) };
    });
  }
}

function intersect(a: Box, b: Box): Box {
  return {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
}

function forEachCell(t: RangeTarget, f: (r: number, c: number) => void): void {
  if (t.box.bottom - t.box.top > 10000 || t.box.right - t.box.left > 1000) {
    for (const k of [...t.sheet.cells.keys()]) {
      const [r, c] = k.split(":").map(Number);
      if (r >= t.box.top && r <= t.box.bottom && c >= t.box.left && c <= t.box.right) f(r, c);
    }
    return;
  }
  for (let r = t.box.top; r <= t.box.bottom; r++) for (let c = t.box.left; c <= t.box.right; c++) f(r, c);
}

const shape = (v: unknown[][]) => `${v.length}x${v[0]?.length ?? 0}`;

function checkShape(box: Box, v: unknown[][], what: string): void {
  const rows = box.bottom - box.top + 1;
  const cols = box.right - box.left + 1;
  if (!Array.isArray(v) || v.length !== rows || v.some((r) => !Array.isArray(r) || r.length !== cols)) {
    throw new FakeOfficeError("InvalidArgument", `${what}: a ${shape(v)} array for a ${rows}x${cols} range`);
  }
}

class RangeAreasProxy extends Proxy<{ sheet: FakeSheet; boxes: Box[] }> {
  readonly areas: { load(spec?: unknown): void; readonly items: RangeProxy[] };
  constructor(ctx: Ctx, locate: () => { sheet: FakeSheet; boxes: Box[] } | null, nullable = false) {
    super(ctx, locate, nullable);
    let items: RangeProxy[] | undefined;
    const find = () => this.find();
    this.areas = {
      load(spec?: unknown) {
        const names = loadNames(spec);
        ctx.enqueue("load areas", () => {
          const t = find();
          if (!t) return;
          items = t.boxes.map((box) => {
            const target = { sheet: t.sheet, box };
            const p = new RangeProxy(ctx, () => target);
            for (const n of names) (p as any).loaded[n] = (p as any).read(target, n);
            return p;
          });
        });
      },
      get items() {
        if (!items) throw new FakeOfficeError("PropertyNotLoaded", "areas.items");
        return items;
      },
    };
  }
  protected read(t: { sheet: FakeSheet; boxes: Box[] }, name: string): unknown {
    if (name === "address") return t.boxes.map((b) => `${quoteIfNeeded(t.sheet.name)}!${boxAddress(b)}`).join(",");
    throw new FakeOfficeError("InvalidArgument", `range areas have no ${name}`);
  }
  get address(): string {
    return this.prop("address");
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.target().sheet);
  }
  getIntersectionOrNullObject(other: RangeProxy): RangeAreasProxy {
    return new RangeAreasProxy(
      this.ctx,
      () => {
        const t = this.target();
        const o = other.target();
        const boxes = t.boxes.filter((b) => o.sheet === t.sheet && overlaps(b, o.box)).map((b) => intersect(b, o.box));
        return boxes.length ? { sheet: t.sheet, boxes } : null;
      },
      true,
    );
  }
}

// ---- custom properties, tables, charts, names ---------------------------------------------------------

class CustomPropertyProxy extends Proxy<{ sheet: FakeSheet; key: string }> {
  protected read(t: { sheet: FakeSheet; key: string }, name: string): unknown {
    const p = t.sheet.props.get(t.key.toLowerCase())!;
    if (name === "key") return p.key;
    if (name === "value") return p.value;
    throw new FakeOfficeError("InvalidArgument", `custom property has no ${name}`);
  }
  get value(): string {
    return this.prop("value");
  }
  get key(): string {
    return this.prop("key");
  }
  delete(): void {
    this.set("delete custom property", (t) => t.sheet.props.delete(t.key.toLowerCase()));
  }
}

class CustomPropertyCollectionProxy extends Proxy<FakeSheet> {
  protected read(): unknown {
    return undefined;
  }
  add(key: string, value: string): CustomPropertyProxy {
    this.set(`customProperties.add(${key})`, (s) => {
      if (key.length > 255) throw new FakeOfficeError("InvalidArgument", "key too long");
      s.props.set(key.toLowerCase(), { key, value: String(value).slice(0, 255) });
    });
    return new CustomPropertyProxy(this.ctx, () => ({ sheet: this.target(), key }));
  }
  getItemOrNullObject(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(
      this.ctx,
      () => {
        const s = this.target();
        return s.props.has(key.toLowerCase()) ? { sheet: s, key } : null;
      },
      true,
    );
  }
  getItem(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(this.ctx, () => {
      const s = this.target();
      return s.props.has(key.toLowerCase()) ? { sheet: s, key } : null;
    });
  }
}

class TableProxy extends Proxy<{ sheet: FakeSheet; table: FakeTable }> {
  protected read(t: { sheet: FakeSheet; table: FakeTable }, name: string): unknown {
    if (name === "name") return t.table.name;
    if (name === "style") return t.table.style;
    throw new FakeOfficeError("InvalidArgument", `table has no ${name}`);
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.set(`table name ${v}`, (t) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v)) throw new FakeOfficeError("InvalidArgument", `bad table name ${v}`);
      if (this.ctx.wb.identifierTaken(v, t.table))
        throw new FakeOfficeError("InvalidArgument", `table name ${v} is taken`);
      t.table.name = v;
    });
  }
  get style(): string {
    return this.prop("style");
  }
  set style(v: string) {
    this.set(`table style ${v}`, (t) => (t.table.style = v));
  }
  convertToRange(): void {
    this.set("convertToRange", (t) => {
      editable(t.sheet);
      t.sheet.tables = t.sheet.tables.filter((x) => x !== t.table);
    });
  }
  delete(): void {
    this.set("delete table", (t) => {
      editable(t.sheet);
      t.sheet.tables = t.sheet.tables.filter((x) => x !== t.table);
      const box = parseAddress(t.table.address);
      for (const k of [...t.sheet.cells.keys()]) {
        const [r, c] = k.split(":").map(Number);
        if (r >= box.top && r <= box.bottom && c >= box.left && c <= box.right) t.sheet.cells.delete(k);
      }
    });
  }
}

class TableCollectionProxy extends Proxy<FakeSheet | null> {
  private itemList?: TableProxy[];
  /** sheet undefined: the workbook's collection */
  constructor(
    ctx: Ctx,
    private readonly sheetOf?: () => FakeSheet | null,
  ) {
    super(ctx, () => null);
  }
  private sheet(): FakeSheet | null {
    if (!this.sheetOf) return null;
    const s = this.sheetOf();
    if (!s) throw new FakeOfficeError("ItemNotFound", "the worksheet doesn't exist");
    return s;
  }
  protected read(): unknown {
    return undefined;
  }
  override load(spec?: unknown): this {
    const names = loadNames(spec);
    this.ctx.enqueue("load tables", () => {
      const wb = this.ctx.wb;
      const s = this.sheet();
      const list = s
        ? s.tables.map((table) => ({ sheet: s, table }))
        : wb.sheets.flatMap((x) => x.tables.map((table) => ({ sheet: x, table })));
      this.itemList = list.map((t) => {
        const p = new TableProxy(this.ctx, () => (t.sheet.tables.includes(t.table) ? t : null));
        for (const n of names) (p as any).loaded[n] = (p as any).read(t, n);
        return p;
      });
    });
    return this;
  }
  get items(): TableProxy[] {
    if (!this.itemList) throw new FakeOfficeError("PropertyNotLoaded", "tables.items is not loaded");
    return this.itemList;
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    const p = new TableProxy(this.ctx, () => null);
    this.ctx.enqueue(`tables.add(${typeof address === "string" ? address : "range"})`, () => {
      const wb = this.ctx.wb;
      const s =
        this.sheet() ??
        (typeof address === "string" ? wb.findSheet(address.split("!")[0].replace(/'/g, "")) : address.target().sheet);
      if (!s) throw new FakeOfficeError("ItemNotFound", "no sheet for the table");
      editable(s);
      const box = typeof address === "string" ? parseAddress(address) : address.target().box;
      if (s.tables.some((t) => overlaps(parseAddress(t.address), box)))
        throw new FakeOfficeError("InvalidArgument", "A table can't overlap another table.");
      let n = 1;
      while (wb.identifierTaken(`Table${n}`)) n++;
      const table: FakeTable = { name: `Table${n}`, address: boxAddress(box), style: "TableStyleMedium2" };
      if (hasHeaders) {
        for (let c = box.left; c <= box.right; c++) {
          const k = `${box.top}:${c}`;
          const cell = s.cells.get(k);
          if (!cell || cell.formula === "") s.cells.set(k, { ...cell, formula: `Column${c - box.left + 1}` });
          else if (typeof cell.formula !== "string") cell.formula = String(cell.formula);
        }
      }
      s.tables.push(table);
      wb.log.push(`add table ${boxAddress(box)} on ${s.name}`);
      p.bound = { sheet: s, table };
    });
    return p;
  }
}

class ChartProxy extends Proxy<{ sheet: FakeSheet; chart: FakeChart }> {
  readonly title: { text: string };
  readonly legend: { visible: boolean; position: string };
  readonly dataLabels: { showValue: boolean };
  constructor(ctx: Ctx, locate: () => { sheet: FakeSheet; chart: FakeChart } | null) {
    super(ctx, locate);
    const title = {} as { text: string };
    Object.defineProperty(title, "text", {
      set: (v: string) => this.set(`chart title ${v}`, (t) => (t.chart.title = v)),
    });
    this.title = title;
    const legend = {} as { visible: boolean; position: string };
    for (const p of ["visible", "position"] as const) {
      Object.defineProperty(legend, p, {
        set: (v: unknown) => this.set(`chart legend ${p}`, (t) => (t.chart.legend = { ...t.chart.legend, [p]: v })),
      });
    }
    this.legend = legend;
    const labels = {} as { showValue: boolean };
    Object.defineProperty(labels, "showValue", {
      set: (v: boolean) => this.set("chart dataLabels", (t) => (t.chart.showValue = v)),
    });
    this.dataLabels = labels;
    for (const p of ["left", "top", "width", "height"] as const) {
      Object.defineProperty(this, p, {
        set: (v: number) => this.set(`chart ${p} ${v}`, (t) => (t.chart[p] = v)),
      });
    }
  }
  protected read(t: { sheet: FakeSheet; chart: FakeChart }, name: string): unknown {
    if (name === "name") return t.chart.name;
    throw new FakeOfficeError("InvalidArgument", `chart has no ${name}`);
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.set(`chart name ${v}`, (t) => (t.chart.name = v));
  }
  setPosition(from: string, to?: string): void {
    this.set("chart position", (t) => Object.assign(t.chart, { from, to }));
  }
  delete(): void {
    this.set("delete chart", (t) => {
      editable(t.sheet);
      t.sheet.charts = t.sheet.charts.filter((c) => c !== t.chart);
    });
  }
}

class ChartCollectionProxy extends Proxy<FakeSheet> {
  private itemList?: ChartProxy[];
  protected read(): unknown {
    return undefined;
  }
  override load(spec?: unknown): this {
    const names = loadNames(spec);
    this.ctx.enqueue("load charts", () => {
      const s = this.target();
      this.itemList = s.charts.map((chart) => {
        const p = new ChartProxy(this.ctx, () => (s.charts.includes(chart) ? { sheet: s, chart } : null));
        for (const n of names) (p as any).loaded[n] = (p as any).read({ sheet: s, chart }, n);
        return p;
      });
    });
    return this;
  }
  get items(): ChartProxy[] {
    if (!this.itemList) throw new FakeOfficeError("PropertyNotLoaded", "charts.items is not loaded");
    return this.itemList;
  }
  add(type: string, source: RangeProxy, seriesBy?: string): ChartProxy {
    const p = new ChartProxy(this.ctx, () => null);
    this.ctx.enqueue(`charts.add(${type})`, () => {
      const s = this.target();
      editable(s);
      const src = source.target();
      const chart: FakeChart = { name: `Chart ${s.charts.length + 1}`, type, source: boxAddress(src.box), seriesBy };
      s.charts.push(chart);
      this.ctx.wb.log.push(`add chart ${type} on ${s.name}`);
      p.bound = { sheet: s, chart };
    });
    return p;
  }
}

class NamedItemProxy extends Proxy<FakeName> {
  protected read(n: FakeName, name: string): unknown {
    switch (name) {
      case "name":
        return n.name;
      case "formula":
        return n.formula;
      case "comment":
        return n.comment;
      case "type":
        return "Range";
      case "visible":
        return true;
      default:
        throw new FakeOfficeError("InvalidArgument", `name has no ${name}`);
    }
  }
  get name(): string {
    return this.prop("name");
  }
  get formula(): string {
    return this.prop("formula");
  }
  set formula(v: string) {
    this.set(`name formula ${v}`, (n) => (n.formula = v));
  }
  get comment(): string {
    return this.prop("comment");
  }
  set comment(v: string) {
    this.set("name comment", (n) => (n.comment = v));
  }
  delete(): void {
    this.set("delete name", (n) => {
      const wb = this.ctx.wb;
      wb.names = wb.names.filter((x) => x !== n);
    });
  }
}

class NameCollectionProxy extends Proxy<FakeWorkbook> {
  private itemList?: NamedItemProxy[];
  constructor(ctx: Ctx) {
    super(ctx, () => ctx.wb);
  }
  protected read(): unknown {
    return undefined;
  }
  override load(spec?: unknown): this {
    const names = loadNames(spec);
    this.ctx.enqueue("load names", () => {
      this.itemList = this.ctx.wb.names.map((n) => {
        const p = new NamedItemProxy(this.ctx, () => (this.ctx.wb.names.includes(n) ? n : null));
        for (const k of names) (p as any).loaded[k] = (p as any).read(n, k);
        return p;
      });
    });
    return this;
  }
  get items(): NamedItemProxy[] {
    if (!this.itemList) throw new FakeOfficeError("PropertyNotLoaded", "names.items is not loaded");
    return this.itemList;
  }
  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    const p = new NamedItemProxy(this.ctx, () => null);
    this.ctx.enqueue(`names.add(${name})`, () => {
      const wb = this.ctx.wb;
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
        throw new FakeOfficeError("InvalidArgument", `bad name ${name}`);
      if (wb.identifierTaken(name)) throw new FakeOfficeError("ItemAlreadyExists", `the name ${name} is taken`);
      let formula: string;
      if (typeof reference === "string") formula = reference;
      else {
        const t = reference.target();
        const b = t.box;
        formula = `=${quoteIfNeeded(t.sheet.name)}!$${colLetters(b.left)}$${b.top}`;
      }
      const n: FakeName = { name, formula, comment: comment ?? "" };
      wb.names.push(n);
      p.bound = n;
    });
    return p;
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(
      this.ctx,
      () => this.ctx.wb.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null,
      true,
    );
  }
}

/** Office.context.document.settings over the workbook's settings maps. */
export function fakeSettings(wb: FakeWorkbook) {
  return {
    get: (name: string) => (wb.settings.has(name) ? wb.settings.get(name) : null),
    set: (name: string, value: unknown) => void wb.settings.set(name, value),
    remove: (name: string) => void wb.settings.delete(name),
    saveAsync: (cb?: (r: { status: string }) => void) => {
      wb.savedSettings.clear();
      for (const [k, v] of wb.settings) wb.savedSettings.set(k, JSON.parse(JSON.stringify(v)));
      setTimeout(() => cb?.({ status: "succeeded" }), 0);
    },
  };
}
