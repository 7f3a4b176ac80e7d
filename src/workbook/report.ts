/**
 * What an insert tells its caller: what happened to each sheet and name, or in plain terms why
 * nothing changed, and after a failure what the undo removed, put back and left alone. Types only.
 */

/**
 * created: a new sheet; refreshed: the add-in's own sheet rewritten in place; unchanged: the same,
 * its contents were already those of the plan; reset: a record sheet the user had changed, brought
 * back to the plan in place, the user's changes kept in a copy beside it (`copy`); kept: a case the
 * user changed outside its inputs, left as it is.
 */
export type SheetOutcome = "created" | "refreshed" | "unchanged" | "reset" | "kept";

export interface SheetResult {
  readonly key: string;
  readonly name: string;
  readonly id: string;
  readonly outcome: SheetOutcome;
  /** for reset: the sheet that keeps the user's changes */
  readonly copy?: string;
}

/** taken: the name exists and is not the add-in's; sheet_not_inserted: its sheet is not part of
 * this insert (or is a case left as it is). */
export type NameSkipReason = "taken" | "sheet_not_inserted";

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
  | "conflict" // the workbook changed while the add-in wrote (another window, a co-author); undone
  | "write_failed" // Excel refused a change; everything this run did was undone
  | "cleanup_incomplete" // …and the undo could not finish: `cleanup.left` says what is left
  | "invalid_plan"; // a bug: the plan is malformed

export interface InsertError {
  readonly kind: InsertErrorKind;
  /** the sheet concerned, when there is one */
  readonly sheet?: string;
  /** the technical message, for the details line */
  readonly detail: string;
}

/**
 * Why the undo left something in place. not_ours: it appeared after this run read the workbook and
 * is not this run's (a sheet or name someone else made), so it was not touched; not_removed: this
 * run made it and could not remove it; not_restored: the add-in's own sheet this run changed and
 * could not put back; changed_since: a name this run moved was changed again by someone else, so
 * it stays as they left it; unverified: Excel could not be asked, so it may still be there.
 */
export type LeftReason = "not_ours" | "not_removed" | "not_restored" | "changed_since" | "unverified";

export interface LeftItem {
  readonly kind: "sheet" | "name";
  readonly name: string;
  readonly reason: LeftReason;
}

export interface CleanupReport {
  /** sheets this run created and then deleted */
  readonly deleted: string[];
  /** own sheets this run had started to refresh and put back */
  readonly restored: string[];
  /** names this run added and then deleted */
  readonly namesDeleted: string[];
  /** names this run re-pointed and put back */
  readonly namesRestored: string[];
  /** what the undo left in place, and why */
  readonly left: LeftItem[];
  /** true when everything this run wrote was undone (`left` may still list what was not its own) */
  readonly complete: boolean;
}

export interface InsertReport {
  readonly ok: boolean;
  readonly sheets: SheetResult[];
  readonly namesWritten: number;
  readonly namesSkipped: NameSkip[];
  /** context.sync() calls made, undo and retry included */
  readonly syncs: number;
  /** 2 when a conflict with a change made meanwhile was undone and the insert ran again */
  readonly attempts: number;
  readonly error?: InsertError;
  readonly cleanup?: CleanupReport;
}

export type InsertPhase = "reading" | "writing" | "finishing" | "undoing";
