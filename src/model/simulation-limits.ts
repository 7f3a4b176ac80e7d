/**
 * The bounds of a simulation's trial count, apart from the simulation itself: the pane checks what
 * was typed against them without loading the simulation (and mathjs, which it alone uses).
 */

/** The most trials one simulation runs (about 2.5 s for six drivers on a busy two-core machine); more answers #NUM!. */
export const MAX_TRIALS = 1_000_000;
/** The fewest: a standard deviation needs two. */
export const MIN_TRIALS = 2;
