/**
 * Which driver moves an output most (the tornado), declared over the case of case.ts: each driver
 * at its low and at its high, the others at the values the Base scenario uses, the swing between
 * the two outputs, the drivers ranked by swing. The case sheet renders the same definitions as
 * native formulas (workbook/case-tornado.ts), EXPOSURE.SENSITIVITY spills them, and the simulation
 * (simulation.ts) draws each driver between the same low and high.
 *
 * A driver's low and high are what the user typed, or else 20% below and above its value (a share
 * never above 100%); a driver with no value and no typed bound has none, and an output that reads it
 * says which driver to fill in, as the case does.
 */
import {
  type CaseDrivers,
  DRIVERS,
  type DriverId,
  type MultipleType,
  OUTPUTS,
  type OutputId,
  type OutputValue,
  driverSpec,
  evaluateScenario,
  outputSpec,
} from "./case";

/** The outputs a sensitivity or a simulation can measure: the losses an investor asks about. */
export const RISK_OUTPUTS = ["revenue_at_risk", "net_income_at_risk", "eps_at_risk", "value_at_risk"] as const;
export type RiskOutputId = (typeof RISK_OUTPUTS)[number];
export const isRiskOutput = (id: string): id is RiskOutputId => (RISK_OUTPUTS as readonly string[]).includes(id);

/** The outputs the risk outputs are computed through, in the case's order (each after those it uses). */
export const RISK_CHAIN: readonly OutputId[] = (() => {
  const need = new Set<OutputId>();
  const add = (id: OutputId): void => {
    if (need.has(id)) return;
    need.add(id);
    outputSpec(id).uses.forEach(add);
  };
  RISK_OUTPUTS.forEach(add);
  // value at risk at a P/S multiple reads revenue at risk, which is in the chain already
  return OUTPUTS.map((o) => o.id).filter((id) => need.has(id));
})();

/** The drivers that vary: every driver but the choice of multiple, in the case's order. */
export type NumericDriverId = Exclude<DriverId, "multiple_type">;
export const NUMERIC_DRIVERS: readonly NumericDriverId[] = DRIVERS.filter((d) => d.kind !== "choice").map(
  (d) => d.id as NumericDriverId,
);

/** An empty low or high is the value times these (as the sheet writes them). */
export const LOW_FACTOR = 0.8;
export const HIGH_FACTOR = 1.2;

/** The values a driver may take: a share within 0–1, anything else not below 0. */
export function domainOf(id: NumericDriverId): readonly [number, number] {
  return driverSpec(id).kind === "share" ? [0, 1] : [0, Infinity];
}

/** A driver's low and high: as typed, else ±20% of its value (a share at most 1); undefined when unknown. */
export function rangeOf(
  id: NumericDriverId,
  value: number | undefined,
  typedLow?: number,
  typedHigh?: number,
): { readonly low: number | undefined; readonly high: number | undefined } {
  const max = domainOf(id)[1];
  return {
    low: typedLow ?? (value === undefined ? undefined : value * LOW_FACTOR),
    high: typedHigh ?? (value === undefined ? undefined : Math.min(max, value * HIGH_FACTOR)),
  };
}

/** The values the Base scenario uses, as numbers or undefined (unknown). */
export type UsedValues = Readonly<Record<NumericDriverId, number | undefined>>;
export type Bounds = Partial<Record<NumericDriverId, number>>;

export interface TornadoRow {
  readonly driver: NumericDriverId;
  readonly low: number | undefined;
  readonly high: number | undefined;
  /** every output of the chain with the driver at its low, and at its high */
  readonly atLow: Readonly<Record<OutputId, OutputValue>>;
  readonly atHigh: Readonly<Record<OutputId, OutputValue>>;
  /** the output measured, at the low and at the high */
  readonly outLow: OutputValue;
  readonly outHigh: OutputValue;
  /** |outHigh − outLow|, or the first of the two that is not a number */
  readonly swing: OutputValue;
  /** 1 for the largest swing; an equal swing (see rankKey) ranks after the drivers above it in the case */
  readonly rank: number;
}

export interface Tornado {
  readonly output: RiskOutputId;
  /** the output at the Base scenario's values */
  readonly base: OutputValue;
  /** in the case's order */
  readonly rows: readonly TornadoRow[];
  /** by rank */
  readonly sorted: readonly TornadoRow[];
}

/**
 * What a rank compares: the swing to RANK_DECIMALS places, or −1 when it is not a number. Rounded so
 * that swings equal but for float noise (±20% of two factors of one product) tie, and a tie goes to
 * the driver listed first, in the model, in Excel and in LibreOffice alike (LibreOffice compares
 * nearly equal numbers as equal, Excel does not).
 */
export const RANK_DECIMALS = 9;
export const rankKey = (swing: OutputValue): number =>
  typeof swing === "number" ? Math.round(swing * 10 ** RANK_DECIMALS) / 10 ** RANK_DECIMALS : -1;

/**
 * The tornado of `output` around `used` (the values the Base scenario uses), each driver between
 * its typed low and high or ±20%.
 */
export function tornado(
  used: UsedValues,
  type: MultipleType,
  output: RiskOutputId,
  lows: Bounds = {},
  highs: Bounds = {},
): Tornado {
  const at = (id: NumericDriverId, x: number | undefined) =>
    evaluateScenario({ ...used, [id]: x, multiple_type: type } as CaseDrivers);
  const base = evaluateScenario({ ...used, multiple_type: type } as CaseDrivers)[output];
  const unranked = NUMERIC_DRIVERS.map((driver) => {
    const { low, high } = rangeOf(driver, used[driver], lows[driver], highs[driver]);
    const atLow = at(driver, low);
    const atHigh = at(driver, high);
    const outLow = atLow[output];
    const outHigh = atHigh[output];
    const swing =
      typeof outLow !== "number" ? outLow : typeof outHigh !== "number" ? outHigh : Math.abs(outHigh - outLow);
    return { driver, low, high, atLow, atHigh, outLow, outHigh, swing };
  });
  const keys = unranked.map((r) => rankKey(r.swing));
  const rows: TornadoRow[] = unranked.map((r, i) => ({
    ...r,
    rank: 1 + keys.filter((k) => k > keys[i]).length + keys.slice(0, i).filter((k) => k === keys[i]).length,
  }));
  const sorted = [...rows].sort((a, b) => a.rank - b.rank);
  return { output, base, rows, sorted };
}
