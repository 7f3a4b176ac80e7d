/**
 * "Reset to article" for a case: writes the article's value back into some of the case's driver
 * cells, and nothing else. The case sheet is found the way an insert finds the add-in's sheets
 * (case-locate.ts: the document's index, and the mark with the case's plan key); only cells that are inputs
 * of the case are written. Two syncs: read the sheet and the cells' current values, then write. The
 * report says what each cell held and holds now, or in plain words why nothing was changed.
 */
import { parseBox } from "./address";
import { caseRunFailure, locateCase } from "./case-locate";
import { serialized } from "./serial";
import { SheetIndexStore, officeSettingsIndex } from "./sheet-index";
import { countingSync } from "./sync";

export interface ResetCell {
  readonly address: string;
  readonly value: number;
}

export type ResetErrorKind =
  | "not_supported"
  | "cell_edit_mode"
  | "no_case" // the case's sheet is not in this workbook
  | "sheet_protected"
  | "not_an_input" // a bug: the cells asked for are not the case's inputs
  | "failed";

export interface ResetReport {
  readonly ok: boolean;
  /** the case sheet's tab name, when found */
  readonly sheet?: string;
  /** each cell written: what it held, what it holds */
  readonly cells: readonly { readonly address: string; readonly was: unknown; readonly now: number }[];
  readonly syncs: number;
  readonly error?: { readonly kind: ResetErrorKind; readonly detail: string };
}

/**
 * Writes `cells` into the case sheet whose plan key is `sheetKey`, if every one of them lies within
 * `inputs` (the case's input ranges). Never throws.
 */
export function resetCaseInputs(
  sheetKey: string,
  inputs: readonly string[],
  cells: readonly ResetCell[],
  index: SheetIndexStore = officeSettingsIndex,
): Promise<ResetReport> {
  return serialized(() => resetNow(sheetKey, inputs, cells, index));
}

const within = (address: string, ranges: readonly string[]) => {
  const c = parseBox(address);
  return ranges.some((r) => {
    const b = parseBox(r);
    return c.top >= b.top && c.bottom <= b.bottom && c.left >= b.left && c.right <= b.right;
  });
};

async function resetNow(
  sheetKey: string,
  inputs: readonly string[],
  cells: readonly ResetCell[],
  index: SheetIndexStore,
): Promise<ResetReport> {
  let syncs = 0;
  const failed = (kind: ResetErrorKind, detail: string, sheet?: string): ResetReport => ({
    ok: false,
    cells: [],
    syncs,
    error: { kind, detail },
    ...(sheet ? { sheet } : {}),
  });
  const outside = cells.filter((c) => !within(c.address, inputs));
  if (outside.length > 0) return failed("not_an_input", outside.map((c) => c.address).join(", "));
  if (typeof Excel === "undefined" || typeof Excel.run !== "function")
    return failed("not_supported", "Excel.run is not available");
  const listed = index.read().filter((e) => e.key === sheetKey);
  if (listed.length === 0) return failed("no_case", sheetKey);
  try {
    return await Excel.run(async (context) => {
      const sync = countingSync(context, () => syncs++);
      const found = await locateCase(context, sheetKey, listed, sync, (sheet) =>
        cells.map((c) => {
          const range = sheet.getRange(c.address);
          range.load("values");
          return range;
        }),
      );
      if (!found) return failed("no_case", sheetKey);
      const { sheet } = found;
      if (found.protected) return failed("sheet_protected", found.name, found.name);
      const was = found.loaded.map((r) => r.values[0][0]);
      for (const c of cells) sheet.getRange(c.address).values = [[c.value]];
      await sync();
      return {
        ok: true,
        sheet: sheet.name,
        cells: cells.map((c, i) => ({ address: c.address, was: was[i], now: c.value })),
        syncs,
      };
    });
  } catch (e) {
    const f = caseRunFailure(e);
    return failed(f.kind, f.detail);
  }
}
