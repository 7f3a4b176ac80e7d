/**
 * Reads a case's inputs from the workbook, as the user left them (not the article's seeds): the
 * drivers' values, lows, highs and distributions (columns B–F), the Base scenario's overrides and
 * the money unit the sheet shows. Never writes. The case sheet is found as a reset finds it
 * (case-locate.ts); two syncs. Runs after any change to the workbook started before it.
 */
import {
  type Bounds,
  type CaseDrivers,
  DRIVERS,
  type DistributionKind,
  type DriverId,
  MULTIPLE_CHOICES,
  type MultipleType,
  type NumericDriverId,
  SCENARIO_DRIVERS,
  type ScenarioOverrides,
  distributionKind,
} from "../model";
import { cellAddress, parseCell } from "./address";
import { caseRunFailure, locateCase } from "./case-locate";
import { CASE_CELLS } from "./case-plan";
import { serialized } from "./serial";
import { SheetIndexStore, officeSettingsIndex } from "./sheet-index";
import { countingSync } from "./sync";

/** A case's inputs as its sheet holds them. */
export interface CaseInputs {
  readonly drivers: CaseDrivers;
  readonly baseOverrides: ScenarioOverrides;
  readonly lows: Bounds;
  readonly highs: Bounds;
  readonly distributions: Partial<Record<NumericDriverId, DistributionKind>>;
  /** the unit of money as the sheet shows it beside the first driver ("USD bn", "十亿美元") */
  readonly moneyUnit: string;
}

/** A cell the simulation cannot read: text where a number is due, an unknown distribution. */
export interface Unreadable {
  readonly cell: string;
  readonly driver: DriverId;
}

export type CaseReadErrorKind = "not_supported" | "cell_edit_mode" | "no_case" | "unreadable" | "failed";

export interface CaseReadReport {
  readonly ok: boolean;
  /** the case sheet's tab name, when found */
  readonly sheet?: string;
  readonly inputs?: CaseInputs;
  readonly syncs: number;
  readonly error?: {
    readonly kind: CaseReadErrorKind;
    readonly detail: string;
    readonly unreadable?: Unreadable;
  };
}

/** The drivers' columns B (value), C (unit), D (low), E (high), F (distribution), rows in DRIVERS order. */
const DRIVER_BLOCK = `${CASE_CELLS.driver(DRIVERS[0].id)}:${CASE_CELLS.distribution(DRIVERS[DRIVERS.length - 1].id)}`;

const isEmpty = (v: unknown) => v === "" || v === null || v === undefined;

/**
 * The inputs in the values Excel reports for the drivers' block (B–F) and the Base scenario's
 * overrides (one column, SCENARIO_DRIVERS order); or the first cell that cannot be read.
 */
export function parseCaseCells(
  block: readonly (readonly unknown[])[],
  base: readonly (readonly unknown[])[],
): CaseInputs | Unreadable {
  const origin = parseCell(CASE_CELLS.driver(DRIVERS[0].id));
  const drivers: Record<string, unknown> = {};
  const lows: Bounds = {};
  const highs: Bounds = {};
  const distributions: Partial<Record<NumericDriverId, DistributionKind>> = {};
  for (let i = 0; i < DRIVERS.length; i++) {
    const id = DRIVERS[i].id;
    const [value, , low, high, distribution] = block[i] ?? [];
    const at = (col: number): Unreadable => ({ cell: cellAddress(origin.row + i, origin.col + col), driver: id });
    if (id === "multiple_type") {
      const text = typeof value === "string" ? value.trim().toUpperCase() : value;
      const type = (Object.entries(MULTIPLE_CHOICES) as [MultipleType, string][]).find(([, l]) => l === text)?.[0];
      if (!isEmpty(value) && !type) return at(0);
      if (type) drivers[id] = type;
      continue;
    }
    for (const [col, x, into] of [
      [0, value, drivers],
      [2, low, lows],
      [3, high, highs],
    ] as const) {
      if (isEmpty(x)) continue;
      if (typeof x !== "number" || !Number.isFinite(x)) return at(col);
      (into as Record<string, number>)[id] = x;
    }
    if (!isEmpty(distribution)) {
      const kind = typeof distribution === "string" ? distributionKind(distribution) : undefined;
      if (!kind) return at(4);
      distributions[id] = kind;
    }
  }
  const baseOverrides: ScenarioOverrides = {};
  const baseOrigin = parseCell(CASE_CELLS.baseOverrides().split(":")[0]);
  for (let i = 0; i < SCENARIO_DRIVERS.length; i++) {
    const x = base[i]?.[0];
    if (isEmpty(x)) continue;
    if (typeof x !== "number" || !Number.isFinite(x))
      return { cell: cellAddress(baseOrigin.row + i, baseOrigin.col), driver: SCENARIO_DRIVERS[i] };
    baseOverrides[SCENARIO_DRIVERS[i]] = x;
  }
  const unit = block[0]?.[1];
  return {
    drivers: drivers as CaseDrivers,
    baseOverrides,
    lows,
    highs,
    distributions,
    moneyUnit: typeof unit === "string" ? unit : "",
  };
}

/** Reads the inputs of the case sheet whose plan key is `sheetKey`. Never throws, never writes. */
export function readCaseInputs(
  sheetKey: string,
  index: SheetIndexStore = officeSettingsIndex,
): Promise<CaseReadReport> {
  return serialized(() => readNow(sheetKey, index));
}

async function readNow(sheetKey: string, index: SheetIndexStore): Promise<CaseReadReport> {
  let syncs = 0;
  const failed = (kind: CaseReadErrorKind, detail: string): CaseReadReport => ({
    ok: false,
    syncs,
    error: { kind, detail },
  });
  if (typeof Excel === "undefined" || typeof Excel.run !== "function")
    return failed("not_supported", "Excel.run is not available");
  const listed = index.read().filter((e) => e.key === sheetKey);
  if (listed.length === 0) return failed("no_case", sheetKey);
  try {
    return await Excel.run(async (context) => {
      const sync = countingSync(context, () => syncs++);
      const found = await locateCase(context, sheetKey, listed, sync, (sheet) => {
        const block = sheet.getRange(DRIVER_BLOCK);
        const base = sheet.getRange(CASE_CELLS.baseOverrides());
        block.load("values");
        base.load("values");
        return { block, base };
      });
      if (!found) return failed("no_case", sheetKey);
      const parsed = parseCaseCells(found.loaded.block.values, found.loaded.base.values);
      if ("cell" in parsed) {
        return {
          ok: false,
          sheet: found.name,
          syncs,
          error: { kind: "unreadable", detail: `${found.name}!${parsed.cell}`, unreadable: parsed },
        };
      }
      return { ok: true, sheet: found.name, inputs: parsed, syncs };
    });
  } catch (e) {
    const f = caseRunFailure(e);
    return failed(f.kind, f.detail);
  }
}
