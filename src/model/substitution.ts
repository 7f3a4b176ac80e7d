/** Compute substitution: price-performance of a substitute chip. */
import { Result, divByZero, finite, firstError, nonNegative, outOfDomain } from "./errors";

/**
 * Performance per unit of price of a substitute relative to an incumbent.
 *
 * Formula: `relative_performance ÷ (1 − price_discount)`.
 *
 * @example Huawei Ascend 910B at 85% of H20 performance and 30% cheaper: 0.85 ÷ 0.70 = 1.214.
 * @returns #DIV/0! for a 100% discount; #NUM! for negative performance or a discount outside 0–1.
 */
export function pricePerformance(relativePerformance: number, priceDiscount: number): Result {
  if (priceDiscount === 1) return divByZero("1 − price_discount");
  const err = firstError(
    nonNegative("relative_performance", relativePerformance),
    !Number.isFinite(priceDiscount) || priceDiscount < 0 || priceDiscount > 1
      ? outOfDomain(`price_discount must be a fraction between 0 and 1 (got ${priceDiscount})`)
      : undefined,
  );
  return err ?? finite(relativePerformance / (1 - priceDiscount));
}
