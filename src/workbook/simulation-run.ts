/**
 * "Run simulation" for a case: read the case's inputs from the workbook (the user's values, not the
 * article's seeds), simulate (src/model/simulation.ts), and write the simulation sheet as values
 * (simulation-plan.ts) with the insert of office.ts. Never throws: the report says what was written,
 * or in plain terms why nothing was — no case, a cell it cannot read, a driver to fill in, a
 * parameter it cannot simulate, or the insert's own error.
 */
import type { Lang } from "../i18n/strings";
import type { DriverId, ExposureError, RiskOutputId } from "../model";
import type { SimulationSummary } from "../model/simulation";
import { loadSimulation } from "../model/simulation-load";
import { caseSheetKey } from "./case-plan";
import { readCaseInputs } from "./case-read";
import { applyPlan, type InsertOptions } from "./office";
import type { InsertReport } from "./report";
import { simulationPlan } from "./simulation-plan";
import type { SheetIndexStore } from "./sheet-index";

export interface SimulationRequest {
  /** the case's key and company (NVIDIA, or the company a case was made for) */
  readonly caseKey: string;
  readonly company: string;
  readonly output: RiskOutputId;
  readonly trials: number;
  readonly seed: number;
  /** the Base scenario's figure when not given */
  readonly threshold?: number;
  readonly lang: Lang;
  /** the run's time stamp; now by default */
  readonly at?: Date;
}

export type SimulationErrorKind =
  | "not_supported"
  | "cell_edit_mode"
  | "no_case"
  | "read_failed"
  | "load_failed" // the simulation's code (simulation.js) could not be fetched
  | "unreadable" // a cell of the case the simulation cannot read
  | "missing" // a driver the output needs is empty
  | "invalid" // a low, high, distribution or run parameter the model refuses
  | "insert"; // writing the sheet failed: see `insert`

export interface SimulationReport {
  readonly ok: boolean;
  /** the case sheet's tab name, when found */
  readonly caseSheet?: string;
  /** the simulation sheet's tab name, when written */
  readonly sheet?: string;
  readonly summary?: SimulationSummary;
  readonly insert?: InsertReport;
  readonly error?: {
    readonly kind: SimulationErrorKind;
    readonly detail: string;
    /** unreadable or missing: which driver, and for unreadable which cell */
    readonly driver?: DriverId;
    readonly cell?: string;
  };
}

export interface SimulationOptions extends InsertOptions {
  readonly index?: SheetIndexStore;
}

/** Reads the case, simulates it and writes its simulation sheet (see the top). */
export async function runSimulation(
  req: SimulationRequest,
  options: SimulationOptions = {},
): Promise<SimulationReport> {
  const read = await readCaseInputs(caseSheetKey({ key: req.caseKey }), options.index);
  const caseSheet = read.sheet;
  if (!read.ok || !read.inputs) {
    const e = read.error!;
    const kind: SimulationErrorKind = e.kind === "failed" ? "read_failed" : e.kind;
    return {
      ok: false,
      caseSheet,
      error: { kind, detail: e.detail, driver: e.unreadable?.driver, cell: e.unreadable?.cell },
    };
  }
  const { inputs } = read;
  let simulate: Awaited<ReturnType<typeof loadSimulation>>["simulate"];
  try {
    ({ simulate } = await loadSimulation());
  } catch (e) {
    return { ok: false, caseSheet, error: { kind: "load_failed", detail: e instanceof Error ? e.message : String(e) } };
  }
  const summary = simulate({
    output: req.output,
    drivers: inputs.drivers,
    overrides: inputs.baseOverrides,
    lows: inputs.lows,
    highs: inputs.highs,
    distributions: inputs.distributions,
    trials: req.trials,
    seed: req.seed,
    threshold: req.threshold,
  });
  if ("missing" in summary) {
    return { ok: false, caseSheet, error: { kind: "missing", detail: summary.missing, driver: summary.missing } };
  }
  if (!("mean" in summary)) {
    const e = summary as ExposureError;
    return { ok: false, caseSheet, error: { kind: "invalid", detail: `${e.kind} ${e.message}` } };
  }
  const plan = simulationPlan(
    {
      caseKey: req.caseKey,
      company: req.company,
      caseSheet: caseSheet!,
      summary,
      moneyUnit: inputs.moneyUnit,
      at: req.at ?? new Date(),
    },
    req.lang,
  );
  const insert = await applyPlan(plan, options);
  if (!insert.ok)
    return { ok: false, caseSheet, summary, insert, error: { kind: "insert", detail: insert.error?.detail ?? "" } };
  return { ok: true, caseSheet, sheet: insert.sheets[0]?.name, summary, insert };
}
