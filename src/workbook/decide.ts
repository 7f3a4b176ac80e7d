/**
 * The decision of an insert, as a pure function of the plan and of what was read: for each sheet of
 * the plan, create it, refresh the add-in's own sheet in place, leave it (unchanged), or write a new
 * version beside an own sheet the user edited; the final tab and table names; for each workbook
 * name, add it, re-point the add-in's own, or skip it. No Office calls: the adapter (office.ts)
 * reads the workbook into a WorkbookState and queues what the Decision says.
 */
import { absoluteCell, freeIdentifier, freeSheetName, quoteSheetName, sheetOfReference } from "./address";
import { BlockArrays, blockArrays } from "./arrays";
import { SheetMark, planFingerprint, tempSheetName } from "./marks";
import type { InsertError, NameSkip, SheetOutcome } from "./report";
import type { SheetPlan, WorkbookPlan } from "./types";

/** One of the add-in's own sheets as read (listed in the index and carrying a valid mark). */
export interface OwnSheetState {
  readonly id: string;
  readonly name: string;
  readonly position: number;
  readonly tabColor: string;
  readonly visible: boolean;
  readonly protected: boolean;
  readonly mark: SheetMark;
  /** the mark's raw value, put back by an undo */
  readonly markValue: string;
  readonly tables: readonly { readonly name: string; readonly style: string }[];
  /** names of the charts the add-in made on it (a chart the user added is not among them) */
  readonly charts: readonly string[];
  readonly usedAddress?: string;
  readonly formulas?: unknown[][];
  readonly numberFormats?: unknown[][];
  /** fingerprint of its contents now ("commented" when someone wrote a comment on it) */
  readonly fingerprint: string;
}

export interface NameState {
  readonly name: string;
  readonly formula: string;
  readonly comment: string;
}

/** The workbook as sync 1 read it. */
export interface WorkbookState {
  readonly structureProtected: boolean;
  /** every sheet, in tab order */
  readonly sheets: readonly { readonly id: string; readonly name: string }[];
  readonly tableNames: readonly string[];
  readonly names: readonly NameState[];
  readonly own: readonly OwnSheetState[];
  /** sheets the index listed that are gone (the user deleted them) */
  readonly gone: readonly string[];
}

export interface SheetTask {
  readonly plan: SheetPlan;
  readonly outcome: SheetOutcome;
  /** the final tab name */
  readonly name: string;
  /** created and new_version: the name the sheet carries until its contents are written */
  readonly tempName?: string;
  /** refreshed/unchanged: the own sheet rewritten in place */
  readonly target?: OwnSheetState;
  /** new_version: the own sheet that keeps the user's edits */
  readonly edited?: OwnSheetState;
  /** final table names, in plan order */
  readonly tableNames: readonly string[];
  readonly planHash: string;
  /** the blocks as the arrays Excel is given, references resolved to the names at write time */
  readonly arrays: readonly BlockArrays[];
}

export interface NameTask {
  readonly name: string;
  readonly sheetKey: string;
  readonly address: string;
  readonly comment: string;
  /** the reference it ends up with ("='China revenue'!$B$6") */
  readonly formula: string;
  /** an existing name of the add-in's, re-pointed */
  readonly existing?: NameState;
}

export interface Decision {
  readonly tasks: readonly SheetTask[];
  readonly names: readonly NameTask[];
  readonly skipped: readonly NameSkip[];
  readonly error?: InsertError;
}

const refused = (error: InsertError): Decision => ({ tasks: [], names: [], skipped: [], error });

interface Draft {
  plan: SheetPlan;
  outcome: SheetOutcome;
  name: string;
  tempName?: string;
  target?: OwnSheetState;
  edited?: OwnSheetState;
  planHash: string;
}

/** Each plan sheet against the own sheets that carry its key: refresh a clean one, else create. */
function draftSheets(plan: WorkbookPlan, state: WorkbookState, runId: string): Draft[] | InsertError {
  const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
  const claimed = new Set<string>();
  const drafts: Draft[] = [];
  let created = 0;
  for (const sheet of plan.sheets) {
    const candidates = state.own
      .filter((o) => o.mark.k === sheet.key && !claimed.has(o.id))
      .sort((a, b) => a.position - b.position);
    const clean = candidates.find((o) => o.mark.f !== "" && o.mark.f === o.fingerprint);
    const planHash = planFingerprint(sheet);
    if (clean) {
      claimed.add(clean.id);
      if (clean.protected) return { kind: "sheet_protected", sheet: clean.name, detail: clean.name };
      // follow the plan's name (a language switch) unless the user renamed the sheet or the name is taken
      let name = clean.name;
      if (clean.name === clean.mark.n && sheet.name !== clean.name) {
        const free = freeSheetName(sheet.name, taken);
        if (free === sheet.name) name = free;
      }
      taken.add(name.toLowerCase());
      const outcome: SheetOutcome = clean.mark.p === planHash ? "unchanged" : "refreshed";
      drafts.push({ plan: sheet, outcome, name, target: clean, planHash });
    } else {
      const name = freeSheetName(sheet.name, taken);
      taken.add(name.toLowerCase());
      const edited = candidates[0];
      drafts.push({
        plan: sheet,
        outcome: edited ? "new_version" : "created",
        name,
        tempName: tempSheetName(runId, created++),
        edited,
        planHash,
      });
    }
  }
  return drafts;
}

/** Table names: a refreshed sheet's old tables become ranges, which frees their names. */
function tableNamesOf(drafts: readonly Draft[], state: WorkbookState): { byDraft: string[][]; all: Set<string> } {
  const freed = new Set(drafts.flatMap((d) => d.target?.tables.map((tb) => tb.name.toLowerCase()) ?? []));
  const tables = new Set(state.tableNames.map((n) => n.toLowerCase()).filter((n) => !freed.has(n)));
  const taken = new Set([...tables, ...state.names.map((n) => n.name.toLowerCase())]);
  const byDraft = drafts.map((d) =>
    d.plan.tables.map((tb) => {
      const name = freeIdentifier(tb.name, taken);
      taken.add(name.toLowerCase());
      tables.add(name.toLowerCase());
      return name;
    }),
  );
  return { byDraft, all: tables };
}

/** Workbook names: add, re-point the add-in's own, or skip (taken, on an edited sheet, not inserted). */
function decideNames(
  plan: WorkbookPlan,
  state: WorkbookState,
  drafts: readonly Draft[],
  tableIds: ReadonlySet<string>,
): { names: NameTask[]; skipped: NameSkip[] } {
  const byKey = new Map(drafts.map((d) => [d.plan.key, d]));
  const ownByName = new Map(state.own.map((o) => [o.name.toLowerCase(), o]));
  const names: NameTask[] = [];
  const skipped: NameSkip[] = [];
  for (const n of plan.names) {
    const draft = byKey.get(n.sheetKey);
    if (!draft) {
      skipped.push({ name: n.name, reason: "sheet_not_inserted" });
      continue;
    }
    if (tableIds.has(n.name.toLowerCase())) {
      skipped.push({ name: n.name, reason: "taken" });
      continue;
    }
    const task: NameTask = { ...n, formula: `=${quoteSheetName(draft.name)}!${absoluteCell(n.address)}` };
    const existing = state.names.find((e) => e.name.toLowerCase() === n.name.toLowerCase());
    if (!existing) {
      names.push(task);
      continue;
    }
    const pointsTo = sheetOfReference(existing.formula);
    const ownSheet = pointsTo === undefined ? undefined : ownByName.get(pointsTo.toLowerCase());
    if (!ownSheet) skipped.push({ name: n.name, reason: "taken" });
    else if (drafts.some((d) => d.edited === ownSheet)) skipped.push({ name: n.name, reason: "on_edited_sheet" });
    else names.push({ ...task, existing });
  }
  return { names, skipped };
}

/**
 * What to write, decided from the plan and the workbook as read. `runId` names the temporary tabs
 * of the sheets this run creates. Every formula is resolved here, so a plan bug stops the insert
 * before anything is queued.
 */
export function decide(plan: WorkbookPlan, state: WorkbookState, runId: string): Decision {
  const drafts = draftSheets(plan, state, runId);
  if (!Array.isArray(drafts)) return refused(drafts);

  const needsStructure = drafts.some((d) => d.target === undefined || d.name !== d.target.name);
  if (needsStructure && state.structureProtected) {
    return refused({ kind: "workbook_protected", detail: "workbook structure is protected" });
  }

  const tables = tableNamesOf(drafts, state);
  const { names, skipped } = decideNames(plan, state, drafts, tables.all);

  // formulas name each sheet as it is called while they are written: new sheets by their temporary
  // names (renamed at the end of the write, which Excel carries into every formula), the add-in's
  // other sheets by the names they have
  const nameAtWrite = new Map<string, string>();
  for (const o of state.own) if (!nameAtWrite.has(o.mark.k)) nameAtWrite.set(o.mark.k, o.name);
  for (const d of drafts) nameAtWrite.set(d.plan.key, d.tempName ?? d.name);
  try {
    const tasks: SheetTask[] = drafts.map((d, i) => ({
      ...d,
      tableNames: tables.byDraft[i],
      arrays: d.plan.blocks.map((b) => blockArrays(b, (key) => nameAtWrite.get(key))),
    }));
    return { tasks, names, skipped };
  } catch (e) {
    return refused({ kind: "invalid_plan", detail: e instanceof Error ? e.message : String(e) });
  }
}
