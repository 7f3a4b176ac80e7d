/**
 * Errors are values in the model: a calculation answers a number or an {@link ExposureError}
 * that says which Excel error applies and why. Nothing here throws for bad input.
 */

/** The Excel errors the model can answer, by the rule of DESIGN.md. */
export type ErrorKind =
  /** a zero denominator */
  | "#DIV/0!"
  /** a number outside the domain: negative revenue, a share above 1, growth at or below -100% */
  | "#NUM!"
  /** text, a boolean, an empty cell or a wrong shape where a number or range was due */
  | "#VALUE!"
  /** an unknown id */
  | "#N/A";

export class ExposureError {
  constructor(
    readonly kind: ErrorKind,
    readonly message: string,
  ) {}
  toString(): string {
    return `${this.kind} ${this.message}`;
  }
}

/** A model answer: a finite number or the error that explains why there is none. */
export type Result = number | ExposureError;

export function isExposureError(x: unknown): x is ExposureError {
  return x instanceof ExposureError;
}

export const divByZero = (what: string) => new ExposureError("#DIV/0!", `${what} is zero`);
export const outOfDomain = (message: string) => new ExposureError("#NUM!", message);

/** A finite result, or #NUM! when the arithmetic overflowed (as Excel answers for 10^400). */
export function finite(x: number): Result {
  return Number.isFinite(x) ? x : outOfDomain("the result is too large to represent");
}

/** `name` must be a finite number >= 0 (revenue, value, a count). */
export function nonNegative(name: string, x: number): ExposureError | undefined {
  if (!Number.isFinite(x)) return outOfDomain(`${name} must be a finite number`);
  if (x < 0) return outOfDomain(`${name} must not be negative (got ${x})`);
  return undefined;
}

/** `name` is a denominator: zero answers #DIV/0!, negative #NUM!. */
export function positiveDenominator(name: string, x: number): ExposureError | undefined {
  if (x === 0) return divByZero(name);
  return nonNegative(name, x);
}

/** `name` is a share or probability: a fraction from 0 to 1 inclusive. */
export function fraction(name: string, x: number): ExposureError | undefined {
  if (!Number.isFinite(x) || x < 0 || x > 1) {
    return outOfDomain(`${name} must be a fraction between 0 and 1 (got ${x})`);
  }
  return undefined;
}

/** `name` is a growth rate: it must stay above -100%. */
export function growthAboveMinusOne(name: string, x: number): ExposureError | undefined {
  if (!Number.isFinite(x) || x <= -1) {
    return outOfDomain(`${name} must be above -100% (got ${x})`);
  }
  return undefined;
}

/** `name` is a number of years: it must be positive. */
export function positiveYears(name: string, x: number): ExposureError | undefined {
  if (!Number.isFinite(x) || x <= 0) return outOfDomain(`${name} must be a positive number of years (got ${x})`);
  return undefined;
}

type Check = ExposureError | undefined;

/**
 * The first error among up to four checks, if any. Fixed arity rather than a rest array: the model
 * functions run once per cell of a range, and this keeps each call free of allocations.
 */
export function firstError(a: Check, b?: Check, c?: Check, d?: Check): Check {
  return a ?? b ?? c ?? d;
}
