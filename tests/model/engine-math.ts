/**
 * For the tests that prove a computation gives the same bits in every JavaScript engine: it must
 * not call the Math functions ECMAScript lets each engine round its own way (only + − × ÷ and √
 * are rounded exactly everywhere).
 */
/** Math's functions that ECMAScript lets each engine round its own way. */
const ENGINE_ROUNDED = [
  "log",
  "exp",
  "pow",
  "log1p",
  "expm1",
  "log2",
  "log10",
  "sin",
  "cos",
  "tan",
  "atan",
  "atan2",
  "cbrt",
  "hypot",
] as const;

/** Runs `f` with every engine-rounded Math function replaced by one that throws. */
export function withoutEngineMath<T>(f: () => T): T {
  const math = Math as unknown as Record<string, unknown>;
  const saved = ENGINE_ROUNDED.map((k) => math[k]);
  for (const k of ENGINE_ROUNDED) {
    math[k] = () => {
      throw new Error(`Math.${k} was called`);
    };
  }
  try {
    return f();
  } finally {
    ENGINE_ROUNDED.forEach((k, i) => (math[k] = saved[i]));
  }
}
