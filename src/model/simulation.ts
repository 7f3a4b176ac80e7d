/**
 * A seeded Monte Carlo of one case: each driver drawn from its distribution (distributions.ts)
 * between its low and high (risk.ts), the output computed by the case's own declarations (case.ts)
 * for every trial, and the summary an investor reads: mean, standard deviation, the 5th, 50th and
 * 95th percentiles, the probability that the loss exceeds a threshold, and a histogram.
 *
 * mathjs does the statistics: its seeded `random` (seedrandom's ARC4 stream, which builds each
 * number from integers, so a seed gives the same stream on every machine and in every browser),
 * `mean`, `std` (n − 1) and `quantileSeq` (linear interpolation, as Excel's PERCENTILE.INC).
 *
 * Reproducible by construction: each driver the output reads is drawn from its own stream (see
 * driverStream), so changing one driver's distribution leaves the others' draws as they were; the
 * draws use only + − × ÷ and √ (see normal.ts). The same seed, trials and drivers give the same
 * numbers everywhere. Nothing here hangs: the trial count has
 * a maximum (MAX_TRIALS), and bad parameters answer an ExposureError before any trial runs.
 */
import { create, mean, quantileSeq, randomDependencies, std } from "mathjs/number";
import {
  type CaseDrivers,
  type DriverId,
  type MultipleType,
  type OutputId,
  type OutputSpec,
  type OutputValue,
  type ScenarioOverrides,
  driverProblem,
  evaluateScenario,
  outputSpec,
  outputUses,
  usedDrivers,
} from "./case";
import { DEFAULT_DISTRIBUTION, type Distribution, type DistributionKind, draw, truncatedNormal } from "./distributions";
import { ExposureError, outOfDomain } from "./errors";
import {
  type Bounds,
  NUMERIC_DRIVERS,
  type NumericDriverId,
  RISK_CHAIN,
  type RiskOutputId,
  domainOf,
  rangeOf,
} from "./risk";

import { MAX_TRIALS, MIN_TRIALS } from "./simulation-limits";

export { MAX_TRIALS, MIN_TRIALS };
/** Bars of the histogram. */
export const HISTOGRAM_BINS = 20;
/** The percentiles reported. */
export const PERCENTILES = [0.05, 0.5, 0.95] as const;

export interface SimulationInput {
  readonly output: RiskOutputId;
  /** the case's drivers as typed (an empty one undefined) */
  readonly drivers: CaseDrivers;
  /** the Base scenario's overrides, if any: the simulation centres on the values it uses */
  readonly overrides?: ScenarioOverrides;
  readonly lows?: Bounds;
  readonly highs?: Bounds;
  /** per driver; triangular where not given */
  readonly distributions?: Partial<Record<NumericDriverId, DistributionKind>>;
  readonly trials: number;
  readonly seed: number;
  /** the loss the probability is measured above; the Base scenario's figure when not given */
  readonly threshold?: number;
}

/** How one driver varied, as the simulation sheet lists it. */
export interface DriverDraw {
  readonly driver: NumericDriverId;
  /** undefined: the driver is empty and the output does not read it */
  readonly distribution?: Distribution;
}

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

export interface SimulationSummary {
  readonly output: RiskOutputId;
  readonly trials: number;
  readonly seed: number;
  /** the output at the Base scenario's values (no draw) */
  readonly base: number;
  readonly mean: number;
  readonly sd: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  readonly threshold: number;
  /** the share of trials whose loss is above the threshold */
  readonly probabilityAbove: number;
  readonly histogram: readonly HistogramBin[];
  readonly drivers: readonly DriverDraw[];
}

/** Why a simulation cannot run: an ExposureError (bad parameter) or the driver the output needs. */
export type SimulationProblem = ExposureError | { readonly missing: DriverId };

const isWhole = (x: number) => Number.isSafeInteger(x);

/** Each driver's distribution, or the first parameter that is wrong. */
function distributionsOf(
  input: SimulationInput,
  used: Record<DriverId, number | undefined>,
): DriverDraw[] | ExposureError {
  const out: DriverDraw[] = [];
  for (const id of NUMERIC_DRIVERS) {
    const value = used[id];
    const typedLow = input.lows?.[id];
    const typedHigh = input.highs?.[id];
    for (const [what, x] of [
      ["low", typedLow],
      ["high", typedHigh],
    ] as const) {
      const bad = x === undefined ? undefined : driverProblem(id, x);
      if (bad) return outOfDomain(`the ${what} of ${id}: ${bad.message}`);
    }
    if (value === undefined) {
      out.push({ driver: id });
      continue;
    }
    const kind = input.distributions?.[id] ?? DEFAULT_DISTRIBUTION;
    const { low, high } = rangeOf(id, value, typedLow, typedHigh);
    const lo = low!;
    const hi = high!;
    if (kind !== "fixed" && lo > hi) return outOfDomain(`the low of ${id} (${lo}) is above its high (${hi})`);
    const [min, max] = domainOf(id);
    let distribution: Distribution;
    switch (kind) {
      case "fixed":
        distribution = { kind: "fixed", value };
        break;
      case "uniform":
        distribution = lo === hi ? { kind: "fixed", value: lo } : { kind: "uniform", low: lo, high: hi };
        break;
      case "triangular":
        if (value < lo || value > hi)
          return outOfDomain(
            `the value of ${id} (${value}) lies outside its low–high (${lo}–${hi}), so it cannot be the mode`,
          );
        distribution = lo === hi ? { kind: "fixed", value } : { kind: "triangular", low: lo, mode: value, high: hi };
        break;
      case "normal":
        distribution = truncatedNormal(value, lo, hi, min, max);
        break;
    }
    out.push({ driver: id, distribution });
  }
  return out;
}

/** The outputs `output` is computed through, each after those it uses, in the case's order. */
function chainOf(output: RiskOutputId, type: MultipleType): OutputSpec[] {
  const need = new Set<OutputId>();
  const add = (id: OutputId): void => {
    if (need.has(id)) return;
    need.add(id);
    outputUses(outputSpec(id), type).forEach(add);
  };
  add(output);
  return RISK_CHAIN.filter((id) => need.has(id)).map(outputSpec);
}

/** The output of a trial as a function of the drivers' values (in NUMERIC_DRIVERS order), by the case's declarations. */
function evaluator(chain: readonly OutputSpec[], type: MultipleType): (x: Float64Array) => number {
  const slot = new Map<string, number>(NUMERIC_DRIVERS.map((id, i) => [id, i]));
  chain.forEach((spec, i) => slot.set(spec.id, NUMERIC_DRIVERS.length + i));
  // the drivers, then the outputs computed so far, in one array the declarations read by id
  const cells = new Float64Array(NUMERIC_DRIVERS.length + chain.length);
  const v = (id: DriverId | OutputId): number => cells[slot.get(id)!];
  return (x) => {
    cells.set(x);
    for (let i = 0; i < chain.length; i++) cells[NUMERIC_DRIVERS.length + i] = chain[i].evaluate(v, type);
    return cells[cells.length - 1];
  };
}

/**
 * The stream of uniform numbers a driver is drawn with: mathjs's `random` seeded with
 * "<seed>:<driver id>". Each driver has its own stream, so its k-th draw depends on the seed, the
 * driver and k only: another driver's distribution, or another output, never shifts it.
 */
export function driverStream(seed: number, driver: NumericDriverId): () => number {
  return create({ randomDependencies }, { randomSeed: `${seed}:${driver}` }).random as () => number;
}

/** Checks the parameters that are not drivers: trials, seed, threshold. */
function runProblem(input: SimulationInput): ExposureError | undefined {
  const { trials, seed, threshold } = input;
  if (!isWhole(trials) || trials < MIN_TRIALS || trials > MAX_TRIALS)
    return outOfDomain(
      `trials must be a whole number from ${MIN_TRIALS} to ${MAX_TRIALS.toLocaleString("en")} (got ${trials})`,
    );
  if (!isWhole(seed)) return outOfDomain(`the seed must be a whole number (got ${seed})`);
  if (threshold !== undefined && !Number.isFinite(threshold))
    return outOfDomain("the threshold must be a finite number");
  return undefined;
}

/**
 * Every trial's loss, in trial order, and what the drivers were drawn from; or why the simulation
 * cannot run (a parameter out of its domain, or a driver the output needs that is empty).
 */
export function simulateTrials(
  input: SimulationInput,
): { readonly losses: Float64Array; readonly base: number; readonly drivers: DriverDraw[] } | SimulationProblem {
  const problem = runProblem(input);
  if (problem) return problem;
  const type: MultipleType = input.drivers.multiple_type ?? "pe";
  const used = usedDrivers(input.drivers, input.overrides);
  for (const id of NUMERIC_DRIVERS) {
    const v = used[id];
    const bad = v === undefined ? undefined : driverProblem(id, v);
    if (bad) return bad;
  }
  const base: OutputValue = evaluateScenario({ ...used, multiple_type: type } as CaseDrivers)[input.output];
  if (typeof base !== "number") return base;
  const drivers = distributionsOf(input, used);
  if (drivers instanceof ExposureError) return drivers;

  const chain = chainOf(input.output, type);
  const loss = evaluator(chain, type);
  // the drivers the output reads that vary; the others keep their value (or stay unread)
  const reads = new Set<DriverId>(chain.flatMap((spec) => spec.drivers));
  const x = new Float64Array(NUMERIC_DRIVERS.length);
  const varying: { slot: number; distribution: Distribution; next: () => number }[] = [];
  drivers.forEach(({ driver, distribution }, slot) => {
    if (distribution?.kind === "fixed") x[slot] = distribution.value;
    else if (distribution === undefined || !reads.has(driver)) x[slot] = used[driver] ?? NaN;
    else varying.push({ slot, distribution, next: driverStream(input.seed, driver) });
  });
  const losses = new Float64Array(input.trials);
  for (let t = 0; t < input.trials; t++) {
    for (let j = 0; j < varying.length; j++) {
      const d = varying[j];
      x[d.slot] = draw(d.distribution, d.next());
    }
    const y = loss(x);
    if (!Number.isFinite(y)) return outOfDomain(`trial ${t + 1} gave a loss too large to represent`);
    losses[t] = y;
  }
  return { losses, base, drivers };
}

/** The summary of a simulation (see the top), or why it cannot run. */
export function simulate(input: SimulationInput): SimulationSummary | SimulationProblem {
  const run = simulateTrials(input);
  if (!("losses" in run)) return run;
  const { losses, base, drivers } = run;
  const sorted = Float64Array.from(losses).sort();
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const threshold = input.threshold ?? base;
  let above = 0;
  for (let i = 0; i < losses.length; i++) if (losses[i] > threshold) above++;
  const stats = (() => {
    // every trial the same loss (each driver fixed, or low = high): that loss, exactly (an
    // interpolation between equal neighbours can round off its last bit)
    if (min === max) return { mean: min, sd: 0, p5: min, p50: min, p95: min };
    const list = Array.from(sorted);
    const [p5, p50, p95] = quantileSeq(list, [...PERCENTILES], true) as number[];
    return { mean: Number(mean(list)), sd: Number(std(list)), p5, p50, p95 };
  })();
  return {
    output: input.output,
    trials: input.trials,
    seed: input.seed,
    base,
    ...stats,
    min,
    max,
    threshold,
    probabilityAbove: above / losses.length,
    histogram: histogram(sorted),
    drivers,
  };
}

/** HISTOGRAM_BINS bins of equal width from the smallest loss to the largest (one bin when all are equal). */
export function histogram(sorted: Float64Array): HistogramBin[] {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === max) return [{ from: min, to: max, count: sorted.length }];
  const width = (max - min) / HISTOGRAM_BINS;
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (let i = 0; i < sorted.length; i++) {
    const k = Math.floor((sorted[i] - min) / width);
    counts[k >= HISTOGRAM_BINS ? HISTOGRAM_BINS - 1 : k]++;
  }
  return counts.map((count, k) => ({
    from: min + k * width,
    to: k === HISTOGRAM_BINS - 1 ? max : min + (k + 1) * width,
    count,
  }));
}
