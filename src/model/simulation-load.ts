/**
 * The simulation, loaded when first used. It alone uses mathjs, so webpack puts it (with mathjs) in
 * a chunk of its own, simulation.js, fetched from beside functions.js the first time SIMULATE_RISK
 * runs or the pane runs a simulation: the other functions, and the pane, load without it.
 */
import type * as Simulation from "./simulation";

let loading: Promise<typeof Simulation> | undefined;

/** The simulation module: one fetch per runtime; a failed fetch is tried again on the next call. */
export function loadSimulation(): Promise<typeof Simulation> {
  loading ??= import(/* webpackChunkName: "simulation" */ "./simulation").catch((e: unknown) => {
    loading = undefined;
    throw e;
  });
  return loading;
}
