/**
 * A plan as Office.js is given it: structural checks of a plan, each block as the 2-D arrays a
 * range is written with, column widths in points. Pure: no Office calls.
 */
import { blockAddress, parseBox, parseCell, resolveSheetRefs } from "./address";
import { contentFingerprint } from "./marks";
import type { CellBlock, PlanCell, SheetPlan, WorkbookPlan } from "./types";

export const isFormulaCell = (c: PlanCell): c is { readonly formula: string } => typeof c === "object" && c !== null;

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
        blockAddress(block.address, Math.max(1, block.cells.length), Math.max(1, width));
      } catch {
        problems.push(`${sheet.key}: bad block address ${block.address}`);
      }
    }
  }
  for (const n of plan.names) {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(n.name)) problems.push(`name "${n.name}" is not a valid Excel name`);
    try {
      parseCell(n.address);
    } catch {
      problems.push(`name "${n.name}": bad address ${n.address}`);
    }
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

/** Whether a cell of the sheet is one of its `inputs` (the user's cells of a case). */
export function inputTest(sheet: SheetPlan): (row: number, col: number) => boolean {
  const boxes = (sheet.inputs ?? []).map((a) => parseBox(a));
  return (row, col) => boxes.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
}

/**
 * The cells of a case sheet that are the add-in's: those its blocks write, less the user's inputs.
 * What a case's fingerprint covers, so that the user's inputs and notes beside the tables are not
 * edits of the add-in's part.
 */
export function addinCells(sheet: SheetPlan): (row: number, col: number) => boolean {
  const isInput = inputTest(sheet);
  const blocks = sheet.blocks.map((b) => parseBox(blockAddress(b.address, b.cells.length, b.cells[0].length)));
  return (row, col) =>
    !isInput(row, col) && blocks.some((b) => row >= b.top && row <= b.bottom && col >= b.left && col <= b.right);
}

/**
 * The fingerprint a sheet written from `sheet` carries: of everything on it for a record; of the
 * add-in's cells only (see addinCells) for a case.
 */
export function sheetFingerprint(
  sheet: SheetPlan,
  usedAddress: string | undefined,
  formulas: readonly (readonly unknown[])[] | undefined,
  keyOfSheet: ReadonlyMap<string, string>,
): string {
  return contentFingerprint(usedAddress, formulas, keyOfSheet, sheet.owner === "case" ? addinCells(sheet) : undefined);
}

/**
 * A block as the 2-D arrays Excel is given, its `{{key}}!` references resolved by `nameOf`. Cells
 * for which `leave` answers true are left alone (null): their values and number formats are kept.
 */
export function blockArrays(
  block: CellBlock,
  nameOf: (key: string) => string | undefined,
  leave?: (row: number, col: number) => boolean,
): BlockArrays {
  const rows = block.cells.length;
  const cols = block.cells[0].length;
  const given = block.numberFormat;
  const formatAt = (r: number, c: number): string | undefined =>
    given === undefined ? undefined : typeof given === "string" ? given : given[r][c];
  const before: (string | null)[][] = [];
  const after: (string | null)[][] = [];
  let anyBefore = false;
  let anyAfter = false;
  const origin = parseCell(block.address);
  const formulas = block.cells.map((row, r) => {
    const b: (string | null)[] = [];
    const a: (string | null)[] = [];
    const out = row.map((cell, c) => {
      if (leave?.(origin.row + r, origin.col + c)) {
        b.push(null);
        a.push(null);
        return null;
      }
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
