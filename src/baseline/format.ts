/** Numbers as the explanations print them: a fraction as a percent, money with its unit. */
import type { Lang } from "./lang";
import { UNITS, type Unit } from "./vocabulary";

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

/**
 * The Excel expression that prints what {@link formatValue} prints, from the expression `x` (a cell
 * such as `'China revenue'!B7`, or a literal number): `ROUND(x,d)&""` where a figure prints as
 * written (`ROUND(x,d)&""` on its own), `FIXED(x,d,TRUE)` where it keeps its trailing zeros, with the
 * same unit words. A text
 * built of these follows its figures' cells when an analyst overwrites them.
 */
export function formatFormula(x: string, unit: Unit, lang: Lang = "en", fixed = false, decimals?: number): string {
  const n = (e: string, d: number) => (fixed ? `FIXED(${e},${d},TRUE)` : `ROUND(${e},${d})`);
  // a number joined to words is text; on its own, ROUND's number is made text with &""
  const words = (before: string, e: string, after: string) =>
    before || after || fixed
      ? [before ? excelString(before) : "", e, after ? excelString(after) : ""].filter((p) => p !== "").join("&")
      : `${e}&""`;
  if (unit === "%") return words("", n(`(${x})*100`, decimals ?? 1), "%");
  if (unit === "count") return words("", n(x, decimals ?? 0), "");
  if (unit === "date") return dateFormula(x, lang);
  const d = decimals ?? DECIMALS[unit] ?? 2;
  if (lang === "zh") return words("", n(x, d), UNITS[unit].zh);
  switch (unit) {
    case "USD bn":
      return words("", n(x, d), " bn USD");
    case "USD tn":
      return words("", n(x, d), " tn USD");
    case "USD m":
      return words("", n(x, d), " m USD");
    case "CNY 100m":
      return words("CNY ", n(`(${x})/10`, 1), " bn");
    case "x":
      return words("", n(x, d), "×");
    case "m people":
      return words("", n(x, d), " m");
    default:
      return words("", n(x, d), "");
  }
}

/** The formula twin of {@link formatDate}: YEAR, MONTH and DAY, no locale-dependent format codes. */
function dateFormula(x: string, lang: Lang): string {
  if (lang === "zh") return `YEAR(${x})&"年"&MONTH(${x})&"月"&DAY(${x})&"日"`;
  return `YEAR(${x})&"-"&TEXT(MONTH(${x}),"00")&"-"&TEXT(DAY(${x}),"00")`;
}

/** Excel keeps at most 255 characters in one string constant of a formula. */
export const EXCEL_STRING_MAX = 255;

/**
 * A text as Excel string constants: quotes doubled, cut into pieces of at most 255 characters
 * joined by `&` (a longer constant is a formula Excel refuses).
 */
export function excelString(text: string): string {
  const chars = Array.from(text);
  const parts: string[] = [];
  for (let i = 0; i < chars.length; i += EXCEL_STRING_MAX) {
    parts.push(
      `"${chars
        .slice(i, i + EXCEL_STRING_MAX)
        .join("")
        .replace(/"/g, '""')}"`,
    );
  }
  return parts.length === 0 ? '""' : parts.join("&");
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

/** The formula twin of {@link points}. */
export function pointsFormula(x: string): string {
  return `FIXED((${x})*100,1,TRUE)`;
}
