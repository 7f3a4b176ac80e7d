/** Revenue exposure: shares, implied totals, write-downs and revenue at risk. */
import {
  Result,
  divByZero,
  finite,
  firstError,
  fraction,
  nonNegative,
  outOfDomain,
  positiveDenominator,
} from "./errors";

/**
 * The share of global revenue a company must replace if it loses one market.
 *
 * Formula: `market_revenue × (1 − recaptured_share) ÷ global_revenue` (both revenues of one period).
 *
 * @example NVIDIA 2024: China 17.1 bn at 13% of global revenue (17.1 ÷ 0.13 = 131.5 bn):
 * `chinaGap(17.1, 131.54)` ≈ 0.13; with half of it recaptured elsewhere, `chinaGap(17.1, 131.54, 0.5)` ≈ 0.065.
 * @returns #DIV/0! when global revenue is zero; #NUM! for a negative revenue, a recaptured share
 * outside 0–1, or market revenue above global revenue.
 */
export function chinaGap(marketRevenue: number, globalRevenue: number, recapturedShare = 0): Result {
  const err = firstError(
    nonNegative("china_revenue", marketRevenue),
    positiveDenominator("global_revenue", globalRevenue),
    fraction("recaptured_share", recapturedShare),
  );
  if (err) return err;
  if (marketRevenue > globalRevenue) {
    return outOfDomain(`china_revenue (${marketRevenue}) exceeds global_revenue (${globalRevenue})`);
  }
  return finite((marketRevenue * (1 - recapturedShare)) / globalRevenue);
}

/**
 * An inventory write-down as a share of a reference revenue.
 *
 * Formula: `write_down ÷ reference_revenue`.
 *
 * @example H20 write-down 5.5 bn against 2024 China revenue 17.1 bn: 5.5 ÷ 17.1 = 0.3216 (article: 32%).
 * @returns #DIV/0! when the reference revenue is zero; #NUM! when either is negative.
 */
export function writeDownRatio(writeDown: number, referenceRevenue: number): Result {
  const err = firstError(
    nonNegative("write_down", writeDown),
    positiveDenominator("reference_revenue", referenceRevenue),
  );
  return err ?? finite(writeDown / referenceRevenue);
}

/**
 * The whole implied by a part and its share of the whole.
 *
 * Formula: `part ÷ share`.
 *
 * @example China revenue 17.1 bn is 13% of global revenue: 17.1 ÷ 0.13 = 131.5 bn.
 * @returns #DIV/0! when the share is zero; #NUM! for a negative part or a share outside 0–1.
 */
export function impliedTotal(part: number, share: number): Result {
  if (share === 0) return divByZero("share");
  const err = firstError(nonNegative("part", part), fraction("share", share));
  return err ?? finite(part / share);
}

/**
 * The share a part is of a whole.
 *
 * Formula: `part ÷ whole`.
 *
 * @example Domestic equipment 16.0 bn of 42 bn bought: 16.0 ÷ 42 = 0.38.
 * @returns #DIV/0! when the whole is zero; #NUM! for a negative part or whole, or a part above the whole.
 */
export function shareOf(part: number, whole: number): Result {
  const err = firstError(nonNegative("part", part), positiveDenominator("whole", whole));
  if (err) return err;
  if (part > whole) return outOfDomain(`part (${part}) exceeds whole (${whole})`);
  return finite(part / whole);
}

/**
 * Expected revenue lost to a ban: the revenue exposed, times the chance it is lost (banned outright,
 * or substituted by local suppliers if not banned), less what is recaptured elsewhere.
 *
 * Formula: `exposed × (p + (1 − p) × substitution_share) × (1 − recapture_share)`.
 *
 * @example China 17.1 bn with a certain ban (p = 1): 17.1; with p = 0.5, 20% substitution and 10%
 * recapture: 17.1 × (0.5 + 0.5 × 0.2) × 0.9 = 9.234.
 * @returns #NUM! for negative exposed revenue or any probability or share outside 0–1.
 */
export function revenueAtRisk(
  exposedRevenue: number,
  banProbability: number,
  substitutionShare = 0,
  recaptureShare = 0,
): Result {
  const err = firstError(
    nonNegative("exposed_revenue", exposedRevenue),
    fraction("ban_probability", banProbability),
    fraction("substitution_share", substitutionShare),
    fraction("recapture_share", recaptureShare),
  );
  if (err) return err;
  const lossShare = banProbability + (1 - banProbability) * substitutionShare;
  return finite(exposedRevenue * lossShare * (1 - recaptureShare));
}
