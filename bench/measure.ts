/**
 * Side-by-side timing in one process: the variants of one piece of work run in interleaved rounds,
 * each round a batch long enough to time (at least `batchMs`), so drift on a shared machine hits
 * every variant alike. Prints nothing and asserts nothing; run.ts prints the figures.
 */

export interface Variant {
  readonly name: string;
  readonly run: () => unknown;
}

export interface Timing {
  readonly name: string;
  /** the median over the rounds, in nanoseconds per call */
  readonly ns: number;
  /** nanoseconds per call in each round, in round order */
  readonly rounds: readonly number[];
}

export interface Options {
  readonly rounds: number;
  readonly batchMs: number;
  /**
   * "wall": time as it passes (process.hrtime). "cpu": the time this process spends on a CPU, its
   * own threads' and the engine's helper threads' (process.cpuUsage): on a machine shared with
   * other work it leaves out the time the process waits for a CPU, which wall time cannot.
   */
  readonly clock?: "wall" | "cpu";
}

/** Keeps results alive so the engine cannot drop the work as dead code. */
export let sink: unknown;

const wall = () => Number(process.hrtime.bigint());
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
};
let now = wall;

function batch(run: () => unknown, iterations: number): number {
  const t0 = now();
  for (let i = 0; i < iterations; i++) sink = run();
  return (now() - t0) / iterations;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The same as {@link compare} for work that answers a promise (SIMULATE_RISK): each call awaited,
 * one call per round per variant after a warm-up call (fit for work of tens of milliseconds or more).
 */
export async function compareAsync(
  variants: readonly { readonly name: string; readonly run: () => unknown }[],
  { rounds }: Pick<Options, "rounds">,
): Promise<Timing[]> {
  for (const v of variants) sink = await v.run();
  const per: number[][] = variants.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (k + r) % variants.length;
      const t0 = now();
      sink = await variants[i].run();
      per[i].push(now() - t0);
    }
  }
  return variants.map((v, i) => ({ name: v.name, ns: median(per[i]), rounds: per[i] }));
}

/** Times every variant; the order within a round rotates so none always runs first. */
export function compare(variants: readonly Variant[], { rounds, batchMs, clock = "wall" }: Options): Timing[] {
  now = clock === "cpu" ? cpu : wall;
  const iterations = variants.map((v) => {
    // warm-up (the JIT), then a batch size that lasts about batchMs
    let n = 1;
    let ns = batch(v.run, 1);
    const deadline = now() + 2 * batchMs * 1e6;
    while (now() < deadline) {
      ns = batch(v.run, n);
      if (ns * n < batchMs * 1e5) n *= 2;
    }
    return Math.max(1, Math.round((batchMs * 1e6) / Math.max(ns, 1)));
  });
  const per: number[][] = variants.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (k + r) % variants.length;
      per[i].push(batch(variants[i].run, iterations[i]));
    }
  }
  return variants.map((v, i) => ({ name: v.name, ns: median(per[i]), rounds: per[i] }));
}

/** The ratio a ÷ b of the medians, with the lowest and highest per-round ratio. */
export function ratio(a: Timing, b: Timing): { median: number; low: number; high: number } {
  const rs = a.rounds.map((x, i) => x / b.rounds[i]);
  return { median: a.ns / b.ns, low: Math.min(...rs), high: Math.max(...rs) };
}
