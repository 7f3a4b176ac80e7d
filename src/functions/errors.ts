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

/** A model error as the CustomFunctions.Error Excel displays. */
export function toExcelError(e: ExposureError): CustomFunctions.Error {
  const code = CODES[e.kind];
  const withMessage = e.kind === "#VALUE!" || e.kind === "#N/A";
  return withMessage ? new CustomFunctions.Error(code, e.message) : new CustomFunctions.Error(code);
}

type Out = number | string | boolean | ExposureError;

/**
 * A grid of model answers as Excel cell values, each error in its own place. The grid is the
 * function's own fresh answer, so errors are replaced in place (no second grid for large ranges).
 */
export function toExcelGrid(g: Out[][]): (number | string | boolean | CustomFunctions.Error)[][] {
  for (const row of g) {
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v instanceof ExposureError) (row as unknown[])[c] = toExcelError(v);
    }
  }
  return g as (number | string | boolean | CustomFunctions.Error)[][];
}

/**
 * Runs a function body so that nothing ever throws a raw JavaScript error into a cell: a model
 * error becomes its Excel error, an unexpected exception a #VALUE! that names the function.
 */
export function answer(
  name: string,
  body: () => Out[][] | ExposureError,
): (number | string | boolean | CustomFunctions.Error)[][] {
  try {
    const out = body();
    return out instanceof ExposureError ? [[toExcelError(out)]] : toExcelGrid(out);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return [[new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `EXPOSURE.${name} failed: ${why}`)]];
  }
}
