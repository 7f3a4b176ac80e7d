/**
 * What one of Excel's cell values means to a custom function: a number, a text, or the error that
 * names the argument, and an argument of a call over ranges. grid.ts lifts these over ranges; the
 * generated column loops (lift-kernels.generated.ts) read their cells here too, so a cell means the
 * same on every path.
 */
import { ExposureError, Result } from "../model";
import { answerOf, toExcelError, type Answer } from "./errors";

/** What Excel passes for a cell: number, text, boolean, or null/"" for an empty cell. */
export type CellValue = number | string | boolean | null | undefined;

/** One parameter of a lifted function: its name (for messages), and what omitted or empty means. */
export interface Param<T> {
  readonly name: string;
  readonly default?: T;
}

export const isEmpty = (v: unknown): v is null | undefined | "" => v === null || v === undefined || v === "";

/** Turns one cell into a number, or the error that names the argument. */
export function toNumber(name: string, v: unknown, fallback?: number): number | ExposureError {
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

/**
 * Turns one cell into trimmed text, or the #VALUE! error that names the argument. A blank text
 * (spaces only) is an empty cell: the default of an optional argument, #VALUE! for a required one.
 */
export function toText(name: string, v: unknown, fallback?: string): string | ExposureError {
  const text = typeof v === "string" ? v.trim() : isEmpty(v) ? "" : undefined;
  if (text === undefined) return new ExposureError("#VALUE!", `${name} must be text`);
  if (text !== "") return text;
  return fallback ?? new ExposureError("#VALUE!", `${name} must be text; it is empty`);
}

/** A cell as a number: a finite number as it is (the common case, no call), anything else through toNumber. */
export function readNumber(v: unknown, p: Param<number>): number | ExposureError {
  return typeof v === "number" && v - v === 0 ? v : toNumber(p.name, v, p.default);
}

export function readText(v: unknown, p: Param<string>): string | ExposureError {
  return toText(p.name, v, p.default);
}

/** One argument of a call over ranges: a single cell converted once, or a range read in the loop. */
export interface Operand<T> {
  readonly param: Param<T>;
  /** the range; undefined for a single cell */
  readonly grid: readonly unknown[][] | undefined;
  /** the single cell's value (unused for a range) */
  readonly single: T | ExposureError;
  readonly rows: number;
  readonly cols: number;
  /**
   * For a loop down a column: the range, or the single cell as a 1×1 range (its number once
   * converted, so an empty cell's default, else the cell); and the mask that maps row r of the
   * answer to its row, `cells[r & mask]` (−1 keeps r, 0 stays on the one row). One way to read
   * every argument, whatever its shape, without a branch.
   */
  readonly cells: readonly unknown[][];
  readonly mask: number;
}

/** Thrown by a column loop on a row that is not one cell (a ragged array); the caller answers the call another way. */
export const RAGGED = new RangeError("a row of the range is not one cell");

/** True for a row of a column: an array of one cell. */
export function isCell(row: unknown): boolean {
  return Array.isArray(row) && row.length === 1;
}

type Model = (...numbers: number[]) => Result;

/**
 * A row of a column loop where some cell is not a finite number: each cell read as readNumber
 * reads it (an empty cell its parameter's default), the first error among them, or fn of the
 * numbers. Up to four cells, each with its parameter; a missing one (undefined parameter) ends the
 * list. Kept out of the loops, so that their common case reads numbers as numbers and nothing else.
 */
export function slowRow(
  fn: Model,
  v0: unknown,
  p0: Param<number>,
  v1?: unknown,
  p1?: Param<number>,
  v2?: unknown,
  p2?: Param<number>,
  v3?: unknown,
  p3?: Param<number>,
): Answer[number][number] {
  const x0 = readNumber(v0, p0);
  if (typeof x0 !== "number") return toExcelError(x0);
  if (p1 === undefined) return answerOf(fn(x0));
  const x1 = readNumber(v1, p1);
  if (typeof x1 !== "number") return toExcelError(x1);
  if (p2 === undefined) return answerOf(fn(x0, x1));
  const x2 = readNumber(v2, p2);
  if (typeof x2 !== "number") return toExcelError(x2);
  if (p3 === undefined) return answerOf(fn(x0, x1, x2));
  const x3 = readNumber(v3, p3);
  if (typeof x3 !== "number") return toExcelError(x3);
  return answerOf(fn(x0, x1, x2, x3));
}
