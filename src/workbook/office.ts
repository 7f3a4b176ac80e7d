/**
 * The Office.js adapter: applies a WorkbookPlan to the open workbook inside ONE `Excel.run`, with a
 * constant number of `context.sync()` calls whatever the number of sheets (three when it works):
 *
 *   1. read   — the sheet list, workbook protection, table and defined names, and for every sheet the
 *               add-in made before (its index, see sheet-index.ts) its mark, protection, tables,
 *               charts and contents; decide.ts then decides, without Office, what to write;
 *   2. write  — with calculation suspended: own sheets marked with this run's id first, then
 *               refreshed; new sheets added under a temporary name of this run and marked; every
 *               block as whole 2-D arrays; tables, charts; new sheets renamed to their final names;
 *               workbook names; then it loads back what Excel stored;
 *   3. finish — marks each sheet with its plan key and a fingerprint of what Excel stored, removes the
 *               charts the refresh replaced, activates the first sheet.
 *
 * Nothing the user wrote is lost: a sheet is the add-in's own only if its index lists it AND it
 * carries the mark; a sheet of the same name that is not its own is never touched (the new sheet
 * gets a free name); an own sheet the user edited is kept and a new version is written beside it.
 * A failure after writing began runs undo.ts, which removes or puts back only what this run can
 * prove it wrote. When the failure was a change made meanwhile (another window or a co-author made
 * a sheet or name of the same name), the insert is undone and runs once more on the workbook as it
 * now is. The result is a typed report, never an exception.
 */
import { localAddress, sheetNameKey } from "./address";
import { planProblems, sheetFingerprint, widthToPoints, type BlockArrays } from "./arrays";
import { decide, type Decision, type OwnSheetState, type SheetTask, type WorkbookState } from "./decide";
import { MARK_KEY, contentFingerprint, isOwnChartName, keysOfOwnSheets, markValue, newRunId, parseMark } from "./marks";
import { queueChart, queueLayout, queuePage, queueStyle } from "./office-sheet";
import { DEFAULT_FONT } from "./styles";
import type { CleanupReport, InsertError, InsertPhase, InsertReport, NameSkip, SheetResult } from "./report";
import { IndexEntry, SheetIndexStore, mergeIndex, officeSettingsIndex } from "./sheet-index";
import { countingSync } from "./sync";
import { serialized } from "./serial";
import { undo } from "./undo";
import type { ValidationPlan, WorkbookPlan } from "./types";

/** context.sync() calls of a successful insert, whatever the plan: read, write, finish. */
export const INSERT_SYNCS = 3;
/** Inserts made in all when the first met a change made meanwhile: the first, undone, and one more. */
export const MAX_ATTEMPTS = 2;

export interface InsertOptions {
  readonly onProgress?: (phase: InsertPhase) => void;
  /** where the add-in's sheets are listed; the document settings by default */
  readonly index?: SheetIndexStore;
  /** tags what this run writes (the undo proves ownership with it); random by default */
  readonly runId?: string;
}

// ---------------------------------------------------------------------------------------------
// Reading (sync 1)
// ---------------------------------------------------------------------------------------------

/** Proxies of what was read, by id and name: the Decision is plain data, these carry it out. */
export interface Handles {
  readonly sheets: Map<string, Excel.Worksheet>;
  /** the tables of each own sheet, in the order read */
  readonly tables: Map<string, Excel.Table[]>;
  /** the add-in's charts on each own sheet */
  readonly charts: Map<string, Excel.Chart[]>;
  readonly names: Map<string, Excel.NamedItem>;
}

interface OwnReads {
  readonly sheet: Excel.Worksheet;
  readonly mark: Excel.WorksheetCustomProperty;
  readonly used: Excel.Range;
  readonly comments: OfficeExtension.ClientResult<number>;
}

function queueInventory(context: Excel.RequestContext): void {
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

function collectState(
  context: Excel.RequestContext,
  reads: readonly OwnReads[],
  gone: readonly string[],
): { state: WorkbookState; handles: Handles } {
  const wb = context.workbook;
  const handles: Handles = { sheets: new Map(), tables: new Map(), charts: new Map(), names: new Map() };
  const found: (Omit<OwnSheetState, "fingerprint"> & { comments: number })[] = [];
  for (const r of reads) {
    if (r.mark.isNullObject) continue;
    const mark = parseMark(r.mark.value);
    if (!mark || found.some((o) => o.id === r.sheet.id)) continue;
    const charts = r.sheet.charts.items.filter((c) => isOwnChartName(c.name, mark.k));
    handles.sheets.set(r.sheet.id, r.sheet);
    handles.tables.set(r.sheet.id, r.sheet.tables.items);
    handles.charts.set(r.sheet.id, charts);
    found.push({
      id: r.sheet.id,
      name: r.sheet.name,
      position: r.sheet.position,
      tabColor: r.sheet.tabColor,
      visible: r.sheet.visibility === "Visible",
      protected: r.sheet.protection.protected,
      mark,
      markValue: r.mark.value,
      tables: r.sheet.tables.items.map((t) => ({ name: t.name, style: t.style })),
      charts: charts.map((c) => c.name),
      allCharts: r.sheet.charts.items.map((c) => c.name),
      comments: r.comments.value,
      usedAddress: r.used.isNullObject ? undefined : r.used.address,
      formulas: r.used.isNullObject ? undefined : r.used.formulas,
      numberFormats: r.used.isNullObject ? undefined : r.used.numberFormat,
    });
  }
  const keyOfSheet = keysOfOwnSheets(found);
  const own: OwnSheetState[] = found.map((o) => ({
    ...o,
    // someone wrote a comment on it: a record sheet counts as edited
    fingerprint: o.comments > 0 ? "commented" : contentFingerprint(o.usedAddress, o.formulas, keyOfSheet),
  }));
  for (const n of wb.names.items) handles.names.set(n.name.toLowerCase(), n);
  for (const s of wb.worksheets.items) if (!handles.sheets.has(s.id)) handles.sheets.set(s.id, s);
  return {
    state: {
      structureProtected: wb.protection.protected,
      sheets: wb.worksheets.items.map((s) => ({ id: s.id, name: s.name })),
      tableNames: wb.tables.items.map((t) => t.name),
      names: wb.names.items.map((n) => ({ name: n.name, formula: String(n.formula), comment: n.comment })),
      own,
      gone,
    },
    handles,
  };
}

export const errorCode = (e: unknown): string =>
  typeof e === "object" && e !== null && typeof (e as { code?: unknown }).code === "string"
    ? (e as { code: string }).code
    : "";

/**
 * Sync 1. The index names the sheets to read in full. When one of them is gone (the user deleted it,
 * so `getItem` fails), two more syncs: the sheet list, then the listed sheets still there.
 */
async function readWorkbook(
  context: Excel.RequestContext,
  entries: readonly IndexEntry[],
  sync: () => Promise<void>,
): Promise<{ state: WorkbookState; handles: Handles }> {
  const wb = context.workbook;
  queueInventory(context);
  const reads = queueOwnReads(entries.map((e) => wb.worksheets.getItem(e.id)));
  try {
    await sync();
    return collectState(context, reads, []);
  } catch (e) {
    if (entries.length === 0 || errorCode(e) !== "ItemNotFound") throw e;
  }
  queueInventory(context);
  await sync();
  const present = new Set(wb.worksheets.items.map((s) => s.id));
  const again = queueOwnReads(wb.worksheets.items.filter((s) => entries.some((e) => e.id === s.id)));
  await sync();
  return collectState(
    context,
    again,
    entries.filter((e) => !present.has(e.id)).map((e) => e.id),
  );
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
  /** reset: the copy that keeps the user's changes */
  readonly copy?: Excel.Worksheet;
}

function queueBlock(sheet: Excel.Worksheet, arrays: BlockArrays): Excel.Range {
  const range = sheet.getRange(arrays.address);
  if (arrays.formatsBefore) range.numberFormat = arrays.formatsBefore;
  range.formulas = arrays.formulas;
  if (arrays.formatsAfter) range.numberFormat = arrays.formatsAfter;
  return range;
}

function queueWrites(context: Excel.RequestContext, decision: Decision, handles: Handles, runId: string): Written[] {
  const wb = context.workbook;
  wb.application.suspendApiCalculationUntilNextSync();

  // 1. own sheets refreshed in place. A record the user changed is first copied, the copy marked
  //    with this run's id and named (so the user's changes are kept whatever happens next). Then all
  //    are marked with this run's id (the undo puts back exactly the sheets that carry it), all
  //    their tables made plain ranges (formulas that used their structured references keep working
  //    as A1 references), and only then are record sheets cleared (a case keeps its inputs and the
  //    user's cells around them): a sheet or table read here and gone since (another session's
  //    insert) stops the batch before anything is cleared
  const targets = decision.tasks.filter((t) => t.target);
  const sheetOf = (task: SheetTask) => handles.sheets.get(task.target!.id)!;
  const copies = new Map<SheetTask, Excel.Worksheet>();
  for (const task of targets) {
    if (!task.copyName) continue;
    const copy = sheetOf(task).copy("After", sheetOf(task));
    copy.customProperties.add(MARK_KEY, markValue(task, "", runId));
    copy.name = task.copyName;
    copies.set(task, copy);
  }
  for (const task of targets) sheetOf(task).customProperties.add(MARK_KEY, markValue(task, "", runId));
  for (const task of targets) for (const table of handles.tables.get(task.target!.id) ?? []) table.convertToRange();
  for (const task of targets) {
    if (task.plan.owner !== "case") {
      // merged rows of the version before go first: the new blocks may write across them
      sheetOf(task).getRange().unmerge();
      sheetOf(task).getRange().clear("All");
    }
    if (task.name !== task.target!.name) sheetOf(task).name = task.name;
  }

  // 2. new sheets, under this run's temporary names, marked at once
  const sheets = new Map<SheetTask, { sheet: Excel.Worksheet; added: boolean }>();
  for (const task of decision.tasks) {
    if (task.target) {
      sheets.set(task, { sheet: handles.sheets.get(task.target.id)!, added: false });
      continue;
    }
    const sheet = wb.worksheets.add(task.tempName);
    sheet.customProperties.add(MARK_KEY, markValue(task, "", runId));
    sheets.set(task, { sheet, added: true });
  }

  // 3. contents
  for (const task of decision.tasks) {
    const { sheet } = sheets.get(task)!;
    const p = task.plan;
    sheet.tabColor = p.tabColor ?? "";
    for (const col of p.columns) {
      const range = sheet.getRange(`${col.column}:${col.column}`);
      range.format.columnWidth = widthToPoints(col.width);
      if (col.hidden) range.columnHidden = true;
    }
    const font = p.font ?? DEFAULT_FONT;
    p.blocks.forEach((block, i) => queueStyle(queueBlock(sheet, task.arrays[i]), block, font));
    queueLayout(sheet, p);
    p.tables.forEach((tb, i) => {
      const table = sheet.tables.add(localAddress(tb.range), true);
      table.name = task.tableNames[i];
      table.style = tb.style;
    });
    for (const v of p.validations ?? []) queueValidation(sheet.getRange(v.range), v);
    p.charts.forEach((c, i) => queueChart(sheet, p, c, `${p.key}.${runId}.${i + 1}`));
    if (p.page) queuePage(sheet, p.page);
    if (p.freezeRows > 0) sheet.freezePanes.freezeRows(p.freezeRows);
    else sheet.freezePanes.unfreeze();
  }

  // 4. the new sheets take their final names (Excel rewrites the formulas that name them); a
  //    sheet made meanwhile under one of these names stops the batch here, before any name is added
  for (const task of decision.tasks) if (task.tempName) sheets.get(task)!.sheet.name = task.name;

  // 5. what Excel stored, for the fingerprints
  const written: Written[] = decision.tasks.map((task) => {
    const { sheet, added } = sheets.get(task)!;
    const used = sheet.getUsedRange(true);
    used.load("address,formulas");
    if (added) sheet.load("id,name");
    return { task, sheet, used, added, copy: copies.get(task) };
  });

  // 6. defined names
  const sheetByKey = new Map(written.map((w) => [w.task.plan.key, w.sheet]));
  for (const n of decision.names) {
    if (n.existing) {
      const item = handles.names.get(n.existing.name.toLowerCase())!;
      item.formula = n.formula;
      item.comment = n.comment;
    } else {
      wb.names.add(n.name, sheetByKey.get(n.sheetKey)!.getRange(n.address), n.comment);
    }
  }
  return written;
}

/** A rule Excel enforces on a range: a number within bounds or one of a list, with the message it shows. */
function queueValidation(range: Excel.Range, v: ValidationPlan): void {
  const dv = range.dataValidation;
  dv.clear();
  if (v.rule.kind === "list") {
    dv.rule = { list: { inCellDropDown: true, source: v.rule.values.join(",") } };
  } else {
    const { min, max, minExclusive } = v.rule;
    dv.rule = {
      decimal:
        max === undefined
          ? { formula1: min ?? 0, operator: minExclusive ? "GreaterThan" : "GreaterThanOrEqualTo" }
          : { formula1: min ?? 0, formula2: max, operator: "Between" },
    };
  }
  dv.ignoreBlanks = true;
  dv.errorAlert = { showAlert: true, style: "Stop", title: v.title, message: v.message };
}

function queueFinish(
  context: Excel.RequestContext,
  state: WorkbookState,
  handles: Handles,
  written: readonly Written[],
  runId: string,
): SheetResult[] {
  // the fingerprint reads references to every own sheet as keys, under their final names
  const keyOfSheet = keysOfOwnSheets(state.own);
  for (const w of written) keyOfSheet.set(sheetNameKey(w.task.name), w.task.plan.key);
  const results: SheetResult[] = [];
  for (const w of written) {
    const fp = sheetFingerprint(w.task.plan, w.used.address, w.used.formulas, keyOfSheet);
    w.sheet.customProperties.add(MARK_KEY, markValue(w.task, fp, runId));
    if (w.task.target) for (const chart of handles.charts.get(w.task.target.id) ?? []) chart.delete();
    results.push({
      key: w.task.plan.key,
      name: w.task.name,
      id: w.added ? w.sheet.id : w.task.target!.id,
      outcome: w.task.outcome,
      ...(w.task.copyName ? { copy: w.task.copyName } : {}),
    });
  }
  // a hidden sheet cannot be activated
  written.find((w) => w.added || w.task.target!.visible)?.sheet.activate();
  // last: the copies that keep the user's changes become the user's own sheets (no mark)
  for (const w of written) w.copy?.customProperties.getItem(MARK_KEY).delete();
  return results;
}

// ---------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------

function classify(e: unknown, phase: "read" | "write"): InsertError {
  const code = errorCode(e);
  const detail = e instanceof Error ? e.message : typeof e === "string" ? e : code || "unknown error";
  if (code === "InvalidOperationInCellEditMode") return { kind: "cell_edit_mode", detail };
  if (code === "ApiNotFound" || code === "NotImplemented") return { kind: "not_supported", detail };
  // a name taken, or something read gone, since the read: the workbook changed meanwhile
  if (phase === "write" && (code === "ItemAlreadyExists" || code === "ItemNotFound")) {
    return { kind: "conflict", detail: `${code}: ${detail}` };
  }
  return { kind: phase === "read" ? "read_failed" : "write_failed", detail: code ? `${code}: ${detail}` : detail };
}

type Attempt =
  | { readonly done: InsertReport }
  | { readonly conflict: InsertError; readonly cleanup: CleanupReport; readonly skipped: NameSkip[] };

/**
 * Inserts (or refreshes) the plan's sheets, names, tables and charts. Never throws: the report says
 * what happened to each sheet, or in plain terms why nothing was changed and what an undo left.
 * Inserts started in one runtime run one after the other; one started elsewhere (a co-author,
 * another session) that meets this one is undone by ownership and run again (see the top).
 */
export function applyPlan(plan: WorkbookPlan, options: InsertOptions = {}): Promise<InsertReport> {
  return serialized(() => insertNow(plan, options));
}

async function insertNow(plan: WorkbookPlan, options: InsertOptions): Promise<InsertReport> {
  let syncs = 0;
  let attempts = 0;
  const progress = (p: InsertPhase) => options.onProgress?.(p);
  const failed = (error: InsertError, cleanup?: CleanupReport, skipped: NameSkip[] = []): InsertReport => ({
    ok: false,
    sheets: [],
    namesWritten: 0,
    namesSkipped: skipped,
    syncs,
    attempts,
    error,
    ...(cleanup ? { cleanup } : {}),
  });
  const problems = planProblems(plan);
  if (problems.length > 0) return failed({ kind: "invalid_plan", detail: problems.join("; ") });
  if (typeof Excel === "undefined" || typeof Excel.run !== "function") {
    return failed({ kind: "not_supported", detail: "Excel.run is not available" });
  }
  const index = options.index ?? officeSettingsIndex;
  const baseId = options.runId ?? newRunId();

  const attempt = async (runId: string): Promise<Attempt> => {
    let phase: "read" | "write" = "read";
    try {
      return await Excel.run(async (context): Promise<Attempt> => {
        const sync = countingSync(context, () => syncs++);
        progress("reading");
        const { state, handles } = await readWorkbook(context, index.read(), sync);
        const decision = decide(plan, state, runId);
        if (decision.error) return { done: failed(decision.error) };
        const written = queueWrites(context, decision, handles, runId);
        phase = "write";
        progress("writing");
        let results: SheetResult[];
        try {
          await sync();
          progress("finishing");
          results = queueFinish(context, state, handles, written, runId);
          await sync();
        } catch (e) {
          progress("undoing");
          const cleanup = await undo(context, state, decision, runId, sync);
          const error = classify(e, "write");
          if (!cleanup.complete) return { done: failed({ ...error, kind: "cleanup_incomplete" }, cleanup) };
          // a sheet or name someone else made or changed meanwhile: the write met a change, not a fault
          const meanwhile = cleanup.left.some((l) => l.reason === "not_ours" || l.reason === "changed_since");
          if (error.kind === "conflict" || meanwhile) {
            return { conflict: { ...error, kind: "conflict" }, cleanup, skipped: [...decision.skipped] };
          }
          return { done: failed(error, cleanup) };
        }
        // the index, read again (another run may have written it since) and brought up to date
        const ownNow = results.map((r) => ({ id: r.id, key: r.key }));
        const untouched = state.own
          .filter((o) => !results.some((r) => r.id === o.id))
          .map((o) => ({ id: o.id, key: o.mark.k }));
        try {
          await index.write(mergeIndex(index.read(), new Set(state.gone), [...untouched, ...ownNow]));
        } catch {
          // the sheets are written and marked; a missing entry only costs a copy of an own sheet next time
        }
        const kept: SheetResult[] = decision.kept.map((k) => ({ ...k, outcome: "kept" }));
        return {
          done: {
            ok: true,
            sheets: [...results, ...kept],
            namesWritten: decision.names.length,
            namesSkipped: [...decision.skipped],
            syncs,
            attempts,
          },
        };
      });
    } catch (e) {
      return { done: failed(classify(e, phase)) };
    }
  };

  let last: Attempt | undefined;
  while (attempts < MAX_ATTEMPTS) {
    attempts++;
    last = await attempt(attempts === 1 ? baseId : `${baseId}${attempts}`);
    if ("done" in last) return { ...last.done, syncs, attempts };
  }
  const { conflict, cleanup, skipped } = last as Extract<Attempt, { conflict: InsertError }>;
  return failed(conflict, cleanup, skipped);
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
