/**
 * The distributions a simulated driver is drawn from, and the draw itself: one uniform number u in
 * [0, 1) in, one value of the driver out, by the distribution's inverse CDF. Every draw is a pure
 * function of u, so a seeded stream of u gives the same values everywhere (see normal.ts for why no
 * Math.log or Math.exp is used).
 *
 * - uniform(low, high): every value between low and high alike;
 * - triangular(low, mode, high): most likely at the mode (the driver's value), none beyond low or high;
 * - normal(mean, sd) truncated to [min, max]: centred on the driver's value, with low and high its
 *   5th and 95th percentiles before truncation, never outside the driver's valid range (a share
 *   within 0–1, money not below 0);
 * - fixed: the value itself.
 *
 * A distribution whose low equals its high is its value exactly: no arithmetic touches it.
 */
import { normalCdf, normalQuantile } from "./normal";

/** How a driver varies in a simulation, as the case sheet and the functions spell it (any language). */
export type DistributionKind = "triangular" | "uniform" | "normal" | "fixed";
export const DISTRIBUTION_KINDS: readonly DistributionKind[] = ["triangular", "uniform", "normal", "fixed"];
/** What an empty distribution cell means. */
export const DEFAULT_DISTRIBUTION: DistributionKind = "triangular";

/** Φ⁻¹(0.95): low and high of a normal driver are its 5th and 95th percentiles before truncation. */
export const Z95 = 1.6448536269514722;

export type Distribution =
  | { readonly kind: "fixed"; readonly value: number }
  | { readonly kind: "uniform"; readonly low: number; readonly high: number }
  | { readonly kind: "triangular"; readonly low: number; readonly mode: number; readonly high: number }
  | {
      readonly kind: "normal";
      readonly mean: number;
      readonly sd: number;
      /** the driver's valid range, which the draws never leave */
      readonly min: number;
      readonly max: number;
      /** Φ at min and at max, computed once */
      readonly pMin: number;
      readonly pMax: number;
    };

/** A token of the sheet or a function argument ("Normal ", "uniform") as a kind, or undefined. */
export function distributionKind(text: string): DistributionKind | undefined {
  const t = text.trim().toLowerCase();
  return DISTRIBUTION_KINDS.find((k) => k === t);
}

/** A truncated normal around `mean` whose untruncated 5th and 95th percentiles are low and high. */
export function truncatedNormal(mean: number, low: number, high: number, min: number, max: number): Distribution {
  const sd = (high - low) / (2 * Z95);
  if (sd === 0) return { kind: "fixed", value: mean };
  const pMin = min === -Infinity ? 0 : normalCdf((min - mean) / sd);
  const pMax = max === Infinity ? 1 : normalCdf((max - mean) / sd);
  return { kind: "normal", mean, sd, min, max, pMin, pMax };
}

/** The lowest and highest value a distribution can give. */
export function bounds(d: Distribution): readonly [number, number] {
  switch (d.kind) {
    case "fixed":
      return [d.value, d.value];
    case "normal":
      return [d.min, d.max];
    default:
      return [d.low, d.high];
  }
}

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/** The value of a driver for the uniform number u in [0, 1): the distribution's inverse CDF at u. */
export function draw(d: Distribution, u: number): number {
  switch (d.kind) {
    case "fixed":
      return d.value;
    case "uniform":
      return d.low === d.high ? d.low : clamp(d.low + u * (d.high - d.low), d.low, d.high);
    case "triangular": {
      const { low, mode, high } = d;
      if (low === high) return low;
      const span = high - low;
      const x =
        u * span < mode - low
          ? low + Math.sqrt(u * span * (mode - low))
          : high - Math.sqrt((1 - u) * span * (high - mode));
      return clamp(x, low, high);
    }
    case "normal": {
      const p = d.pMin + u * (d.pMax - d.pMin);
      return clamp(d.mean + d.sd * normalQuantile(p), d.min, d.max);
    }
  }
}
