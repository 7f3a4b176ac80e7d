/**
 * Finding a case's sheet the way an insert finds the add-in's sheets: among the sheets the
 * document's index lists for the case's plan key, the one that carries the add-in's mark with that
 * key. What the caller wants of the sheet is loaded in the same round trip when the case is the
 * first sheet listed (the usual case), so a reset or a read costs two syncs.
 */
import { MARK_KEY, parseMark } from "./marks";
import { errorCode } from "./office";
import type { IndexEntry } from "./sheet-index";

export interface LocatedCase<T> {
  readonly sheet: Excel.Worksheet;
  readonly name: string;
  readonly protected: boolean;
  /** what `load` queued on the sheet, loaded */
  readonly loaded: T;
}

/**
 * The case sheet of `sheetKey` among `listed` (the index's entries for that key), with `load(sheet)`
 * loaded; undefined when none of them is there with the mark. `load` queues loads and returns the
 * proxies; they are read after this resolves.
 */
export async function locateCase<T>(
  context: Excel.RequestContext,
  sheetKey: string,
  listed: readonly IndexEntry[],
  sync: () => Promise<void>,
  load: (sheet: Excel.Worksheet) => T,
): Promise<LocatedCase<T> | undefined> {
  const wb = context.workbook;
  wb.worksheets.load("items/id");
  await sync();
  const present = wb.worksheets.items.filter((s) => listed.some((e) => e.id === s.id));
  if (present.length === 0) return undefined;
  const reads = present.map((sheet) => {
    sheet.load("name");
    sheet.protection.load("protected");
    const mark = sheet.customProperties.getItemOrNullObject(MARK_KEY);
    mark.load("value");
    return { sheet, mark };
  });
  const first = load(reads[0].sheet);
  await sync();
  const at = reads.findIndex((r) => !r.mark.isNullObject && parseMark(r.mark.value)?.k === sheetKey);
  if (at < 0) return undefined;
  const { sheet } = reads[at];
  let loaded = first;
  if (at !== 0) {
    loaded = load(sheet);
    await sync();
  }
  return { sheet, name: sheet.name, protected: sheet.protection.protected, loaded };
}

/** An exception of Excel.run around a case, as a reset and a read report it. */
export function caseRunFailure(e: unknown): { kind: "cell_edit_mode" | "not_supported" | "failed"; detail: string } {
  const code = errorCode(e);
  if (code === "InvalidOperationInCellEditMode") return { kind: "cell_edit_mode", detail: code };
  if (code === "ApiNotFound") return { kind: "not_supported", detail: code };
  return { kind: "failed", detail: e instanceof Error ? e.message : String(e) };
}
