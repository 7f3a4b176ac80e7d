/**
 * What the pane says, as pure functions of the reports: no DOM, no Office. Every string comes from
 * src/i18n/strings.ts; the table titles and descriptions come from the baseline.
 */
import type { TableSummary } from "../baseline";
import { Lang, StringId, inLang, isLang, t } from "../i18n/strings";
import { sheetReference } from "../workbook/address";
import type {
  InsertErrorKind,
  InsertPhase,
  InsertReport,
  LeftItem,
  NameSkipReason,
  SheetOutcome,
  SheetResult,
} from "../workbook/report";
import type { ConvertReport, ScanReport, SharingErrorKind, SheetCount } from "../workbook/sharing";
import type { PaneEnvironment } from "./requirements";

// Each family of messages spelled out, so that the compiler finds a missing one and
// tests/i18n/strings.test.ts finds one nothing uses.
const PROGRESS = {
  reading: "pane.progress.reading",
  writing: "pane.progress.writing",
  finishing: "pane.progress.finishing",
  undoing: "pane.progress.undoing",
} as const satisfies Record<InsertPhase, StringId>;
const OUTCOME = {
  created: "pane.outcome.created",
  refreshed: "pane.outcome.refreshed",
  unchanged: "pane.outcome.unchanged",
  reset: "pane.outcome.reset",
  kept: "pane.outcome.kept",
} as const satisfies Record<SheetOutcome, StringId>;
const NAMES_SKIPPED = {
  taken: "pane.names.taken",
} as const satisfies Record<Exclude<NameSkipReason, "sheet_not_inserted">, StringId>;
const INSERT_ERROR = {
  not_supported: "pane.error.not_supported",
  cell_edit_mode: "pane.error.cell_edit_mode",
  workbook_protected: "pane.error.workbook_protected",
  sheet_protected: "pane.error.sheet_protected",
  read_failed: "pane.error.read_failed",
  conflict: "pane.error.conflict",
  write_failed: "pane.error.write_failed",
  cleanup_incomplete: "pane.error.cleanup_incomplete",
  invalid_plan: "pane.error.invalid_plan",
} as const satisfies Record<InsertErrorKind, StringId>;
const LEFT_KIND = { sheet: "pane.cleanup.sheet", name: "pane.cleanup.name" } as const satisfies Record<
  LeftItem["kind"],
  StringId
>;
const LEFT_REASON = {
  not_ours: "pane.cleanup.not_ours",
  not_removed: "pane.cleanup.not_removed",
  not_restored: "pane.cleanup.not_restored",
  changed_since: "pane.cleanup.changed_since",
  unverified: "pane.cleanup.unverified",
} as const satisfies Record<LeftItem["reason"], StringId>;
const SHARING_ERROR = {
  not_supported: "pane.sharing.error.not_supported",
  cell_edit_mode: "pane.sharing.error.cell_edit_mode",
  no_selection: "pane.sharing.error.no_selection",
  read_failed: "pane.sharing.error.read_failed",
  write_failed: "pane.sharing.error.write_failed",
} as const satisfies Record<SharingErrorKind, StringId>;

/** The pane's language: a saved choice, else Office's display language (zh-* → 简体中文). */
export function initialLang(saved: string | null | undefined, displayLanguage: string | undefined): Lang {
  if (isLang(saved)) return saved;
  return (displayLanguage ?? "").toLowerCase().startsWith("zh") ? "zh" : "en";
}

export function tableTitle(table: TableSummary, lang: Lang): string {
  return inLang(table, "title", lang);
}

export function tableDescription(table: TableSummary, lang: Lang): string {
  return inLang(table, "description", lang);
}

export function progressText(phase: InsertPhase, sheets: number, lang: Lang): string {
  return t(PROGRESS[phase], lang, { count: sheets });
}

export function outcomeText(result: SheetResult, lang: Lang): string {
  return t(OUTCOME[result.outcome], lang, { sheet: result.copy ?? "" });
}

const list = (items: readonly string[], lang: Lang) => items.join(t("list_separator", lang));

/** One line per kind of skipped name worth telling (names of sheets not inserted are not). */
export function nameNotes(report: InsertReport, lang: Lang): string[] {
  const shown = Object.keys(NAMES_SKIPPED) as (keyof typeof NAMES_SKIPPED)[];
  return shown.flatMap((reason) => {
    const names = report.namesSkipped.filter((s) => s.reason === reason).map((s) => s.name);
    return names.length === 0 ? [] : [t(NAMES_SKIPPED[reason], lang, { names: list(names, lang) })];
  });
}

/** The plain-words message of a failed insert (undefined when it worked). */
export function insertErrorText(report: InsertReport, lang: Lang): string | undefined {
  if (report.ok || !report.error) return undefined;
  return t(INSERT_ERROR[report.error.kind], lang, { sheet: report.error.sheet ?? "" });
}

/** One line per thing the undo of a failed insert left in place, and why (empty when it left nothing). */
export function cleanupNotes(report: InsertReport, lang: Lang): string[] {
  return (report.cleanup?.left ?? []).map((l) =>
    t(LEFT_REASON[l.reason], lang, { what: t(LEFT_KIND[l.kind], lang, { name: l.name }) }),
  );
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
  if ("skipped" in report && report.skipped.length > 0) {
    const cells = report.skipped.map((c) => `${sheetReference(c.sheet)}!${c.address}`);
    notes.push(t("pane.sharing.skipped", lang, { cells: list(cells, lang) }));
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
    return t(SHARING_ERROR[report.error.kind], lang);
  }
  if (report.formulas === 0) return t("pane.sharing.none", lang);
  return t("pane.sharing.done", lang, {
    formulas: report.formulas,
    cells: report.cells,
    sheets: sheetCounts(report.sheets, lang),
  });
}

export function scanErrorText(report: ScanReport, lang: Lang): string | undefined {
  return report.ok || !report.error ? undefined : t(SHARING_ERROR[report.error.kind], lang);
}

/** What the pane says outside Excel, or in an Excel that lacks requirement sets (every one named). */
export function environmentText(env: PaneEnvironment, lang: Lang): { title: string; text: string } | undefined {
  if (!env.inExcel) return { title: t("pane.env.outside.title", lang), text: t("pane.env.outside.text", lang) };
  if (env.missing.length === 0) return undefined;
  return {
    title: t("pane.env.missing.title", lang),
    text: t("pane.env.missing.text", lang, { sets: env.missing.join(t("list_separator", lang)) }),
  };
}
