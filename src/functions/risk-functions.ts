/**
 * The EXPOSURE.* functions of sensitivity and simulation: which driver moves an output most (a
 * tornado that spills), and a seeded Monte Carlo summary. Thin wrappers over src/model/risk.ts and
 * src/model/simulation.ts, which the case sheet renders as formulas (the tornado) and the pane runs
 * (the simulation): a function, a sheet and the pane answer the same numbers.
 *
 * Drivers are given in the case's order, one cell each, as a case sheet lists them in B6:B18
 * (exposed revenue, global revenue, orders, probability, substitution, recapture, gross margin,
 * tax rate, shares, multiple type, multiple, write-down, market value); fewer cells leave the
 * drivers after them empty. Lows, highs and distributions line up with them (D6:D18, E6:E18, F6:F18).
 */
import {
  type Bounds,
  type CaseDrivers,
  DISTRIBUTION_KINDS,
  DRIVER_IDS,
  type DistributionKind,
  ExposureError,
  type NumericDriverId,
  type OutputValue,
  RISK_OUTPUTS,
  type RiskOutputId,
  distributionKind,
  driverProblem,
  isMissing,
  isRiskOutput,
  tornado,
  usedDrivers,
} from "../model";
import type { SimulationInput } from "../model/simulation";
import { loadSimulation } from "../model/simulation-load";
import { cellsOf, driverOf, multipleTypeOf } from "./case-functions";
import { answer } from "./errors";
import { toNumber } from "./grid";

/** The one cell of an argument that must be one cell. */
function single(name: string, v: unknown): unknown {
  const cells = cellsOf(name, v);
  if (cells instanceof ExposureError) return cells;
  return cells.length === 1 ? cells[0] : new ExposureError("#VALUE!", `${name} must be one cell`);
}

function outputOf(v: unknown): RiskOutputId | ExposureError {
  const cell = single("output", v);
  if (cell instanceof ExposureError) return cell;
  const id = typeof cell === "string" ? cell.trim().toLowerCase() : "";
  return isRiskOutput(id)
    ? id
    : new ExposureError("#N/A", `output must be one of ${RISK_OUTPUTS.join(", ")}, not ${JSON.stringify(cell)}`);
}

/** The cells of a per-driver argument, in the case's order, at most one per driver. */
function perDriver(name: string, v: unknown): unknown[] | ExposureError {
  const cells = cellsOf(name, v);
  if (cells instanceof ExposureError) return cells;
  if (cells.length > DRIVER_IDS.length)
    return new ExposureError(
      "#VALUE!",
      `${name} has ${cells.length} cells; a case has ${DRIVER_IDS.length} drivers (B6:B18 of a case sheet)`,
    );
  return cells;
}

/** The drivers as typed: numbers in their domain, the multiple type as P/E or P/S. */
function driversOf(v: unknown): CaseDrivers | ExposureError {
  const cells = perDriver("values", v);
  if (cells instanceof ExposureError) return cells;
  const out: Record<string, unknown> = {};
  for (let i = 0; i < cells.length; i++) {
    const id = DRIVER_IDS[i];
    if (id === "multiple_type") {
      const type = multipleTypeOf(cells[i]);
      if (type instanceof ExposureError) return type;
      out[id] = type;
      continue;
    }
    const x = driverOf(id, cells[i]);
    if (x instanceof ExposureError) return x;
    if (x === undefined) continue;
    const bad = driverProblem(id, x);
    if (bad) return bad;
    out[id] = x;
  }
  return out as CaseDrivers;
}

/** Typed lows or highs (an empty cell: ±20% of the value), each in its driver's domain. */
function boundsOf(name: string, v: unknown): Bounds | ExposureError {
  if (v === null || v === undefined) return {};
  const cells = perDriver(name, v);
  if (cells instanceof ExposureError) return cells;
  const out: Bounds = {};
  for (let i = 0; i < cells.length; i++) {
    const id = DRIVER_IDS[i];
    if (id === "multiple_type") continue;
    const x = driverOf(`${name} of ${id}`, cells[i]);
    if (x instanceof ExposureError) return x;
    if (x === undefined) continue;
    const bad = driverProblem(id, x);
    if (bad) return new ExposureError("#NUM!", `the ${name} of ${id}: ${bad.message}`);
    out[id] = x;
  }
  return out;
}

/** One distribution for every driver, or one per driver; empty: triangular. */
function distributionsOf(v: unknown): Partial<Record<NumericDriverId, DistributionKind>> | ExposureError {
  if (v === null || v === undefined) return {};
  const cells = perDriver("distributions", v);
  if (cells instanceof ExposureError) return cells;
  const out: Partial<Record<NumericDriverId, DistributionKind>> = {};
  const every = cells.length === 1;
  for (let i = 0; i < (every ? DRIVER_IDS.length : cells.length); i++) {
    const id = DRIVER_IDS[i];
    const cell = every ? cells[0] : cells[i];
    if (id === "multiple_type" || cell === null || cell === undefined || cell === "") continue;
    const kind = typeof cell === "string" ? distributionKind(cell) : undefined;
    if (!kind)
      return new ExposureError(
        "#VALUE!",
        `the distribution of ${id} must be one of ${DISTRIBUTION_KINDS.join(", ")}, not ${JSON.stringify(cell)}`,
      );
    out[id] = kind;
  }
  return out;
}

/** An output as a spilled cell: a number, "needs <driver>", or the error. */
const cellOf = (v: OutputValue): number | string | ExposureError => (isMissing(v) ? `needs ${v.missing}` : v);

/**
 * Which driver moves an output most: each driver at its low and its high, the others at their values, sorted by the swing |output at high − output at low|, largest first. Lows and highs left out are 20% below and above each value (a share at most 100%). Example: =EXPOSURE.SENSITIVITY("revenue_at_risk", {17.1;131.54;16;0.5}) spills a table headed driver, low, high, output_at_low, output_at_high, swing (NVIDIA's 17.1 bn of China revenue, 131.54 bn global, 16 bn of orders, and a 50% probability the restriction holds, an assumption). A driver the output reads that is empty answers "needs <driver>". Errors: #N/A an unknown output; #VALUE! text where a number is due, or more cells than drivers; #NUM! a value outside its domain.
 * @customfunction SENSITIVITY
 * @param output "revenue_at_risk", "net_income_at_risk", "eps_at_risk" or "value_at_risk".
 * @param values The case's drivers in the case sheet's order, one cell each (B6:B18 of a case sheet); fewer cells leave the rest empty.
 * @param [lows] Each driver's low, lined up with values (D6:D18). Empty: 20% below the value.
 * @param [highs] Each driver's high, lined up with values (E6:E18). Empty: 20% above the value, a share at most 100%.
 * @returns A table with a header row, one row per driver, the largest swing first.
 */
export function sensitivity(
  output: unknown[][],
  values: unknown[][],
  lows?: unknown[][],
  highs?: unknown[][],
): unknown[][] {
  return answer("SENSITIVITY", () => {
    const out = outputOf(output);
    if (out instanceof ExposureError) return out;
    const drivers = driversOf(values);
    if (drivers instanceof ExposureError) return drivers;
    const low = boundsOf("low", lows);
    if (low instanceof ExposureError) return low;
    const high = boundsOf("high", highs);
    if (high instanceof ExposureError) return high;
    const t = tornado(usedDrivers(drivers), drivers.multiple_type ?? "pe", out, low, high);
    return [
      ["driver", "low", "high", "output_at_low", "output_at_high", "swing"],
      ...t.sorted.map((r) => [
        r.driver,
        r.low ?? "",
        r.high ?? "",
        cellOf(r.outLow),
        cellOf(r.outHigh),
        cellOf(r.swing),
      ]),
    ];
  });
}

/**
 * A seeded Monte Carlo of a case: each driver the output reads drawn from its distribution between its low and high (triangular with the value as its mode, uniform, normal around the value with low and high as its 5th and 95th percentiles and never outside the driver's valid range, or fixed), the output computed for each trial; spills the output at the drivers' values (base), the mean, standard deviation, 5th, 50th and 95th percentiles, and the probability that the loss exceeds the threshold. The same seed gives the same numbers on every machine; at most 1,000,000 trials. Example: =EXPOSURE.SIMULATE_RISK("revenue_at_risk", {17.1;131.54;16;0.5}, 10000, 42) spills a table headed statistic, value. Errors: #N/A an unknown output; #VALUE! text where a number is due, an unknown distribution, or an empty driver the output reads; #NUM! trials not a whole number from 2 to 1,000,000, a seed that is not a whole number, a low above its high, a share outside 0–1.
 * @customfunction SIMULATE_RISK
 * @param output "revenue_at_risk", "net_income_at_risk", "eps_at_risk" or "value_at_risk".
 * @param values The case's drivers in the case sheet's order, one cell each (B6:B18 of a case sheet); fewer cells leave the rest empty.
 * @param trials How many trials, a whole number from 2 to 1,000,000 (e.g. 10000).
 * @param seed A whole number: the same seed gives the same trials, everywhere.
 * @param [lows] Each driver's low, lined up with values (D6:D18). Empty: 20% below the value.
 * @param [highs] Each driver's high, lined up with values (E6:E18). Empty: 20% above the value, a share at most 100%.
 * @param [distributions] "triangular" (the default), "uniform", "normal" or "fixed": one for every driver, or one per driver lined up with values (F6:F18).
 * @param [threshold] The loss to measure the probability above. Default: the output at the drivers' values.
 * @returns A two-column table: statistic, value.
 */
export async function simulateRisk(
  output: unknown[][],
  values: unknown[][],
  trials: unknown[][],
  seed: unknown[][],
  lows?: unknown[][],
  highs?: unknown[][],
  distributions?: unknown[][],
  threshold?: unknown[][],
): Promise<unknown[][]> {
  // the arguments are checked first: a mistake answers at once, before the simulation is fetched
  let input: SimulationInput | undefined;
  const checked = answer("SIMULATE_RISK", () => {
    const out = outputOf(output);
    if (out instanceof ExposureError) return out;
    const drivers = driversOf(values);
    if (drivers instanceof ExposureError) return drivers;
    const numbers: Record<string, number | undefined> = {};
    for (const [name, v, optional] of [
      ["trials", trials, false],
      ["seed", seed, false],
      ["threshold", threshold, true],
    ] as const) {
      const cell = single(name, v);
      if (cell instanceof ExposureError) return cell;
      if (optional && (cell === null || cell === undefined || cell === "")) continue;
      const x = toNumber(name, cell);
      if (x instanceof ExposureError) return x;
      numbers[name] = x;
    }
    const low = boundsOf("low", lows);
    if (low instanceof ExposureError) return low;
    const high = boundsOf("high", highs);
    if (high instanceof ExposureError) return high;
    const kinds = distributionsOf(distributions);
    if (kinds instanceof ExposureError) return kinds;
    input = {
      output: out,
      drivers,
      lows: low,
      highs: high,
      distributions: kinds,
      trials: numbers.trials!,
      seed: numbers.seed!,
      threshold: numbers.threshold,
    };
    return [];
  });
  if (!input) return checked;
  let simulation: Awaited<ReturnType<typeof loadSimulation>>;
  try {
    simulation = await loadSimulation();
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).replace(/\s+/g, " "); // one line, as Excel shows it
    return answer(
      "SIMULATE_RISK",
      () => new ExposureError("#N/A", `the simulation could not be loaded (${why}): recalculate to try again`),
    );
  }
  const run = input;
  return answer("SIMULATE_RISK", () => {
    const s = simulation.simulate(run);
    if (s instanceof ExposureError) return s;
    if ("missing" in s) return new ExposureError("#VALUE!", `needs ${s.missing}: the output reads it and it is empty`);
    return [
      ["statistic", "value"],
      ["base", s.base],
      ["mean", s.mean],
      ["standard_deviation", s.sd],
      ["p5", s.p5],
      ["p50", s.p50],
      ["p95", s.p95],
      ["threshold", s.threshold],
      ["probability_above_threshold", s.probabilityAbove],
    ];
  });
}
