/**
 * The Office requirement sets the add-in needs, as manifest.xml declares them (a test holds the two
 * together), and what the pane makes of the Excel it runs in: outside Excel, or the sets it lacks.
 */

export interface RequirementSet {
  readonly name: string;
  readonly version: string;
}

/** In the manifest's order: the shared runtime, custom functions with errors in spills, the Excel API. */
export const REQUIREMENT_SETS: readonly RequirementSet[] = [
  { name: "SharedRuntime", version: "1.1" },
  { name: "CustomFunctionsRuntime", version: "1.2" },
  { name: "ExcelApi", version: "1.12" },
];

/** Where the pane runs: in Excel (lacking `missing`, "ExcelApi 1.12" …), or not in Excel at all. */
export interface PaneEnvironment {
  readonly inExcel: boolean;
  readonly missing: readonly string[];
}

/** The sets `isSetSupported` denies, as "Name version". */
export function missingSets(isSetSupported: (name: string, version: string) => boolean): string[] {
  return REQUIREMENT_SETS.filter((s) => !isSetSupported(s.name, s.version)).map((s) => `${s.name} ${s.version}`);
}

/** Whether the workbook actions can run: in Excel, with the Excel API the inserts and sharing use. */
export const actionsAvailable = (env: PaneEnvironment): boolean =>
  env.inExcel && !env.missing.some((m) => m.startsWith("ExcelApi "));
