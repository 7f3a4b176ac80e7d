/** Numbers as the explanations print them: a fraction as a percent, money with its unit. */
import { round } from "mathjs/number";
import type { Lang } from "./lang";
import { UNITS, type Unit } from "./vocabulary";

/** `x` rounded to `decimals` (mathjs rounds half away from zero, without 1.005-style float slips). */
export function roundTo(x: number, decimals: number): number {
  return round(x, decimals) as number;
}

/**
 * A value in its unit, as the explanations print it: 0.3216 "%" → "32.2%"; 131.538 "USD bn" →
 * "131.54 bn USD", in Chinese "131.54十亿美元" — the number the sheets show, with the Chinese unit
 * label (the same number in both languages, so a text never disagrees with a table).
 * `fixed` keeps trailing zeros (0.62 → "62.0%", for computed figures); without it a figure prints
 * as the article writes it (0.32 → "32%", 16 → "16 bn USD"). `decimals` overrides the unit's
 * usual decimals (of the percent, for "%").
 */
export function formatValue(x: number, unit: Unit, lang: Lang = "en", fixed = false, decimals?: number): string {
  const n = (v: number, d: number) => (fixed ? roundTo(v, d).toFixed(d) : String(roundTo(v, d)));
  if (unit === "%") return `${n(x * 100, decimals ?? 1)}%`;
  if (unit === "count") return n(x, decimals ?? 0);
  if (unit === "date") return formatDate(x, lang);
  const d = decimals ?? DECIMALS[unit] ?? 2;
  if (lang === "zh") return `${n(x, d)}${UNITS[unit].zh}`;
  switch (unit) {
    case "USD bn":
      return `${n(x, d)} bn USD`;
    case "USD tn":
      return `${n(x, d)} tn USD`;
    case "USD m":
      return `${n(x, d)} m USD`;
    case "CNY 100m":
      return `CNY ${n(x / 10, 1)} bn`;
    case "x":
      return `${n(x, d)}×`;
    case "m people":
      return `${n(x, d)} m`;
    default:
      return n(x, d);
  }
}

/** Decimals a value prints with, by unit (2 otherwise). */
const DECIMALS: Partial<Record<Unit, number>> = { "USD m": 1, "CNY 100m": 0, nm: 0, year: 0 };

/** An Excel date serial (days since 1899-12-30): "2025-04-09", in Chinese "2025年4月9日". */
export function formatDate(serial: number, lang: Lang = "en"): string {
  const iso = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000).toISOString().slice(0, 10);
  if (lang === "en") return iso;
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** A difference of two fractions in percentage points, to one decimal: 0.0016 → "0.2", 0.13 → "13.0". */
export function points(x: number): string {
  return roundTo(x * 100, 1).toFixed(1);
}
