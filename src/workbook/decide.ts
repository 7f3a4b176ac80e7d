/**
 * The decision of an insert, as a pure function of the plan and of what was read: for each sheet of
 * the plan, create it, refresh the add-in's own sheet in place, find it unchanged, bring a record
 * sheet the user changed back to the plan (keeping the user's changes in a copy), or leave a case
 * the user changed outside its inputs as it is; the final tab and table names; for each workbook
 * name, add it, re-point the add-in's own, or skip it. No Office calls: the adapter (office.ts)
 * reads the workbook into a WorkbookState and queues what the Decision says.
 */
import { absoluteCell, freeIdentifier, freeSheetName, quoteSheetName, sheetOfReference } from "./address";
import { BlockArrays, blockArrays, inputTest, sheetFingerprint } from "./arrays";
import { SheetMark, keysOfOwnSheets, planFingerprint, tempSheetName } from "./marks";
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
  /** names of every chart on it when read, the user's included */
  readonly allCharts: readonly string[];
  readonly usedAddress?: string;
  readonly formulas?: unknown[][];
  readonly numberFormats?: unknown[][];
  /** comments someone wrote on it */
  readonly comments: number;
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
  /** never "kept": a case left as it is has no task */
  readonly outcome: Exclude<SheetOutcome, "kept">;
  /** the final tab name */
  readonly name: string;
  /** created: the name the sheet carries until its contents are written */
  readonly tempName?: string;
  /** refreshed, unchanged, reset: the own sheet rewritten in place */
  readonly target?: OwnSheetState;
  /** reset: the name of the copy that keeps the user's changes */
  readonly copyName?: string;
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

/** A case the user changed outside its inputs: left as it is, said in the report. */
export interface KeptSheet {
  readonly key: string;
  readonly name: string;
  readonly id: string;
}

export interface Decision {
  readonly tasks: readonly SheetTask[];
  readonly kept: readonly KeptSheet[];
  readonly names: readonly NameTask[];
  readonly skipped: readonly NameSkip[];
  readonly error?: InsertError;
}

const refused = (error: InsertError): Decision => ({ tasks: [], kept: [], names: [], skipped: [], error });

interface Draft {
  plan: SheetPlan;
  outcome: SheetTask["outcome"];
  name: string;
  tempName?: string;
  target?: OwnSheetState;
  copyName?: string;
  planHash: string;
}

/**
 * Each plan sheet against the own sheets that carry its key. A record sheet: refreshed in place if it
 * is as written, else brought back to the plan in place, a copy keeping the user's changes; created
 * if there is none. A case: refreshed in place (its inputs untouched) if its own part is as written,
 * else left as it is; created if there is none.
 */
function draftSheets(
  plan: WorkbookPlan,
  state: WorkbookState,
  runId: string,
): { drafts: Draft[]; kept: KeptSheet[] } | InsertError {
  const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
  const keyOfSheet = keysOfOwnSheets(state.own);
  const claimed = new Set<string>();
  const drafts: Draft[] = [];
  const kept: KeptSheet[] = [];
  let created = 0;
  for (const sheet of plan.sheets) {
    const own = state.own
      .filter((o) => o.mark.k === sheet.key && !claimed.has(o.id))
      .sort((a, b) => a.position - b.position)[0];
    const planHash = planFingerprint(sheet);
    if (!own) {
      const name = freeSheetName(sheet.name, taken);
      taken.add(name.toLowerCase());
      drafts.push({ plan: sheet, outcome: "created", name, tempName: tempSheetName(runId, created++), planHash });
      continue;
    }
    claimed.add(own.id);
    const isCase = sheet.owner === "case";
    const asWritten =
      own.mark.f !== "" &&
      // a case's fingerprint covers the add-in's cells only: its inputs and notes beside it are the user's
      own.mark.f === (isCase ? sheetFingerprint(sheet, own.usedAddress, own.formulas, keyOfSheet) : own.fingerprint);
    if (isCase && (!asWritten || own.protected)) {
      kept.push({ key: sheet.key, name: own.name, id: own.id });
      continue;
    }
    if (own.protected) return { kind: "sheet_protected", sheet: own.name, detail: own.name };
    // follow the plan's name (a language switch) unless the user renamed the sheet or the name is taken
    let name = own.name;
    if (own.name === own.mark.n && sheet.name !== own.name) {
      const free = freeSheetName(sheet.name, taken);
      if (free === sheet.name) name = free;
    }
    taken.add(name.toLowerCase());
    if (asWritten) {
      drafts.push({
        plan: sheet,
        outcome: own.mark.p === planHash ? "unchanged" : "refreshed",
        name,
        target: own,
        planHash,
      });
      continue;
    }
    // a record the user changed: back to the plan, the changes kept in a copy beside it
    const copyName = freeSheetName(`${own.name} (${EDITED_SUFFIX})`, taken);
    taken.add(copyName.toLowerCase());
    drafts.push({ plan: sheet, outcome: "reset", name, target: own, copyName, planHash });
  }
  return { drafts, kept };
}

/** The copy that keeps a user's changes to a record sheet is called "<sheet> (edited)". */
export const EDITED_SUFFIX = "edited";

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
  const writing = new Set(drafts.flatMap((d) => (d.target ? [d.target.id] : [])));
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
    // the add-in's own name: re-pointed if it points into one of its sheets (one this insert writes,
    // or one it leaves as it is, such as a kept case, when the name moves to this plan's sheet)
    if (!ownSheet) skipped.push({ name: n.name, reason: "taken" });
    else if (!writing.has(ownSheet.id) && ownSheet.mark.k === n.sheetKey)
      skipped.push({ name: n.name, reason: "sheet_not_inserted" });
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
  const drafted = draftSheets(plan, state, runId);
  if ("kind" in drafted) return refused(drafted);
  const { drafts, kept } = drafted;

  const needsStructure = drafts.some((d) => d.target === undefined || d.name !== d.target.name);
  if (needsStructure && state.structureProtected) {
    return refused({ kind: "workbook_protected", detail: "workbook structure is protected" });
  }

  const tables = tableNamesOf(drafts, state);
  // names into a kept case stay where they are
  const keptKeys = new Set(kept.map((k) => k.key));
  const { names, skipped } = decideNames(
    { ...plan, names: plan.names.filter((n) => !keptKeys.has(n.sheetKey)) },
    state,
    drafts,
    tables.all,
  );
  skipped.push(
    ...plan.names
      .filter((n) => keptKeys.has(n.sheetKey))
      .map((n) => ({ name: n.name, reason: "sheet_not_inserted" as const })),
  );

  // formulas name each sheet as it is called while they are written: new sheets by their temporary
  // names (renamed at the end of the write, which Excel carries into every formula), the add-in's
  // other sheets by the names they have
  const nameAtWrite = new Map<string, string>();
  for (const o of state.own) if (!nameAtWrite.has(o.mark.k)) nameAtWrite.set(o.mark.k, o.name);
  for (const d of drafts) nameAtWrite.set(d.plan.key, d.tempName ?? d.name);
  try {
    const tasks: SheetTask[] = drafts.map((d, i) => {
      // a case's inputs are written when it is made, never when it is refreshed
      const leave = d.plan.owner === "case" && d.target ? inputTest(d.plan) : undefined;
      return {
        ...d,
        tableNames: tables.byDraft[i],
        arrays: d.plan.blocks.map((b) => blockArrays(b, (key) => nameAtWrite.get(key), leave)),
      };
    });
    return { tasks, kept, names, skipped };
  } catch (e) {
    return refused({ kind: "invalid_plan", detail: e instanceof Error ? e.message : String(e) });
  }
}
