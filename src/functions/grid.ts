/**
 * Argument coercion and element-wise lifting for the custom functions: the one place where Excel's
 * cell values become numbers and where shapes are broadcast. Pure: no Office types here (the
 * mapping of model errors to CustomFunctions.Error lives in errors.ts).
 */
import { ExposureError, Result } from "../model";

/** What Excel passes for a cell: number, text, boolean, or null/"" for an empty cell. */
export type CellValue = number | string | boolean | null | undefined;
/** A parameter declared `any[][]`: a 2-D range, or (from tests and other callers) a bare scalar. */
export type GridArg = CellValue[][] | CellValue;

export type Grid<T> = T[][];

export interface ArgSpec {
  readonly name: string;
  readonly value: GridArg;
  /** for an optional parameter: what omitted (null) or an empty cell means */
  readonly default?: number;
}

const isEmpty = (v: CellValue): v is null | undefined | "" => v === null || v === undefined || v === "";

/** Turns one cell into a number, or the #VALUE! error that names the argument. */
export function toNumber(name: string, v: CellValue, fallback?: number): number | ExposureError {
  if (typeof v === "number") {
    return Number.isFinite(v) ? v : new ExposureError("#NUM!", `${name} is not a finite number`);
  }
  if (isEmpty(v)) {
    return fallback ?? new ExposureError("#VALUE!", `${name} is empty; a number is required`);
  }
  if (typeof v === "boolean") {
    return new ExposureError("#VALUE!", `${name} is ${v ? "TRUE" : "FALSE"}; a number is required`);
  }
  return new ExposureError("#VALUE!", `${name} is text ("${String(v).slice(0, 40)}"); a number is required`);
}

/** A bare scalar or an omitted argument as a 1×1 grid; a 2-D array as it is. */
export function asGrid(v: GridArg): Grid<CellValue> {
  if (Array.isArray(v)) return v;
  return [[v]];
}

/** Rows × columns of a grid; a ragged or empty array is not a range. */
function shapeOf(name: string, g: Grid<CellValue>): [number, number] | ExposureError {
  const rows = g.length;
  const cols = rows > 0 && Array.isArray(g[0]) ? g[0].length : 0;
  if (rows === 0 || cols === 0 || g.some((r) => !Array.isArray(r) || r.length !== cols)) {
    return new ExposureError("#VALUE!", `${name} is not a rectangular range`);
  }
  return [rows, cols];
}

/**
 * Broadcasts shapes as Excel's array arithmetic does: along each dimension a size of 1 stretches to
 * the others, any other mismatch answers #VALUE!.
 */
export function broadcastShape(
  named: readonly { name: string; shape: [number, number] }[],
): [number, number] | ExposureError {
  const out: [number, number] = [1, 1];
  for (const dim of [0, 1] as const) {
    for (const { shape } of named) {
      const n = shape[dim];
      if (n === 1 || n === out[dim]) continue;
      if (out[dim] === 1) out[dim] = n;
      else {
        const shapes = named.map((a) => `${a.name} is ${a.shape[0]}×${a.shape[1]}`).join(", ");
        return new ExposureError("#VALUE!", `the ranges do not have matching shapes (${shapes})`);
      }
    }
  }
  return out;
}

/**
 * Applies `fn` element by element over the cells of its arguments, each converted by `convert`.
 * Single cells broadcast against ranges; each bad element answers its own error in its own place
 * without spoiling the rest; a shape mismatch answers one #VALUE! for the whole call.
 */
function liftCells<T, R>(
  args: readonly { name: string; value: GridArg }[],
  convert: (i: number, cell: CellValue) => T | ExposureError,
  fn: (...xs: T[]) => R | ExposureError,
): Grid<R | ExposureError> {
  const grids: Grid<CellValue>[] = [];
  const named: { name: string; shape: [number, number] }[] = [];
  for (const a of args) {
    const g = a.value === null || a.value === undefined ? [[null]] : asGrid(a.value);
    const shape = shapeOf(a.name, g);
    if (shape instanceof ExposureError) return [[shape]];
    grids.push(g);
    named.push({ name: a.name, shape });
  }
  const out = broadcastShape(named);
  if (out instanceof ExposureError) return [[out]];
  const [rows, cols] = out;
  const result: Grid<R | ExposureError> = new Array(rows);
  const xs = new Array<T>(args.length);
  for (let r = 0; r < rows; r++) {
    const row: (R | ExposureError)[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      let err: ExposureError | undefined;
      for (let i = 0; i < grids.length && !err; i++) {
        const g = grids[i];
        const x = convert(i, g[g.length === 1 ? 0 : r][g[0].length === 1 ? 0 : c]);
        if (x instanceof ExposureError) err = x;
        else xs[i] = x;
      }
      row[c] = err ?? fn(...xs);
    }
    result[r] = row;
  }
  return result;
}

/** A numeric model function lifted over ranges (see liftCells). */
export function liftNumeric(fn: (...xs: number[]) => Result, args: readonly ArgSpec[]): Grid<Result> {
  return liftCells(args, (i, cell) => toNumber(args[i].name, cell, args[i].default), fn);
}

/** Turns one cell into trimmed text, or the #VALUE! error that names the argument. */
export function toText(name: string, v: CellValue, fallback?: string): string | ExposureError {
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  if (isEmpty(v) && fallback !== undefined) return fallback;
  return new ExposureError("#VALUE!", `${name} must be text${isEmpty(v) ? "; it is empty" : ""}`);
}

/** A function of text cells (ids, field names) lifted over ranges (see liftCells). */
export function liftText<T>(
  fn: (...texts: string[]) => T | ExposureError,
  args: readonly { name: string; value: GridArg; default?: string }[],
): Grid<T | ExposureError> {
  return liftCells(args, (i, cell) => toText(args[i].name, cell, args[i].default), fn);
}

/**
 * The numbers of a series in reading order (one row or one column), skipping empty cells as
 * Excel's statistical functions do; text or a boolean answers #VALUE!.
 */
export function seriesOf(name: string, v: GridArg): number[] | ExposureError {
  const g = asGrid(v);
  const shape = shapeOf(name, g);
  if (shape instanceof ExposureError) return shape;
  if (shape[0] > 1 && shape[1] > 1) {
    return new ExposureError("#VALUE!", `${name} must be one row or one column, not ${shape[0]}×${shape[1]}`);
  }
  const out: number[] = [];
  for (const row of g) {
    for (const cell of row) {
      if (isEmpty(cell)) continue;
      const x = toNumber(name, cell);
      if (x instanceof ExposureError) return x;
      out.push(x);
    }
  }
  return out;
}

/** True when an argument is a single cell (or a bare scalar). */
export function isSingleCell(v: GridArg): boolean {
  return !Array.isArray(v) || (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1);
}
