/** Market value: drawdowns from a peak. */
import { ExposureError, Result, divByZero, finite, firstError, nonNegative, positiveDenominator } from "./errors";

/**
 * The fall from a peak value to a current value, as a fraction of the peak. A current value above
 * the peak gives a negative drawdown (a gain).
 *
 * Formula: `(peak − current) ÷ peak`.
 *
 * @example NVIDIA market value 3.3 tn (2025 peak) → 2.47 tn: (3.3 − 2.47) ÷ 3.3 = 0.2515.
 * @returns #DIV/0! when the peak is zero; #NUM! when either value is negative.
 */
export function drawdown(peak: number, current: number): Result {
  const err = firstError(positiveDenominator("peak", peak), nonNegative("current", current));
  return err ?? finite((peak - current) / peak);
}

/**
 * The largest peak-to-trough fall of a series taken in order, fed one value at a time, so a caller
 * can walk its own storage (a range of cells) once and in place. `result()` answers what
 * {@link maxDrawdown} answers for the values added so far.
 */
export class WorstDrawdown {
  private peak = 0;
  private worst = 0;
  private count = 0;

  /** Takes the next value; answers #NUM! (and the series is spoiled) for a negative or non-finite one. */
  add(v: number): ExposureError | undefined {
    this.count++;
    // the message is built only for the value that answers it
    if (!(v >= 0 && v < Infinity)) return nonNegative(`value ${this.count} of the series`, v);
    if (v > this.peak) this.peak = v;
    else if (this.peak > 0) {
      const fall = (this.peak - v) / this.peak;
      if (fall > this.worst) this.worst = fall;
    }
    return undefined;
  }

  result(): Result {
    if (this.count === 0) return new ExposureError("#VALUE!", "the series holds no numbers");
    if (this.peak === 0) return divByZero("the peak of the series");
    return finite(this.worst);
  }
}

/**
 * The largest peak-to-trough fall of a series taken in order, as a fraction of the running peak.
 * A series that never falls answers 0.
 *
 * Formula: `max over t of (max(v[0..t]) − v[t]) ÷ max(v[0..t])`, in one pass.
 *
 * @example [2.8, 3.3, 2.9, 2.47, 3.0]: the peak 3.3 falls to 2.47, (3.3 − 2.47) ÷ 3.3 = 0.2515.
 * @returns #VALUE! for an empty series; #NUM! for a negative value; #DIV/0! while every value so far is zero
 * and a later value is compared with that zero peak.
 */
export function maxDrawdown(series: readonly number[]): Result {
  const w = new WorstDrawdown();
  for (let i = 0; i < series.length; i++) {
    const err = w.add(series[i]);
    if (err) return err;
  }
  return w.result();
}
