/** Growth: period-on-period rates, compound annual rates, and back- and forward-projection. */
import {
  Result,
  finite,
  firstError,
  growthAboveMinusOne,
  nonNegative,
  positiveDenominator,
  positiveYears,
} from "./errors";

/**
 * The growth from a start value to an end value.
 *
 * Formula: `end ÷ start − 1`.
 *
 * @example NVIDIA China revenue 10.3 bn (2023) → 17.1 bn (2024): 17.1 ÷ 10.3 − 1 = 0.660.
 * @returns #DIV/0! when start is zero; #NUM! when start or end is negative.
 */
export function growthRate(start: number, end: number): Result {
  const err = firstError(positiveDenominator("start", start), nonNegative("end", end));
  return err ?? finite(end / start - 1);
}

/**
 * The compound annual growth rate (Excel's RRI).
 *
 * Formula: `(end ÷ start)^(1 ÷ years) − 1`.
 *
 * @example MindSpore developers 0.8 m (2023) → 2.1 m (2025), 2 years: (2.1 ÷ 0.8)^(1/2) − 1 = 0.620.
 * @returns #DIV/0! when start is zero; #NUM! for a negative start or end, or years ≤ 0.
 */
export function cagr(start: number, end: number, years: number): Result {
  const err = firstError(positiveDenominator("start", start), nonNegative("end", end), positiveYears("years", years));
  return err ?? finite(Math.pow(end / start, 1 / years) - 1);
}

/**
 * The prior-period value implied by a current value and its growth.
 *
 * Formula: `current ÷ (1 + growth_rate)`.
 *
 * @example H20 orders 16 bn in 2025 Q1, up 275% year on year: 16 ÷ 3.75 = 4.267 bn a year earlier.
 * @returns #NUM! for a negative current value or growth at or below −100%.
 */
export function priorFromGrowth(current: number, growthRate: number): Result {
  const err = firstError(nonNegative("current", current), growthAboveMinusOne("growth_rate", growthRate));
  return err ?? finite(current / (1 + growthRate));
}

/**
 * A value projected forward at a constant annual growth rate (Excel's FV with no payments).
 *
 * Formula: `base × (1 + growth_rate)^years`.
 *
 * @example MindSpore developers 2.1 m (2025) growing 75% a year for 2 years: 2.1 × 1.75² = 6.43 m.
 * @returns #NUM! for a negative base, growth at or below −100%, years ≤ 0, or an overflowing result.
 */
export function projectValue(base: number, growthRate: number, years: number): Result {
  const err = firstError(
    nonNegative("base", base),
    growthAboveMinusOne("growth_rate", growthRate),
    positiveYears("years", years),
  );
  return err ?? finite(base * Math.pow(1 + growthRate, years));
}
