/**
 * Benchmark of EXPOSURE.SIMULATE_RISK (figures, never assertions): 100,000 trials of a five-driver
 * case through the BUILT bundle, against the same draws in a plain loop in the same process —
 * seedrandom's streams called directly (the ones mathjs seeds with "<seed>:<driver>"), the
 * triangular inverse CDF and the case's arithmetic inline, a typed-array sort and the statistics by
 * hand. The plain loop must give the same numbers, or the ratio would compare different work.
 *
 * `npx tsx bench/simulation.ts` prints the section; bench/run.ts adds it to BENCHMARKS.md.
 */
import { join } from "path";
import { loadBundle, type LoadedBundle } from "../tests/contract/bundle";
import { compareAsync, ratio } from "./measure";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const seedrandom = require("seedrandom") as (seed: string) => () => number;

const TRIALS = 100_000;
const SEED = 42;
/** NVIDIA: 17.1 bn of China revenue (the article); probability 0.5, substitution 0.2, margin 0.75, tax 0.15 (assumptions). */
const CASE = {
  exposed_revenue: 17.1,
  ban_probability: 0.5,
  substitution_share: 0.2,
  gross_margin: 0.75,
  tax_rate: 0.15,
};
/** The case sheet's column B6:B13: exposed, global, orders, probability, substitution, recapture (empty: none), margin, tax. */
const VALUES = [[17.1], [131.54], [16], [0.5], [0.2], [""], [0.75], [0.15]];

/** The five drivers drawn, each triangular from 20% below to 20% above its value (a share at most 1). */
const DRAWN = Object.entries(CASE).map(([id, mode]) => ({
  id,
  low: mode * 0.8,
  mode,
  high: id === "exposed_revenue" ? mode * 1.2 : Math.min(1, mode * 1.2),
}));

/** The same simulation as a plain loop: the statistics SIMULATE_RISK spills, in its order. */
function plainLoop(): number[] {
  const streams = DRAWN.map((d) => seedrandom(`${SEED}:${d.id}`));
  const x = new Float64Array(DRAWN.length);
  const losses = new Float64Array(TRIALS);
  for (let t = 0; t < TRIALS; t++) {
    for (let j = 0; j < DRAWN.length; j++) {
      const { low, mode, high } = DRAWN[j];
      const u = streams[j]();
      const span = high - low;
      const v =
        u * span < mode - low
          ? low + Math.sqrt(u * span * (mode - low))
          : high - Math.sqrt((1 - u) * span * (high - mode));
      x[j] = v < low ? low : v > high ? high : v;
    }
    // revenue at risk × margin × (1 − tax), as the case declares it
    const revenue = x[0] * (x[1] + (1 - x[1]) * x[2]) * (1 - 0);
    losses[t] = revenue * x[3] * (1 - x[4]);
  }
  const sorted = Float64Array.from(losses).sort();
  let sum = 0;
  for (let i = 0; i < TRIALS; i++) sum += sorted[i];
  const mean = sum / TRIALS;
  let squares = 0;
  for (let i = 0; i < TRIALS; i++) squares += (sorted[i] - mean) ** 2;
  const q = (p: number) => {
    const index = p * (TRIALS - 1);
    const lo = Math.floor(index);
    const f = index - lo;
    return f === 0 ? sorted[lo] : sorted[lo] * (1 - f) + sorted[lo + 1] * f;
  };
  const base = CASE.exposed_revenue * (0.5 + 0.5 * 0.2) * 0.75 * 0.85;
  let above = 0;
  for (let i = 0; i < TRIALS; i++) if (losses[i] > base) above++;
  return [base, mean, Math.sqrt(squares / (TRIALS - 1)), q(0.05), q(0.5), q(0.95), base, above / TRIALS];
}

/** Ours: the function as Excel calls it, through the built bundle. */
const ours = (b: LoadedBundle) => async () =>
  ((await b.call("SIMULATE_RISK", [["net_income_at_risk"]], VALUES, [[TRIALS]], [[SEED]])) as unknown[][])
    .slice(1)
    .map((r) => r[1] as number);

/** The section's lines: the figures, and whether both ways gave the same numbers. */
export async function simulationSection(b: LoadedBundle, quick: boolean): Promise<string[]> {
  const mine = ours(b);
  const got = await mine(); // the first call also fetches simulation.js (the chunk with mathjs)
  const plain = plainLoop();
  // the same draws: equal to the last bits but for the order of the mean's and sd's sums (mathjs sums otherwise)
  const same = got.every((v, i) => Math.abs(v - plain[i]) <= 1e-12 * Math.max(1, Math.abs(plain[i])));
  const t = await compareAsync(
    [
      { name: "ours", run: mine },
      { name: "plain", run: plainLoop },
    ],
    { rounds: quick ? 3 : 7 },
  );
  const [o, p] = t;
  const r = ratio(o, p);
  const perSecond = (ns: number) => Math.round(TRIALS / (ns / 1e9)).toLocaleString("en");
  return [
    "## Simulation: SIMULATE_RISK through the built bundle",
    "",
    `${TRIALS.toLocaleString("en")} trials of a five-driver case (NVIDIA's net income at risk; exposed revenue, probability,`,
    "substitution, margin and tax each triangular ±20%), seed 42, against the same draws as a plain loop (seedrandom",
    "called directly, the inverse CDF and the arithmetic inline, a typed-array sort, statistics by hand); median of",
    `${quick ? 3 : 7} interleaved rounds. Same numbers both ways: ${same ? "yes" : "NO"}.`,
    "",
    "| variant | per run | trials per second | ÷ plain loop |",
    "| --- | ---: | ---: | ---: |",
    `| SIMULATE_RISK (bundle) | ${(o.ns / 1e6).toFixed(1)} ms | ${perSecond(o.ns)} | ${r.median.toFixed(2)}× (${r.low.toFixed(2)}–${r.high.toFixed(2)}) |`,
    `| plain loop | ${(p.ns / 1e6).toFixed(1)} ms | ${perSecond(p.ns)} | 1.00× |`,
    "",
  ];
}

if (process.argv[1]?.endsWith(join("bench", "simulation.ts"))) {
  const b = loadBundle(join(__dirname, "..", "dist"), { inThisRealm: true });
  void simulationSection(b, process.argv.includes("--quick")).then((lines) => lines.forEach((l) => console.log(l)));
}
