/**
 * The drivers the article does not give for NVIDIA, as the tests of sensitivity and simulation
 * assume them (assumptions, not the article's): a 50% probability that the restriction holds, 20% of
 * the rest taken by substitutes, a 75% gross margin, a 15% tax rate, 24.4 bn shares, a P/E of 40.
 */
import { nvidiaDrivers } from "../../src/baseline";
import type { CaseDrivers } from "../../src/model";

export const NVIDIA_ASSUMPTIONS = {
  ban_probability: 0.5,
  substitution_share: 0.2,
  gross_margin: 0.75,
  tax_rate: 0.15,
  shares_outstanding: 24.4,
  valuation_multiple: 40,
} as const;

/** The article's NVIDIA drivers (17.1, 131.54, 16, 5.5, 2,470) with the assumptions above. */
export const nvidiaAssumed = (): CaseDrivers => ({ ...nvidiaDrivers(), ...NVIDIA_ASSUMPTIONS });
