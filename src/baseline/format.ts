/** Numbers as the explanations print them: a fraction as a percent, money with its unit. */
import { round } from "mathjs/number";
import type { Unit } from "./types";

/** `x` rounded to `decimals` (mathjs rounds half away from zero, without 1.005-style float slips). */
export function roundTo(x: number, decimals: number): number {
  return round(x, decimals) as number;
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
