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
  if (series.length === 0) return new ExposureError("#VALUE!", "the series holds no numbers");
  let peak = 0;
  let worst = 0;
  for (let i = 0; i < series.length; i++) {
    const v = series[i];
    const err = nonNegative(`value ${i + 1} of the series`, v);
    if (err) return err;
    if (v > peak) peak = v;
    else if (peak > 0) worst = Math.max(worst, (peak - v) / peak);
  }
  if (peak === 0) return divByZero("the peak of the series");
  return finite(worst);
}
