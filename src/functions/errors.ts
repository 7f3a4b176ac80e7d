/**
 * The one place where model errors become Excel errors. Excel shows a custom message only for
 * #VALUE! and #N/A, so only those carry one.
 */
import { ErrorKind, ExposureError } from "../model";

const CODES: Record<ErrorKind, CustomFunctions.ErrorCode> = {
  "#DIV/0!": CustomFunctions.ErrorCode.divisionByZero,
  "#NUM!": CustomFunctions.ErrorCode.invalidNumber,
  "#VALUE!": CustomFunctions.ErrorCode.invalidValue,
  "#N/A": CustomFunctions.ErrorCode.notAvailable,
};

/** What a custom function answers Excel: a grid of values, each error in its own place. */
export type Answer = (number | string | boolean | CustomFunctions.Error)[][];

/** A model error as the CustomFunctions.Error Excel displays. */
export function toExcelError(e: ExposureError): CustomFunctions.Error {
  const code = CODES[e.kind];
  const withMessage = e.kind === "#VALUE!" || e.kind === "#N/A";
  return withMessage ? new CustomFunctions.Error(code, e.message) : new CustomFunctions.Error(code);
}

/** An unexpected exception as the #VALUE! that names the function, never a raw JavaScript error. */
export function failure(name: string, e: unknown): CustomFunctions.Error {
  const why = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `EXPOSURE.${name} failed: ${why}`);
}

type Out = number | string | boolean | ExposureError;

/** A model answer as Excel shows it: a value as it is, an error as its Excel error. */
export function answerOf(y: Out): Answer[number][number] {
  return y instanceof ExposureError ? toExcelError(y) : y;
}

/**
 * Runs the body of a function that is not lifted element-wise (a spill, a series): a model error
 * becomes its Excel error, in the grid or for the whole call; an unexpected exception a failure.
 */
export function answer(name: string, body: () => Out[][] | ExposureError): Answer {
  try {
    const out = body();
    if (out instanceof ExposureError) return [[toExcelError(out)]];
    for (const row of out) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v instanceof ExposureError) (row as unknown[])[c] = toExcelError(v);
      }
    }
    return out as Answer;
  } catch (e) {
    return [[failure(name, e)]];
  }
}
