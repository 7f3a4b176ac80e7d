/**
 * The standard normal distribution's CDF and quantile, computed with + − × ÷ and √ only.
 *
 * Why not Math.log and Math.exp: ECMAScript lets each engine round them its own way (V8 and
 * SpiderMonkey port fdlibm, JavaScriptCore calls the system's libm), so a normal draw could differ
 * in its last bit between Excel on Windows and Excel on a Mac, and a shared workbook would not show
 * everyone the same simulation. The four operations and the square root are rounded exactly by
 * IEEE 754 in every engine, so these functions give the same bits everywhere
 * (tests/model/normal.test.ts runs them with Math's other functions replaced by wrong ones).
 *
 * The quantile is Wichura's algorithm AS 241 (Applied Statistics 37, 1988), accurate to about 1e-16;
 * the CDF is Marsaglia's Taylor series (Journal of Statistical Software 11, 2004), absolute error
 * about 1e-15; mathjs has neither.
 */

/** ln 2 in two parts, the high one with trailing zero bits so that k × LN2_HI is exact for |k| < 2^20. */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const LN2 = 0.6931471805599453;
/** ln √(2π) */
const LN_SQRT_2PI = 0.9189385332046728;

/** x × 2^k, exactly (a product by a power of two only moves the exponent). */
function scale2(x: number, k: number): number {
  let y = x;
  for (; k > 0; k--) y *= 2;
  for (; k < 0; k++) y *= 0.5;
  return y;
}

/** e^y, with arithmetic only: e^y = 2^k × e^r, |r| ≤ ln2 / 2, e^r by its Taylor series. */
export function expArith(y: number): number {
  if (Number.isNaN(y)) return NaN;
  if (y > 709.8) return Infinity;
  if (y < -745.2) return 0;
  const k = Math.round(y / LN2);
  const r = y - k * LN2_HI - k * LN2_LO;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 40; n++) {
    term = (term * r) / n;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return scale2(sum, k);
}

/** ln x for x > 0, with arithmetic only: x = 2^e × m, m within [√½, √2], ln m = 2 atanh((m − 1) ÷ (m + 1)). */
export function lnArith(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let m = x;
  let e = 0;
  while (m >= 2) {
    m *= 0.5;
    e++;
  }
  while (m < 1) {
    m *= 2;
    e--;
  }
  if (m > Math.SQRT2) {
    m *= 0.5;
    e++;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let power = s;
  let sum = s;
  for (let n = 3; n < 80; n += 2) {
    power *= s2;
    const next = sum + power / n;
    if (next === sum) break;
    sum = next;
  }
  return e * LN2_HI + (2 * sum + e * LN2_LO);
}

/** Φ(z), the standard normal CDF: ½ + φ(z) × (z + z³/3 + z⁵/(3·5) + …); 0 or 1 beyond ±9 (Φ(−9) ≈ 1e-19). */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z < -9) return 0;
  if (z > 9) return 1;
  const q = z * z;
  let term = z;
  let sum = z;
  for (let i = 3; i < 1000; i += 2) {
    term *= q / i;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  const p = 0.5 + sum * expArith(-0.5 * q - LN_SQRT_2PI);
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

// AS 241 (PPND16): rational approximations for |p − ½| ≤ 0.425, then in r = √(−ln min(p, 1 − p))
// for r ≤ 5 and beyond. The published coefficients, as the doubles they round to, constant term first.
const A = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087,
  33430.57558358813, 2509.0809287301227,
];
const B = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943,
  5226.495278852854,
];
const C = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506,
  0.022723844989269184, 0.0007745450142783414,
];
const D = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const E = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const F = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 0.000018463183175100548,
  1.421511758316446e-7, 2.0442631033899397e-15,
];

/** c₀ + c₁x + … + c₇x⁷ by Horner's rule. */
function poly(c: readonly number[], x: number): number {
  let v = c[7];
  for (let i = 6; i >= 0; i--) v = v * x + c[i];
  return v;
}

/** Φ⁻¹(p), the standard normal quantile: −∞ at 0, +∞ at 1, NaN outside 0–1. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * poly(A, r)) / poly(B, r);
  }
  let r = Math.sqrt(-lnArith(q < 0 ? p : 1 - p));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value = poly(C, r) / poly(D, r);
  } else {
    r -= 5;
    value = poly(E, r) / poly(F, r);
  }
  return q < 0 ? -value : value;
}
