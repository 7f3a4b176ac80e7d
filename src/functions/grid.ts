/**
 * Element-wise lifting for the custom functions: the one place where shapes are broadcast and a
 * model function meets Excel's ranges (cells.ts says what one cell means).
 *
 * The lift is written for speed, because a user waits on it over whole columns: fixed arity (up to
 * four arguments, each in its own slot: no spread call, no rest array), plain index loops, a single
 * cell converted once (and a call of single cells answered without any loop), each bad cell's
 * error mapped to its Excel error in place in the same pass, and an error message built only for a
 * cell that answers one.
 *
 * A new element-wise function is one line of data and one wrapper (see functions.ts):
 *
 *   const EARNINGS_AT_RISK = liftNumeric("EARNINGS_AT_RISK", earningsAtRisk, [
 *     { name: "revenue_at_risk" },
 *     { name: "margin", default: 1 }, // an optional parameter: what omitted or an empty cell means
 *   ]);
 *   export function earningsAtRiskFn(revenue_at_risk: unknown[][], margin?: unknown[][]): unknown[][] {
 *     return EARNINGS_AT_RISK(revenue_at_risk, margin);
 *   }
 *
 * where `earningsAtRisk(a: number, b: number): Result` lives in src/model and knows nothing of cells.
 * That works at once, on the shared loop below. The fast path over a column is a loop of its own
 * for each model function, so the engine inlines that function into it: `npm run lift-kernels`
 * writes those loops (lift-kernels.generated.ts) for every `liftNumeric(id, modelFunction, [...])`
 * in src/functions/, and liftNumeric picks one up by itself; tests/functions/lift-kernels.test.ts
 * fails until the generated module is rewritten. Blocks, rows and anything ragged take the shared loop.
 *
 * A function over a whole series (one row or one column) walks it in place with `feedSeries`.
 */
import { ExposureError, Result } from "../model";
import { isEmpty, RAGGED, readNumber, readText, toNumber, type Operand, type Param } from "./cells";
import { Answer, answerOf, failure, toExcelError } from "./errors";
import { KERNELS } from "./lift-kernels.generated";

export { toNumber, toText, type CellValue, type Operand, type Param } from "./cells";

type Read<T> = (v: unknown, p: Param<T>) => T | ExposureError;
type Out = number | string | boolean | ExposureError;
type Fn4<T> = (a: T, b: T, c: T, d: T) => Out;

/** Stands for a slot a function of lower arity does not have: never read, and passed on as undefined. */
const UNUSED: Param<never> = { name: "(unused)" };

/** The lone cell of a one-cell argument (null for an omitted one), or RANGE for anything larger. */
const RANGE = Symbol("range");
function loneCell(v: unknown): unknown {
  if (!Array.isArray(v)) return v === undefined ? null : v;
  if (v.length === 1) {
    const row = v[0];
    if (Array.isArray(row) && row.length === 1) return row[0];
  }
  return RANGE;
}

/**
 * A loop over a column written for one model function (lift-kernels.generated.ts): given the
 * operands of a call whose answer is one column of `rows` rows (each operand a single cell or a
 * column of that many rows), it answers that column as the shared loop would, reading each
 * argument as `cells[r & mask]` with readNumber, and throwing RAGGED for a row that is not one cell
 * (the shared loop answers a ragged array). It takes the cells, mask and parameter of as many
 * operands as the function's arity, as arguments of their own.
 */
export interface Kernel {
  /** the model function the loop calls */
  readonly fn: unknown;
  /** how many arguments it is lifted with */
  readonly arity: number;
  readonly column: (rows: number, ...operands: ColumnOperands) => Answer;
}

/** Each operand of a column loop as its cells, mask and parameter (see Operand), four times. */
type ColumnOperand = [cells: readonly unknown[][], mask: number, param: Param<number>];
type ColumnOperands = [...ColumnOperand, ...ColumnOperand, ...ColumnOperand, ...ColumnOperand];

/** The operand of an unused slot: one cell that is never read. */
const NONE: Operand<never> = {
  param: UNUSED,
  grid: undefined,
  single: undefined as never,
  rows: 1,
  cols: 1,
  cells: [[null]],
  mask: 0,
};

function operand<T>(v: unknown, p: Param<T>, read: Read<T>): Operand<T> | ExposureError {
  if (p === UNUSED) return NONE;
  const cell = loneCell(v);
  if (cell !== RANGE) {
    const single = read(cell, p);
    // a column loop reads the number once converted (an empty cell's default), else the cell itself
    const cells = [[typeof single === "number" ? single : cell]];
    return { param: p, grid: undefined, single, rows: 1, cols: 1, cells, mask: 0 };
  }
  const g = v as unknown[][];
  const cols = g.length > 0 && Array.isArray(g[0]) ? g[0].length : 0;
  if (cols === 0) return new ExposureError("#VALUE!", `${p.name} is not a rectangular range`);
  return { param: p, grid: g, single: undefined as T, rows: g.length, cols, cells: g, mask: -1 };
}

/** A size along one dimension after broadcasting a and b (1 stretches), or −1 when they clash. */
const stretch = (a: number, b: number) => (a === b || b === 1 ? a : a === 1 ? b : -1);

function mismatch(ops: readonly Operand<unknown>[]): ExposureError {
  const shapes = ops
    .filter((o) => o.param !== UNUSED)
    .map((o) => `${o.param.name} is ${o.rows}×${o.cols}`)
    .join(", ");
  return new ExposureError("#VALUE!", `the ranges do not have matching shapes (${shapes})`);
}

/** The row of a range an output row reads (its only row when it has one); null when the range is ragged. */
function rowOf<T>(o: Operand<T>, r: number): readonly unknown[] | undefined | null {
  if (o.grid === undefined) return undefined;
  const row = o.grid[o.rows === 1 ? 0 : r];
  return Array.isArray(row) && row.length === o.cols ? row : null;
}

/** The value of an operand at column c of the output, `row` being rowOf(o, r). */
function at<T>(o: Operand<T>, row: readonly unknown[] | undefined, c: number, read: Read<T>): T | ExposureError {
  if (row === undefined) return o.single;
  const v = row[o.cols === 1 ? 0 : c];
  // a finite number where a number is due, the common case, without a call
  return read === (readNumber as unknown) && typeof v === "number" && v - v === 0 ? (v as T) : read(v, o.param);
}

/**
 * Applies fn element by element. Single cells broadcast against ranges, and so do single rows and
 * columns, as in Excel's array arithmetic; a bad element answers its own error in its own place; a
 * shape mismatch or a ragged array answers one #VALUE! for the whole call. A column goes to the
 * function's own loop when there is one.
 */
function lift<T>(
  fn: Fn4<T>,
  read: Read<T>,
  kernel: Kernel | undefined,
  p0: Param<T>,
  p1: Param<T>,
  p2: Param<T>,
  p3: Param<T>,
  a0: unknown,
  a1: unknown,
  a2: unknown,
  a3: unknown,
): Answer {
  // a call of single cells: no operands, no loop
  const c0 = loneCell(a0);
  const c1 = p1 === UNUSED ? null : loneCell(a1);
  const c2 = p2 === UNUSED ? null : loneCell(a2);
  const c3 = p3 === UNUSED ? null : loneCell(a3);
  if (c0 !== RANGE && c1 !== RANGE && c2 !== RANGE && c3 !== RANGE) {
    const x0 = read(c0, p0);
    if (x0 instanceof ExposureError) return [[toExcelError(x0)]];
    const x1 = p1 === UNUSED ? (undefined as T) : read(c1, p1);
    if (x1 instanceof ExposureError) return [[toExcelError(x1)]];
    const x2 = p2 === UNUSED ? (undefined as T) : read(c2, p2);
    if (x2 instanceof ExposureError) return [[toExcelError(x2)]];
    const x3 = p3 === UNUSED ? (undefined as T) : read(c3, p3);
    if (x3 instanceof ExposureError) return [[toExcelError(x3)]];
    return [[answerOf(fn(x0, x1, x2, x3))]];
  }
  const o0 = operand(a0, p0, read);
  const o1 = operand(a1, p1, read);
  const o2 = operand(a2, p2, read);
  const o3 = operand(a3, p3, read);
  for (const o of [o0, o1, o2, o3]) if (o instanceof ExposureError) return [[toExcelError(o)]];
  const ops = [o0, o1, o2, o3] as Operand<T>[];
  const rows = stretch(stretch(stretch(ops[0].rows, ops[1].rows), ops[2].rows), ops[3].rows);
  const cols = stretch(stretch(stretch(ops[0].cols, ops[1].cols), ops[2].cols), ops[3].cols);
  if (rows < 0 || cols < 0) return [[toExcelError(mismatch(ops))]];
  if (kernel !== undefined && cols === 1) {
    const [k0, k1, k2, k3] = ops as unknown as Operand<number>[];
    try {
      return kernel.column(
        rows,
        k0.cells,
        k0.mask,
        k0.param,
        k1.cells,
        k1.mask,
        k1.param,
        k2.cells,
        k2.mask,
        k2.param,
        k3.cells,
        k3.mask,
        k3.param,
      );
    } catch (e) {
      if (e !== RAGGED) throw e; // a ragged array: the shared loop says which argument
    }
  }
  return loop(fn, read, ops[0], ops[1], ops[2], ops[3], rows, cols);
}

/** The answer at column c of an output row, each wN being rowOf(oN, r). */
function cell<T>(
  fn: Fn4<T>,
  read: Read<T>,
  o0: Operand<T>,
  o1: Operand<T>,
  o2: Operand<T>,
  o3: Operand<T>,
  w0: readonly unknown[] | undefined,
  w1: readonly unknown[] | undefined,
  w2: readonly unknown[] | undefined,
  w3: readonly unknown[] | undefined,
  c: number,
): Answer[number][number] {
  const x0 = at(o0, w0, c, read);
  if (x0 instanceof ExposureError) return toExcelError(x0);
  const x1 = at(o1, w1, c, read);
  if (x1 instanceof ExposureError) return toExcelError(x1);
  const x2 = at(o2, w2, c, read);
  if (x2 instanceof ExposureError) return toExcelError(x2);
  const x3 = at(o3, w3, c, read);
  if (x3 instanceof ExposureError) return toExcelError(x3);
  return answerOf(fn(x0, x1, x2, x3));
}

/** The shared loop: any shape, any function. */
function loop<T>(
  fn: Fn4<T>,
  read: Read<T>,
  o0: Operand<T>,
  o1: Operand<T>,
  o2: Operand<T>,
  o3: Operand<T>,
  rows: number,
  cols: number,
): Answer {
  const out: Answer = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const w0 = rowOf(o0, r);
    const w1 = rowOf(o1, r);
    const w2 = rowOf(o2, r);
    const w3 = rowOf(o3, r);
    if (w0 === null || w1 === null || w2 === null || w3 === null) {
      const o = w0 === null ? o0 : w1 === null ? o1 : w2 === null ? o2 : o3;
      return [[toExcelError(new ExposureError("#VALUE!", `${o.param.name} is not a rectangular range`))]];
    }
    if (cols === 1) {
      // a column: a packed one-cell row
      out[r] = [cell(fn, read, o0, o1, o2, o3, w0, w1, w2, w3, 0)];
      continue;
    }
    const line: Answer[number] = new Array(cols);
    for (let c = 0; c < cols; c++) line[c] = cell(fn, read, o0, o1, o2, o3, w0, w1, w2, w3, c);
    out[r] = line;
  }
  return out;
}

/** A lifted function as Excel calls it: one argument per parameter (a cell, a range, or null). */
export type Lifted = (a?: unknown, b?: unknown, c?: unknown, d?: unknown) => Answer;

function lifted<T>(
  id: string,
  fn: Fn4<T>,
  read: Read<T>,
  kernel: Kernel | undefined,
  params: readonly Param<T>[],
): Lifted {
  if (params.length < 1 || params.length > 4) throw new Error(`${id}: a lifted function takes 1 to 4 parameters`);
  const [p0, p1 = UNUSED, p2 = UNUSED, p3 = UNUSED] = params;
  return (a, b, c, d) => {
    try {
      return lift(fn, read, kernel, p0, p1, p2, p3, a, b, c, d);
    } catch (e) {
      return [[failure(id, e)]];
    }
  };
}

type NumParams1 = readonly [Param<number>];
type NumParams2 = readonly [Param<number>, Param<number>];
type NumParams3 = readonly [Param<number>, Param<number>, Param<number>];
type NumParams4 = readonly [Param<number>, Param<number>, Param<number>, Param<number>];

/**
 * A numeric model function lifted over ranges, answering Excel's values and errors. `id` names the
 * function in the message of an unexpected failure; the parameters' names are those of functions.json.
 * A column runs in the model function's own generated loop when lift-kernels.generated.ts has one
 * for it (same function, same number of parameters), and in the shared loop otherwise: same answers.
 */
export function liftNumeric(id: string, fn: (a: number) => Result, params: NumParams1): Lifted;
export function liftNumeric(id: string, fn: (a: number, b: number) => Result, params: NumParams2): Lifted;
export function liftNumeric(id: string, fn: (a: number, b: number, c: number) => Result, params: NumParams3): Lifted;
export function liftNumeric(
  id: string,
  fn: (a: number, b: number, c: number, d: number) => Result,
  params: NumParams4,
): Lifted;
export function liftNumeric(id: string, fn: Fn4<number>, params: readonly Param<number>[]): Lifted {
  return lifted(id, fn, readNumber, kernelOf(fn, params.length), params);
}

/** The generated column loop of a model function lifted with `arity` parameters, if there is one. */
export function kernelOf(fn: unknown, arity: number): Kernel | undefined {
  return KERNELS.find((k) => k.fn === fn && k.arity === arity);
}

/** A function of text cells (ids, field names) lifted over ranges, as liftNumeric. */
export function liftText(
  id: string,
  fn: (a: string, b: string) => number | string | ExposureError,
  params: readonly [Param<string>, Param<string>],
): Lifted {
  return lifted(id, fn as Fn4<string>, readText, undefined, params);
}

/** What a series is fed into, one number at a time (e.g. the model's WorstDrawdown). */
export interface SeriesSink {
  /** takes the next number; answers the error that ends the series, if any */
  add(x: number): ExposureError | undefined;
}

/**
 * Feeds the numbers of a series (one row or one column, in reading order) to `sink`, walking the
 * range in place and skipping empty cells as Excel's statistical functions do; text or a boolean
 * answers #VALUE!, a block of several rows and columns #VALUE!.
 */
export function feedSeries(name: string, v: unknown, sink: SeriesSink): ExposureError | undefined {
  const g = Array.isArray(v) ? (v as unknown[][]) : [[v]];
  const rows = g.length;
  const cols = rows > 0 && Array.isArray(g[0]) ? g[0].length : 0;
  if (cols === 0) return new ExposureError("#VALUE!", `${name} is not a rectangular range`);
  if (rows > 1 && cols > 1)
    return new ExposureError("#VALUE!", `${name} must be one row or one column, not ${rows}×${cols}`);
  // a column (the common case) row by row, a row cell by cell: one cell read per step either way
  const line = rows === 1 ? g[0] : undefined;
  const n = line === undefined ? rows : cols;
  for (let i = 0; i < n; i++) {
    let cell: unknown;
    if (line !== undefined) cell = line[i];
    else {
      const row = g[i];
      if (!Array.isArray(row) || row.length !== 1)
        return new ExposureError("#VALUE!", `${name} is not a rectangular range`);
      cell = row[0];
    }
    if (typeof cell === "number" && cell - cell === 0) {
      const e = sink.add(cell);
      if (e !== undefined) return e;
    } else if (!isEmpty(cell)) {
      return toNumber(name, cell) as ExposureError; // text, a boolean or a non-finite number
    }
  }
  return undefined;
}

/** A series' answer: the sink's result once every number is fed, or the error that ended the walk. */
export function answerSeries(id: string, name: string, v: unknown, sink: SeriesSink & { result(): Result }): Answer {
  try {
    return [[answerOf(feedSeries(name, v, sink) ?? sink.result())]];
  } catch (e) {
    return [[failure(id, e)]];
  }
}

/** True when an argument is a single cell (or a bare scalar, or omitted). */
export function isSingleCell(v: unknown): boolean {
  return loneCell(v) !== RANGE;
}
