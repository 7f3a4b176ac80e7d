/**
 * What the pane says, as pure functions of the reports: no DOM, no Office. Every string comes from
 * src/i18n/strings.ts; the table titles and descriptions come from the baseline.
 */
import type { TableSummary } from "../baseline";
import { Lang, StringId, t } from "../i18n/strings";
import type { InsertPhase, InsertReport, NameSkipReason, SheetResult } from "../workbook/office";
import type { ConvertReport, ScanReport, SheetCount } from "../workbook/sharing";

/** The pane's language: a saved choice, else Office's display language (zh-* → 简体中文). */
export function initialLang(saved: string | null | undefined, displayLanguage: string | undefined): Lang {
  if (saved === "en" || saved === "zh") return saved;
  return (displayLanguage ?? "").toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function tableTitle(table: TableSummary, lang: Lang): string {
  return lang === "zh" ? table.title_zh : table.title;
}

export function tableDescription(table: TableSummary, lang: Lang): string {
  return lang === "zh" ? table.description_zh : table.description;
}

export function progressText(phase: InsertPhase, sheets: number, lang: Lang): string {
  return t(`pane.progress.${phase}`, lang, { count: sheets });
}

export function outcomeText(result: SheetResult, lang: Lang): string {
  return t(`pane.outcome.${result.outcome}`, lang, { sheet: result.editedSheet ?? "" });
}

const list = (items: readonly string[], lang: Lang) => items.join(t("list_separator", lang));

/** One line per kind of skipped name worth telling (names of sheets not inserted are not). */
export function nameNotes(report: InsertReport, lang: Lang): string[] {
  const shown: Exclude<NameSkipReason, "sheet_not_inserted">[] = ["taken", "on_edited_sheet"];
  return shown.flatMap((reason) => {
    const names = report.namesSkipped.filter((s) => s.reason === reason).map((s) => s.name);
    return names.length === 0 ? [] : [t(`pane.names.${reason}`, lang, { names: list(names, lang) })];
  });
}

/** The plain-words message of a failed insert (undefined when it worked). */
export function insertErrorText(report: InsertReport, lang: Lang): string | undefined {
  if (report.ok || !report.error) return undefined;
  return t(`pane.error.${report.error.kind}` as StringId, lang, { sheet: report.error.sheet ?? "" });
}

export function sheetCounts(sheets: readonly SheetCount[], lang: Lang): string {
  return list(
    sheets.map((s) => t("pane.sharing.sheet_count", lang, { sheet: s.sheet, count: s.cells })),
    lang,
  );
}

/** The question asked before converting, or the "nothing to do" line. */
export function confirmText(scan: ScanReport, lang: Lang): string {
  if (scan.formulas === 0) return t("pane.sharing.none", lang);
  const id = scan.formulas === 1 ? "pane.sharing.confirm.one" : "pane.sharing.confirm";
  return t(id, lang, { count: scan.formulas, sheets: sheetCounts(scan.sheets, lang) });
}

export function replaceLabel(count: number, lang: Lang): string {
  return count === 1 ? t("pane.sharing.replace.one", lang) : t("pane.sharing.replace", lang, { count });
}

/** Notes that go with a scan or a conversion: protected sheets skipped, results still calculating. */
export function sharingNotes(report: ScanReport | ConvertReport, lang: Lang): string[] {
  const notes: string[] = [];
  if (report.protectedSheets.length > 0) {
    notes.push(t("pane.sharing.protected", lang, { sheets: list(report.protectedSheets, lang) }));
  }
  if (report.pending === 1) notes.push(t("pane.sharing.pending.one", lang));
  else if (report.pending > 1) notes.push(t("pane.sharing.pending", lang, { count: report.pending }));
  return notes;
}

export function convertText(report: ConvertReport, lang: Lang): string {
  if (!report.ok && report.error) {
    if (report.error.kind === "write_failed" && report.restored === false) {
      return t("pane.sharing.error.write_failed_unrestored", lang);
    }
    return t(`pane.sharing.error.${report.error.kind}`, lang);
  }
  if (report.formulas === 0) return t("pane.sharing.none", lang);
  return t("pane.sharing.done", lang, {
    formulas: report.formulas,
    cells: report.cells,
    sheets: sheetCounts(report.sheets, lang),
  });
}

export function scanErrorText(report: ScanReport, lang: Lang): string | undefined {
  return report.ok || !report.error ? undefined : t(`pane.sharing.error.${report.error.kind}`, lang);
}
