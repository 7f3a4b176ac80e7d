/**
 * The undo after a failed write, which touches only what this run can prove it wrote:
 *
 * - a sheet that appeared after the read is this run's if it carries the mark with this run's id
 *   or this run's temporary tab name (the write adds each new sheet under such a name and marks it
 *   at once), or, for the copy of a changed record sheet, that sheet's mark word for word (the
 *   write marks the copy at once too); then it is deleted; any other new sheet is left alone;
 * - an own sheet this run began to refresh carries this run's id in its mark (the write marks it
 *   before changing it), and is put back as it was read; one without the id was never reached;
 * - a name that appeared after the read is deleted only if it points into a sheet this run made; a
 *   name this run re-pointed is put back only if it still says what this run wrote.
 *
 * Each pass looks first (two syncs: the sheet and name lists, then the marks and contents of the
 * sheets concerned) and then acts (one sync). A pass that fails is run once more, since each step
 * checks ownership afresh; if that fails too, one more look says exactly what was left.
 */
import { localAddress, sheetNameKey, sheetOfReference } from "./address";
import type { Decision, SheetTask, WorkbookState } from "./decide";
import { MARK_KEY, contentFingerprint, isTempSheetName, keysOfOwnSheets, parseMark } from "./marks";
import type { CleanupReport, LeftItem } from "./report";

/** Passes of look-then-act before the undo gives up and reports what is left. */
const PASSES = 2;

interface Seen {
  readonly sheets: Map<string, { name: string; item: Excel.Worksheet }>;
  readonly names: Map<string, { name: string; formula: string; item: Excel.NamedItem }>;
  readonly marks: Map<string, string | undefined>;
  readonly targets: Map<string, { tables: Excel.Table[]; charts: Excel.Chart[]; used: Excel.Range }>;
}

interface Actions {
  readonly deleteSheets: { id: string; name: string }[];
  readonly deleteNames: string[];
  readonly restoreNames: Decision["names"][number][];
  readonly restoreSheets: SheetTask[];
  /** left alone on purpose: not this run's, or changed by someone else since */
  readonly alone: LeftItem[];
}

/** Two references are the same when they name the same sheet and cells ("=Checks!$B$5" = "='Checks'!$B$5"). */
export function sameReference(a: string, b: string): boolean {
  const sa = sheetOfReference(a);
  const sb = sheetOfReference(b);
  if (sa === undefined || sb === undefined) return a === b;
  return (
    sheetNameKey(sa) === sheetNameKey(sb) && localAddress(a).replace(/\$/g, "") === localAddress(b).replace(/\$/g, "")
  );
}

async function look(
  context: Excel.RequestContext,
  state: WorkbookState,
  decision: Decision,
  sync: () => Promise<void>,
): Promise<Seen> {
  const wb = context.workbook;
  wb.worksheets.load("items/name,items/id");
  wb.names.load("items/name,items/formula");
  await sync();
  const before = new Set(state.sheets.map((s) => s.id));
  const targets = new Set(decision.tasks.flatMap((t) => (t.target ? [t.target.id] : [])));
  const seen: Seen = { sheets: new Map(), names: new Map(), marks: new Map(), targets: new Map() };
  for (const n of wb.names.items)
    seen.names.set(n.name.toLowerCase(), { name: n.name, formula: String(n.formula), item: n });
  const markReads: { id: string; mark: Excel.WorksheetCustomProperty }[] = [];
  for (const s of wb.worksheets.items) {
    seen.sheets.set(s.id, { name: s.name, item: s });
    if (before.has(s.id) && !targets.has(s.id)) continue;
    const mark = s.customProperties.getItemOrNullObject(MARK_KEY);
    mark.load("value");
    markReads.push({ id: s.id, mark });
    if (targets.has(s.id)) {
      s.tables.load("items/name");
      s.charts.load("items/name");
      const used = s.getUsedRangeOrNullObject(true);
      used.load("address,formulas");
      seen.targets.set(s.id, { tables: [], charts: [], used });
    }
  }
  await sync();
  for (const { id, mark } of markReads) seen.marks.set(id, mark.isNullObject ? undefined : mark.value);
  for (const [id, t] of seen.targets) {
    const item = seen.sheets.get(id)!.item;
    t.tables = item.tables.items;
    t.charts = item.charts.items;
  }
  return seen;
}

function decideUndo(state: WorkbookState, decision: Decision, runId: string, seen: Seen): Actions {
  const before = new Set(state.sheets.map((s) => s.id));
  // a copy this run made of a record the user changed carries that sheet's mark word for word
  // until this run marks it: a new sheet with such a mark is this run's copy
  const copied = new Set(decision.tasks.flatMap((t) => (t.copyName ? [t.target!.markValue] : [])));
  const ours = (id: string, name: string) => {
    const mark = seen.marks.get(id);
    return parseMark(mark)?.r === runId || isTempSheetName(name, runId) || (mark !== undefined && copied.has(mark));
  };
  const actions: Actions = { deleteSheets: [], deleteNames: [], restoreNames: [], restoreSheets: [], alone: [] };
  const planned = new Set(
    decision.tasks.flatMap((t) => (!t.target ? [t.name] : t.copyName ? [t.copyName] : [])).map(sheetNameKey),
  );
  for (const [id, s] of seen.sheets) {
    if (before.has(id)) continue;
    if (ours(id, s.name)) actions.deleteSheets.push({ id, name: s.name });
    else if (planned.has(sheetNameKey(s.name))) actions.alone.push({ kind: "sheet", name: s.name, reason: "not_ours" });
  }
  const doomed = new Set(actions.deleteSheets.map((s) => sheetNameKey(s.name)));
  for (const n of decision.names) {
    const now = seen.names.get(n.name.toLowerCase());
    if (!n.existing) {
      if (!now) continue;
      const into = sheetOfReference(now.formula);
      if (into !== undefined && doomed.has(sheetNameKey(into))) actions.deleteNames.push(now.name);
      else actions.alone.push({ kind: "name", name: now.name, reason: "not_ours" });
    } else if (!now) {
      actions.alone.push({ kind: "name", name: n.name, reason: "changed_since" });
    } else if (sameReference(now.formula, n.formula) && !sameReference(n.formula, n.existing.formula)) {
      actions.restoreNames.push(n);
    } else if (!sameReference(now.formula, n.existing.formula)) {
      actions.alone.push({ kind: "name", name: now.name, reason: "changed_since" });
    }
  }
  for (const task of decision.tasks) {
    const o = task.target;
    if (!o) continue;
    if (!seen.sheets.has(o.id)) actions.alone.push({ kind: "sheet", name: o.name, reason: "changed_since" });
    else if (parseMark(seen.marks.get(o.id))?.r === runId) actions.restoreSheets.push(task);
  }
  return actions;
}

/** Puts an own sheet back as it was read: name, cells (formulas and number formats), tables, charts, tab colour, and last its mark. */
function queueRestore(task: SheetTask, seen: Seen, state: WorkbookState, runId: string): void {
  const o = task.target!;
  const { item: sheet, name } = seen.sheets.get(o.id)!;
  const t = seen.targets.get(o.id)!;
  // the name back first, so that the formulas put back refer to sheets that exist; a name someone
  // else gave it meanwhile stays
  if (name !== o.name && sheetNameKey(name) === sheetNameKey(task.name)) sheet.name = o.name;
  // charts: if the failed finish had begun removing the old ones, keep this run's (they chart the
  // same cells); else remove this run's: every chart that was not on the sheet when it was read (one
  // the write added but had not named yet has Excel's own name, so the name is no proof; but no one
  // else adds a chart to the add-in's sheet while this run writes it, marked with this run's id)
  const oldNames = new Set(o.charts);
  const readNames = new Set(o.allCharts);
  if (t.charts.filter((c) => oldNames.has(c.name)).length === oldNames.size) {
    t.charts.filter((c) => !readNames.has(c.name) || c.name.includes(`.${runId}.`)).forEach((c) => c.delete());
  } else t.charts.filter((c) => oldNames.has(c.name)).forEach((c) => c.delete());
  // compared with the names the sheets had when read: a formula the failed batch re-pointed (at a
  // new version, at a renamed sheet) counts as changed
  const keyOfSheet = keysOfOwnSheets(state.own);
  const fp = t.used.isNullObject
    ? contentFingerprint(undefined, undefined, keyOfSheet)
    : contentFingerprint(t.used.address, t.used.formulas, keyOfSheet);
  const tablesNow = t.tables
    .map((tb) => tb.name.toLowerCase())
    .sort()
    .join();
  const tablesThen = o.tables
    .map((tb) => tb.name.toLowerCase())
    .sort()
    .join();
  if (fp !== o.fingerprint || tablesNow !== tablesThen) {
    for (const table of t.tables) table.convertToRange();
    // rows the failed write merged would refuse the old contents written across them
    sheet.getRange().unmerge();
    sheet.getRange().clear("All");
    if (o.usedAddress && o.formulas) {
      const old = o.formulas;
      const formats = o.numberFormats as (string | null)[][] | undefined;
      const isFormula = (r: number, c: number) =>
        typeof old[r][c] === "string" && (old[r][c] as string).startsWith("=");
      const range = sheet.getRange(localAddress(o.usedAddress));
      if (formats) range.numberFormat = formats.map((row, r) => row.map((f, c) => (isFormula(r, c) ? null : f)));
      range.formulas = old as (string | number | boolean)[][];
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
}

function queueActions(actions: Actions, seen: Seen, state: WorkbookState, runId: string): void {
  for (const name of actions.deleteNames) seen.names.get(name.toLowerCase())!.item.delete();
  for (const n of actions.restoreNames) {
    const item = seen.names.get(n.name.toLowerCase())!.item;
    item.formula = n.existing!.formula;
    item.comment = n.existing!.comment;
  }
  for (const s of actions.deleteSheets) seen.sheets.get(s.id)!.item.delete();
  for (const task of actions.restoreSheets) queueRestore(task, seen, state, runId);
}

/** What an undo that could not finish leaves, as far as one more look can tell. */
function leftAfter(actions: Actions): LeftItem[] {
  return [
    ...actions.deleteSheets.map((s): LeftItem => ({ kind: "sheet", name: s.name, reason: "not_removed" })),
    ...actions.deleteNames.map((n): LeftItem => ({ kind: "name", name: n, reason: "not_removed" })),
    ...actions.restoreNames.map((n): LeftItem => ({ kind: "name", name: n.name, reason: "not_restored" })),
    ...actions.restoreSheets.map((t): LeftItem => ({ kind: "sheet", name: t.target!.name, reason: "not_restored" })),
    ...actions.alone,
  ];
}

/** Everything the failed write may have left, when Excel cannot even be asked. */
function unverified(decision: Decision): LeftItem[] {
  return [
    ...decision.tasks.map((t): LeftItem => ({
      kind: "sheet",
      name: t.target ? t.target.name : t.name,
      reason: "unverified",
    })),
    ...decision.names.map((n): LeftItem => ({ kind: "name", name: n.name, reason: "unverified" })),
  ];
}

/**
 * Undoes what this run wrote before its write failed, proving ownership of each thing it removes or
 * puts back (see the top of this file). Never throws: the report says what was removed, restored and
 * left, and whether the undo is complete.
 */
export async function undo(
  context: Excel.RequestContext,
  state: WorkbookState,
  decision: Decision,
  runId: string,
  sync: () => Promise<void>,
): Promise<CleanupReport> {
  // what any pass planned: a pass that failed may have done part of it, which the next look shows
  const planned = {
    sheets: new Set<string>(),
    restored: new Set<string>(),
    names: new Set<string>(),
    namesRestored: new Set<string>(),
  };
  const note = (a: Actions) => {
    a.deleteSheets.forEach((s) => planned.sheets.add(s.name));
    a.restoreSheets.forEach((t) => planned.restored.add(t.target!.name));
    a.deleteNames.forEach((n) => planned.names.add(n));
    a.restoreNames.forEach((n) => planned.namesRestored.add(n.name));
  };
  /** What was planned and no longer needs doing: done. */
  const doneBut = (still?: Actions) => {
    const not = (set: Set<string>, left: string[]) => [...set].filter((x) => !left.includes(x));
    return {
      deleted: not(planned.sheets, still?.deleteSheets.map((s) => s.name) ?? []),
      restored: not(planned.restored, still?.restoreSheets.map((t) => t.target!.name) ?? []),
      namesDeleted: not(planned.names, still?.deleteNames ?? []),
      namesRestored: not(planned.namesRestored, still?.restoreNames.map((n) => n.name) ?? []),
    };
  };
  for (let pass = 0; pass < PASSES; pass++) {
    let actions: Actions | undefined;
    try {
      const seen = await look(context, state, decision, sync);
      actions = decideUndo(state, decision, runId, seen);
      note(actions);
      queueActions(actions, seen, state, runId);
      await sync();
    } catch {
      continue;
    }
    return { ...doneBut(), left: actions.alone, complete: true };
  }
  try {
    const seen = await look(context, state, decision, sync);
    const actions = decideUndo(state, decision, runId, seen);
    const left = leftAfter(actions);
    const complete = left.every((l) => l.reason === "not_ours" || l.reason === "changed_since");
    return { ...doneBut(actions), left, complete };
  } catch {
    return {
      deleted: [],
      restored: [],
      namesDeleted: [],
      namesRestored: [],
      left: unverified(decision),
      complete: false,
    };
  }
}
