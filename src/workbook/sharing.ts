/**
 * Preparing a workbook for colleagues without the add-in. Cells that call EXPOSURE.* show #NAME?
 * where the add-in is missing; "prepare for sharing" turns each of them into the value it shows now,
 * in the selection, the active sheet or the whole workbook, and nothing else: every other formula,
 * value and format stays. The baseline sheets need none of this (their formulas are native).
 *
 * Syncs are constant: the whole-workbook scope lists the sheets first (1), then each scope reads the
 * formulas and values of its used ranges (1), asks Excel for the extent of the results that may spill
 * (1, only when a result may have spilled), and writes (1).
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

export interface ScanReport {
  readonly ok: boolean;
  /** EXPOSURE formulas found (each spilled result counts once) */
  readonly formulas: number;
  readonly sheets: SheetCount[];
  /** sheets that are protected: their formulas are not counted and will not be converted */
  readonly protectedSheets: string[];
  /** formulas still calculating (#BUSY!): they will be left alone */
  readonly pending: number;
  readonly syncs: number;
  readonly error?: SharingError;
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
  readonly syncs: number;
  readonly error?: SharingError;
  /** after a failed write: whether every formula was put back */
  readonly restored?: boolean;
}

/** One area read: its sheet, where it starts, its formulas and values. */
export interface AreaRead {
  readonly sheet: string;
  readonly address: string;
  readonly formulas: readonly (readonly unknown[])[];
  readonly values: readonly (readonly unknown[])[];
}

export interface Anchor {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly formula: string;
  readonly value: unknown;
  /** a cell next to it holds a plain value (or lies outside what was read): it may be a spilled result */
  readonly maySpill: boolean;
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
  readonly sheet: string;
  readonly address: string;
  readonly values: unknown[][];
  readonly restore: string[][];
  readonly formulas: number;
}

/** A value as Excel's values setter should receive it: a text starting with "=" stays text. */
function asValue(v: unknown): unknown {
  return typeof v === "string" && v.startsWith("=") ? `'${v}` : v;
}

/**
 * The writes that replace single-cell anchors by their values: contiguous anchors of a row become
 * one range, so a column of results is a handful of writes, not one per cell.
 */
export function rowRuns(anchors: readonly Anchor[]): ValueWrite[] {
  const sorted = [...anchors].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.col - b.col);
  const out: ValueWrite[] = [];
  let run: Anchor[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const box: Box = { top: run[0].row, left: run[0].col, bottom: run[0].row, right: run[run.length - 1].col };
    out.push({
      sheet: run[0].sheet,
      address: boxAddress(box),
      values: [run.map((a) => asValue(a.value))],
      restore: [run.map((a) => a.formula)],
      formulas: run.length,
    });
    run = [];
  };
  for (const a of sorted) {
    const last = run[run.length - 1];
    if (last && (last.sheet !== a.sheet || last.row !== a.row || last.col !== a.col - 1)) flush();
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
    sheet.load("name");
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
    wb.worksheets.load("items/name");
    await sync();
    sheets = wb.worksheets.items;
  }
  const used = sheets.map((sheet) => {
    sheet.load("name");
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
    areas.push({ sheet: sheet.name, address: range.address, formulas: range.formulas, values: range.values });
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
  return { ok: false, formulas: 0, cells: 0, sheets: [], protectedSheets: [], pending: 0, syncs, error };
}

/** Reads the scope and finds its EXPOSURE formulas; `ready` leaves out those still calculating. */
async function readExposure(context: Excel.RequestContext, scope: SharingScope, sync: () => Promise<void>) {
  const read = await readScope(context, scope, sync);
  const anchors = findAnchors(read.areas, scope === "selection");
  const ready = anchors.filter((a) => !isPendingValue(a.value));
  return { read, anchors, ready };
}

/** How many EXPOSURE formulas the scope holds, per sheet: the figure the pane asks to confirm. */
export async function scanExposureFormulas(scope: SharingScope): Promise<ScanReport> {
  let syncs = 0;
  try {
    return await Excel.run(async (context) => {
      const { read, anchors, ready } = await readExposure(
        context,
        scope,
        countingSync(context, () => syncs++),
      );
      return {
        ok: true,
        formulas: ready.length,
        sheets: countBySheet(ready.map((a) => ({ sheet: a.sheet, n: 1 }))),
        protectedSheets: read.protectedSheets,
        pending: anchors.length - ready.length,
        syncs,
      };
    });
  } catch (e) {
    return failedReport(classify(e, "read_failed"), syncs);
  }
}

/**
 * Replaces every EXPOSURE formula of the scope by its current value (a spilled result: the whole
 * spill), writing only those cells. If Excel refuses the write, the formulas are put back.
 */
export async function convertExposureFormulas(scope: SharingScope): Promise<ConvertReport> {
  let syncs = 0;
  let stage: "read" | "write" = "read";
  try {
    return await Excel.run(async (context): Promise<ConvertReport> => {
      const sync = countingSync(context, () => syncs++);
      const { read, anchors, ready } = await readExposure(context, scope, sync);
      const sheetOf = (name: string) => context.workbook.worksheets.getItem(name);

      // results that may have spilled: ask Excel for their extent (one sync for all of them)
      const maySpill = ready.filter((a) => a.maySpill);
      const spills = maySpill.map((a) => {
        const spill = sheetOf(a.sheet).getRange(cellAddress(a.row, a.col)).getSpillingToRangeOrNullObject();
        spill.load("address,values");
        return { anchor: a, spill };
      });
      if (spills.length > 0) await sync();

      const writes: ValueWrite[] = [];
      const spilled = new Set<Anchor>();
      let pending = anchors.length - ready.length;
      for (const { anchor, spill } of spills) {
        if (spill.isNullObject) continue;
        spilled.add(anchor);
        if (spill.values.some((row) => row.some(isPendingValue))) {
          pending++;
          continue;
        }
        const restore = spill.values.map((row, r) => row.map((_, c) => (r === 0 && c === 0 ? anchor.formula : "")));
        writes.push({
          sheet: anchor.sheet,
          address: localAddress(spill.address),
          values: spill.values.map((row) => row.map(asValue)),
          restore,
          formulas: 1,
        });
      }
      writes.push(...rowRuns(ready.filter((a) => !spilled.has(a))));
      const counted = writes.map((w) => ({ sheet: w.sheet, n: w.values.length * w.values[0].length }));
      const base = {
        protectedSheets: read.protectedSheets,
        pending,
        sheets: countBySheet(counted),
        formulas: writes.reduce((s, w) => s + w.formulas, 0),
        cells: counted.reduce((s, c) => s + c.n, 0),
      };
      if (writes.length === 0) return { ok: true, ...base, syncs };

      stage = "write";
      for (const w of writes) sheetOf(w.sheet).getRange(w.address).values = w.values;
      try {
        await sync();
      } catch (e) {
        // put the formulas back where the failed batch may have replaced them
        for (const w of writes) sheetOf(w.sheet).getRange(w.address).formulas = w.restore;
        let restored = true;
        try {
          await sync();
        } catch {
          restored = false;
        }
        return {
          ok: false,
          ...base,
          formulas: 0,
          cells: 0,
          sheets: [],
          syncs,
          error: classify(e, "write_failed"),
          restored,
        };
      }
      return { ok: true, ...base, syncs };
    });
  } catch (e) {
    return failedReport(classify(e, stage === "read" ? "read_failed" : "write_failed"), syncs);
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
