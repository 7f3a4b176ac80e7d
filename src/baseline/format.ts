/** Numbers as the explanations print them: a fraction as a percent, money with its unit. */
import type { Unit } from "./types";

/**
 * The digits of |x| as the shortest decimal that reads back as x, rounded half away from zero at
 * `decimals` places and read back: exact decimal arithmetic on the digits, so 1.005 rounds to 1.01
 * (its double is 1.00499999999999989…, which a multiply-and-round would take down to 1.00).
 */
function roundDigits(x: number, decimals: number): number {
  const [mantissa, exp] = Math.abs(x).toExponential().split("e"); // "1.005e+0": the shortest round trip
  const digits = mantissa.replace(".", "");
  const keep = Number(exp) + 1 + decimals; // how many leading digits stay
  if (keep >= digits.length) return x;
  let kept = keep > 0 ? digits.slice(0, keep) : "0";
  if (keep >= 0 && digits.charCodeAt(keep) >= 53 /* "5" */) {
    // add one unit in the last kept place, carrying leftwards
    let i = kept.length - 1;
    while (i >= 0 && kept[i] === "9") i--;
    kept =
      i < 0
        ? "1" + "0".repeat(kept.length)
        : kept.slice(0, i) + String(Number(kept[i]) + 1) + "0".repeat(kept.length - 1 - i);
  }
  const magnitude = Number(`${kept}e${-decimals}`);
  return x < 0 ? -magnitude : magnitude;
}

/**
 * `x` rounded to `decimals` places (an integer from 0 to 15), half away from zero, as Excel's ROUND
 * and mathjs's round do: first snapped to 12 places when that is equal within 1e-12 relative (so
 * 28.499999999999996, from 0.285 × 100, counts as 28.5), then rounded on its decimal digits (so 1.005
 * gives 1.01, not 1.00). NaN and ±Infinity come back as they are.
 */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) {
    throw new RangeError(`roundTo takes 0 to 15 decimals, not ${decimals}`);
  }
  if (!Number.isFinite(x)) return x;
  if (decimals < 12) {
    const snapped = roundDigits(x, 12);
    if (Math.abs(x - snapped) <= Math.max(1e-12 * Math.max(Math.abs(x), Math.abs(snapped)), 1e-15)) x = snapped;
  }
  return roundDigits(x, decimals);
}

/**
 * A value in its unit: 0.3216 "%" → "32.2%", 131.538 "USD bn" → "131.54 bn USD" (zh "1315.4亿美元").
 * `fixed` keeps trailing zeros (0.62 → "62.0%", for computed figures); without it a figure prints
 * as the article writes it (0.32 → "32%", 16 → "16 bn USD").
 */
export function formatValue(x: number, unit: Unit, lang: "en" | "zh" = "en", fixed = false): string {
  const n = (v: number, d: number) => (fixed ? roundTo(v, d).toFixed(d) : String(roundTo(v, d)));
  switch (unit) {
    case "%":
      return `${n(x * 100, 1)}%`;
    case "USD bn":
      // 1 bn USD is 10 亿 USD
      return lang === "zh" ? `${n(x * 10, 1)}亿美元` : `${n(x, 2)} bn USD`;
    case "USD tn":
      return lang === "zh" ? `${n(x, 2)}万亿美元` : `${n(x, 2)} tn USD`;
    case "USD m":
      return lang === "zh" ? `${n(x / 100, 2)}亿美元` : `${n(x, 1)} m USD`;
    case "CNY 100m":
      return lang === "zh" ? `${n(x, 0)}亿元` : `CNY ${n(x / 10, 1)} bn`;
    case "x":
      return `${n(x, 2)}×`;
    case "m people":
      // 1 m people is 100 万
      return lang === "zh" ? `${n(x * 100, 0)}万` : `${n(x, 2)} m`;
    case "count":
      return n(x, 0);
    default:
      return n(x, 2);
  }
}

/** A difference of two fractions in percentage points, to one decimal: 0.0016 → "0.2", 0.13 → "13.0". */
export function points(x: number): string {
  return roundTo(x * 100, 1).toFixed(1);
}
