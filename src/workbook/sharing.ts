/**
 * Preparing a workbook for colleagues without the add-in. Cells that call EXPOSURE.* show #NAME?
 * where the add-in is missing; "prepare for sharing" turns each of them into the value it shows now,
 * in the selection, the active sheet or the whole workbook, and nothing else: every other formula,
 * value and format stays. The baseline sheets need none of this (their formulas are native).
 *
 * Find (scanExposureFormulas) reads the scope and records each formula it counts: its sheet (by
 * id), cell and text. Replace (convertExposureFormulas) converts exactly those: it reads each
 * recorded cell again (1 sync) and converts it only if it still holds the recorded formula, then
 * writes the values (1 sync). What the user does between the two (another tab, another selection,
 * an edited cell) cannot widen what is converted. Text results stay text.
 */
import { Box, boxAddress, cellAddress, localAddress, parseBox } from "./address";
import { countingSync } from "./sync";

export type SharingScope = "selection" | "sheet" | "workbook";

/** True for a formula that calls an EXPOSURE.* function (in the file: _xldudf_EXPOSURE.*). */
export function isExposureFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=") && /EXPOSURE\.[A-Z0-9_.]*\s*\(/i.test(formula);
}

/** Results a custom function has not delivered yet: freezing them would freeze the wait. */
export function isPendingValue(value: unknown): boolean {
  return value === "#BUSY!" || value === "#GETTING_DATA";
}

export interface SheetCount {
  readonly sheet: string;
  readonly cells: number;
}

export type SharingErrorKind =
  | "not_supported"
  | "cell_edit_mode"
  | "no_selection" // the selection is not cells (a chart, a shape)
  | "read_failed"
  | "write_failed"; // Excel refused the change; the formulas were put back (see restored)

export interface SharingError {
  readonly kind: SharingErrorKind;
  readonly detail: string;
}

/** One EXPOSURE formula Find counted: where it is and what it said, so Replace converts exactly it. */
export interface FormulaTarget {
  readonly sheetId: string;
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly formula: string;
  /** a cell next to it held a plain value: its result may have spilled */
  readonly maySpill: boolean;
}

export interface ScanReport {
  readonly ok: boolean;
  /** EXPOSURE formulas found (each spilled result counts once) */
  readonly formulas: number;
  readonly sheets: SheetCount[];
  /** sheets that are protected: their formulas are not counted and will not be converted */
  readonly protectedSheets: string[];
  /** formulas still calculating (#BUSY!): they will be left alone */
  readonly pending: number;
  /** the formulas counted, which Replace converts and nothing else */
  readonly targets: FormulaTarget[];
  readonly syncs: number;
  readonly error?: SharingError;
}

/** Why Replace left a formula Find had counted: its cell says something else now, or its sheet is gone. */
export interface SkippedCell {
  readonly sheet: string;
  readonly address: string;
  readonly reason: "changed" | "gone";
}

export interface ConvertReport {
  readonly ok: boolean;
  /** formulas replaced by their values */
  readonly formulas: number;
  /** cells whose content changed (a spilled result changes every cell it covers) */
  readonly cells: number;
  readonly sheets: SheetCount[];
  readonly protectedSheets: string[];
  readonly pending: number;
  /** formulas Find counted that changed (or went) before Replace: left as they are */
  readonly skipped: SkippedCell[];
  readonly syncs: number;
  readonly error?: SharingError;
  /** after a failed write: whether every formula is back, as read again after putting them back */
  readonly restored?: boolean;
}

/** One area read: its sheet, where it starts, its formulas and values. */
export interface AreaRead {
  readonly sheet: string;
  readonly sheetId?: string;
  readonly address: string;
  readonly formulas: readonly (readonly unknown[])[];
  readonly values: readonly (readonly unknown[])[];
}

export interface Anchor extends FormulaTarget {
  readonly value: unknown;
}

/** The EXPOSURE formulas of the areas read, in reading order. */
export function findAnchors(areas: readonly AreaRead[], edgesHidden: boolean): Anchor[] {
  const out: Anchor[] = [];
  for (const a of areas) {
    const box = parseBox(a.address);
    const rows = a.formulas.length;
    a.formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (!isExposureFormula(f)) return;
        const plain = (rr: number, cc: number) => {
          if (rr >= rows || cc >= row.length) return edgesHidden;
          const v = a.formulas[rr][cc];
          return v !== "" && v !== null && !(typeof v === "string" && v.startsWith("="));
        };
        out.push({
          sheetId: a.sheetId ?? a.sheet,
          sheet: a.sheet,
          row: box.top + r,
          col: box.left + c,
          formula: f as string,
          value: a.values[r]?.[c],
          maySpill: plain(r, c + 1) || plain(r + 1, c),
        });
      }),
    );
  }
  return out;
}

/** A write of values over a rectangle of one sheet, with the formulas to put back if it fails. */
export interface ValueWrite {
  readonly sheetId: string;
  readonly sheet: string;
  readonly address: string;
  readonly values: unknown[][];
  readonly restore: string[][];
  readonly formulas: number;
}

const ERROR_TYPE = "Error";

/**
 * A result as Excel's values setter must receive it to store the same thing: a text stays text
 * whatever it looks like ("2023", "+1", "TRUE", "=1+1" are written after an apostrophe, which
 * Excel reads as "this is text" and does not store); an error is written as its code, which Excel
 * turns back into the error; numbers and booleans as they are.
 */
export function asValue(value: unknown, valueType?: string): unknown {
  if (typeof value !== "string" || value === "") return value;
  if (valueType === ERROR_TYPE) return value;
  return `'${value}`;
}

/**
 * The writes that replace single-cell anchors by their values: contiguous anchors of a row become
 * one range, so a column of results is a handful of writes, not one per cell.
 */
export function rowRuns(cells: readonly (FormulaTarget & { value: unknown })[]): ValueWrite[] {
  const sorted = [...cells].sort((a, b) => a.sheetId.localeCompare(b.sheetId) || a.row - b.row || a.col - b.col);
  const out: ValueWrite[] = [];
  let run: (FormulaTarget & { value: unknown })[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const box: Box = { top: run[0].row, left: run[0].col, bottom: run[0].row, right: run[run.length - 1].col };
    out.push({
      sheetId: run[0].sheetId,
      sheet: run[0].sheet,
      address: boxAddress(box),
      values: [run.map((a) => a.value)],
      restore: [run.map((a) => a.formula)],
      formulas: run.length,
    });
    run = [];
  };
  for (const a of sorted) {
    const last = run[run.length - 1];
    if (last && (last.sheetId !== a.sheetId || last.row !== a.row || last.col !== a.col - 1)) flush();
    run.push(a);
  }
  flush();
  return out;
}

function errorCode(e: unknown): string {
  return typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string"
    ? (e as { code: string }).code
    : "";
}

function classify(e: unknown, fallback: SharingErrorKind): SharingError {
  const code = errorCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  if (code === "InvalidOperationInCellEditMode") return { kind: "cell_edit_mode", detail };
  if (code === "InvalidSelection" || code === "UnsupportedOperation") return { kind: "no_selection", detail };
  if (code === "ApiNotFound") return { kind: "not_supported", detail };
  return { kind: fallback, detail: code ? `${code}: ${detail}` : detail };
}

interface ReadResult {
  readonly areas: AreaRead[];
  readonly protectedSheets: string[];
}

/** Queues the reads of the scope and syncs: 1 sync (2 for the whole workbook). */
async function readScope(
  context: Excel.RequestContext,
  scope: SharingScope,
  sync: () => Promise<void>,
): Promise<ReadResult> {
  const wb = context.workbook;
  if (scope === "selection") {
    const selection = wb.getSelectedRanges();
    // worksheet and areas are navigation properties: proxies, no load needed
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const sheet = selection.worksheet;
    sheet.load("name,id");
    sheet.protection.load("protected");
    const part = selection.getIntersectionOrNullObject(sheet.getUsedRange(true));
    part.areas.load("items/address,items/formulas,items/values");
    await sync();
    if (sheet.protection.protected) return { areas: [], protectedSheets: [sheet.name] };
    // read after the sync above (the rule does not see through the sync wrapper)
    // eslint-disable-next-line office-addins/call-sync-before-read
    if (part.isNullObject) return { areas: [], protectedSheets: [] };
    return {
      areas: part.areas.items.map((r) => ({
        sheet: sheet.name,
        sheetId: sheet.id,
        address: r.address,
        formulas: r.formulas,
        values: r.values,
      })),
      protectedSheets: [],
    };
  }
  let sheets: Excel.Worksheet[];
  if (scope === "sheet") {
    sheets = [wb.worksheets.getActiveWorksheet()];
  } else {
    wb.worksheets.load("items/name,items/id");
    await sync();
    sheets = wb.worksheets.items;
  }
  const used = sheets.map((sheet) => {
    sheet.load("name,id");
    sheet.protection.load("protected");
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("address,formulas,values");
    return range;
  });
  await sync();
  const areas: AreaRead[] = [];
  const protectedSheets: string[] = [];
  sheets.forEach((sheet, i) => {
    const range = used[i];
    if (range.isNullObject) return;
    if (sheet.protection.protected) {
      if (range.formulas.some((row) => row.some(isExposureFormula))) protectedSheets.push(sheet.name);
      return;
    }
    areas.push({
      sheet: sheet.name,
      sheetId: sheet.id,
      address: range.address,
      formulas: range.formulas,
      values: range.values,
    });
  });
  return { areas, protectedSheets };
}

function countBySheet(items: readonly { sheet: string; n: number }[]): SheetCount[] {
  const m = new Map<string, number>();
  for (const { sheet, n } of items) m.set(sheet, (m.get(sheet) ?? 0) + n);
  return [...m].map(([sheet, cells]) => ({ sheet, cells }));
}

/** The report of a scan or a conversion that failed before it changed anything. */
export function failedReport(error: SharingError, syncs: number): ScanReport & ConvertReport {
  return {
    ok: false,
    formulas: 0,
    cells: 0,
    sheets: [],
    protectedSheets: [],
    pending: 0,
    targets: [],
    skipped: [],
    syncs,
    error,
  };
}

/**
 * How many EXPOSURE formulas the scope holds, per sheet: the figure the pane asks to confirm, and
 * the list of exactly those formulas, which Replace converts.
 */
export async function scanExposureFormulas(scope: SharingScope): Promise<ScanReport> {
  let syncs = 0;
  try {
    return await Excel.run(async (context) => {
      const read = await readScope(
        context,
        scope,
        countingSync(context, () => syncs++),
      );
      const anchors = findAnchors(read.areas, scope === "selection");
      const ready = anchors.filter((a) => !isPendingValue(a.value));
      return {
        ok: true,
        formulas: ready.length,
        sheets: countBySheet(ready.map((a) => ({ sheet: a.sheet, n: 1 }))),
        protectedSheets: read.protectedSheets,
        pending: anchors.length - ready.length,
        targets: ready.map(({ value: _value, ...target }) => target),
        syncs,
      };
    });
  } catch (e) {
    return failedReport(classify(e, "read_failed"), syncs);
  }
}

interface TargetRead {
  readonly target: FormulaTarget;
  readonly cell: Excel.Range;
  readonly spill?: Excel.Range;
  readonly sheet: Excel.Worksheet;
}

/**
 * Reads each target cell as it is now, with the extent of its spilled result where it may have one:
 * one sync; when a sheet Find saw is gone, two more (the sheet list, then the sheets still there).
 */
async function readTargets(
  context: Excel.RequestContext,
  targets: readonly FormulaTarget[],
  sync: () => Promise<void>,
): Promise<{ reads: TargetRead[]; gone: FormulaTarget[] }> {
  const wb = context.workbook;
  const queue = (present: (t: FormulaTarget) => boolean) => {
    const sheets = new Map<string, Excel.Worksheet>();
    return targets.filter(present).map((target): TargetRead => {
      let sheet = sheets.get(target.sheetId);
      if (!sheet) {
        sheet = wb.worksheets.getItem(target.sheetId);
        sheet.load("name");
        sheet.protection.load("protected");
        sheets.set(target.sheetId, sheet);
      }
      const cell = sheet.getRange(cellAddress(target.row, target.col));
      cell.load("formulas,values,valueTypes");
      const spill = target.maySpill ? cell.getSpillingToRangeOrNullObject() : undefined;
      spill?.load("address,values,valueTypes");
      return { target, cell, spill, sheet };
    });
  };
  const first = queue(() => true);
  try {
    await sync();
    return { reads: first, gone: [] };
  } catch (e) {
    if (errorCode(e) !== "ItemNotFound") throw e;
  }
  wb.worksheets.load("items/id");
  await sync();
  const present = new Set(wb.worksheets.items.map((s) => s.id));
  const reads = queue((t) => present.has(t.sheetId));
  await sync();
  return { reads, gone: targets.filter((t) => !present.has(t.sheetId)) };
}

/**
 * Replaces by its current value each EXPOSURE formula Find counted (a spilled result: the whole
 * spill), writing only those cells. A formula that changed since Find, or whose sheet is gone, is
 * left as it is and reported. If Excel refuses the write, the formulas are put back and read again
 * to say whether they all are.
 */
export async function convertExposureFormulas(
  scan: Pick<ScanReport, "targets" | "pending" | "protectedSheets">,
): Promise<ConvertReport> {
  let syncs = 0;
  let stage: "read" | "write" = "read";
  try {
    return await Excel.run(async (context): Promise<ConvertReport> => {
      const sync = countingSync(context, () => syncs++);
      const { reads, gone } = await readTargets(context, scan.targets, sync);
      const skipped: SkippedCell[] = gone.map((t) => ({
        sheet: t.sheet,
        address: cellAddress(t.row, t.col),
        reason: "gone",
      }));
      // what Find already left alone is left alone still, and said again
      const protectedSheets = new Set<string>(scan.protectedSheets);
      const writes: ValueWrite[] = [];
      const singles: (FormulaTarget & { value: unknown })[] = [];
      let pending = scan.pending;
      for (const { target, cell, spill, sheet } of reads) {
        const address = cellAddress(target.row, target.col);
        const named = { ...target, sheet: sheet.name };
        if (sheet.protection.protected) {
          protectedSheets.add(sheet.name);
          continue;
        }
        if (cell.formulas[0][0] !== target.formula) {
          skipped.push({ sheet: sheet.name, address, reason: "changed" });
          continue;
        }
        if (spill && !spill.isNullObject) {
          if (spill.values.some((row) => row.some(isPendingValue))) {
            pending++;
            continue;
          }
          writes.push({
            sheetId: target.sheetId,
            sheet: sheet.name,
            address: localAddress(spill.address),
            values: spill.values.map((row, r) => row.map((v, c) => asValue(v, spill.valueTypes[r][c]))),
            restore: spill.values.map((row, r) => row.map((_, c) => (r === 0 && c === 0 ? target.formula : ""))),
            formulas: 1,
          });
          continue;
        }
        const value = cell.values[0][0];
        if (isPendingValue(value)) {
          pending++;
          continue;
        }
        singles.push({ ...named, value: asValue(value, cell.valueTypes[0][0]) });
      }
      writes.push(...rowRuns(singles));
      const counted = writes.map((w) => ({ sheet: w.sheet, n: w.values.length * w.values[0].length }));
      const base = {
        protectedSheets: [...protectedSheets],
        pending,
        skipped,
        sheets: countBySheet(counted),
        formulas: writes.reduce((s, w) => s + w.formulas, 0),
        cells: counted.reduce((s, c) => s + c.n, 0),
      };
      if (writes.length === 0) return { ok: true, ...base, syncs };

      stage = "write";
      const sheetOf = (id: string) => context.workbook.worksheets.getItem(id);
      for (const w of writes) sheetOf(w.sheetId).getRange(w.address).values = w.values;
      try {
        await sync();
      } catch (e) {
        return {
          ok: false,
          ...base,
          formulas: 0,
          cells: 0,
          sheets: [],
          syncs,
          error: classify(e, "write_failed"),
          restored: await putBack(context, writes, sync),
        };
      }
      return { ok: true, ...base, syncs };
    });
  } catch (e) {
    return failedReport(classify(e, stage === "read" ? "read_failed" : "write_failed"), syncs);
  }
}

/** Puts the formulas back where a failed write may have replaced them, then reads them again: true only if every one is back. */
async function putBack(
  context: Excel.RequestContext,
  writes: readonly ValueWrite[],
  sync: () => Promise<void>,
): Promise<boolean> {
  const sheetOf = (id: string) => context.workbook.worksheets.getItem(id);
  try {
    for (const w of writes) sheetOf(w.sheetId).getRange(w.address).formulas = w.restore;
    await sync();
    const checks = writes.map((w) => {
      const range = sheetOf(w.sheetId).getRange(w.address);
      range.load("formulas");
      return { w, range };
    });
    await sync();
    return checks.every(({ w, range }) =>
      w.restore.every((row, r) => row.every((f, c) => f === "" || range.formulas[r][c] === f)),
    );
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Opening the pane with the workbook
// ---------------------------------------------------------------------------------------------

/** The document setting Office reads to open the add-in's pane when the workbook opens. */
export const AUTO_OPEN_SETTING = "Office.AutoShowTaskpaneWithDocument";

/** Whether this workbook is tagged to open the pane. */
export function isAutoOpen(): boolean {
  try {
    return Office.context.document.settings.get(AUTO_OPEN_SETTING) === true;
  } catch {
    return false;
  }
}

/**
 * Tags (or untags) the workbook so the pane opens with it, for everyone who has the add-in; saved
 * with the document. Resolves to false when Office refused to save the setting.
 */
export function setAutoOpen(on: boolean): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const settings = Office.context.document.settings;
      if (on) settings.set(AUTO_OPEN_SETTING, true);
      else settings.remove(AUTO_OPEN_SETTING);
      settings.saveAsync((result) => resolve(!result || result.status !== Office.AsyncResultStatus.Failed));
    } catch {
      resolve(false);
    }
  });
}
