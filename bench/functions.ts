/**
 * The work each custom function does, written the plain way for comparison: for every function the
 * same arithmetic over the same 2-D arrays Excel passes (columns of n rows, single cells as [[x]]),
 * once bare ("inline") and once with the same validity checks in the same order as src/model and an
 * error value per bad cell ("checked"). Each loop is its own function, so the engine can inline
 * everything in it; nothing here is shared with the add-in.
 */

type Grid = unknown[][];
type Cols = number[][];

// the error values of the checked loops (the add-in answers CustomFunctions.Error objects)
const VALUE = { code: "#VALUE!" };
const NUM = { code: "#NUM!" };
const DIV0 = { code: "#DIV/0!" };

/** A column of n rows, f(i) in row i. */
export const col = (n: number, f: (i: number) => number): Cols => {
  const g: Cols = new Array(n);
  for (let i = 0; i < n; i++) g[i] = [f(i)];
  return g;
};
const one = (x: unknown): Grid => [[x]];

export interface FunctionCase {
  /** the function id, as in functions.json */
  readonly id: string;
  /** how it is called, for the report */
  readonly call: string;
  /** the arguments as Excel passes them, for n rows */
  readonly args: (n: number) => Grid[];
  readonly inline: (...args: Grid[]) => unknown;
  readonly checked: (...args: Grid[]) => unknown;
  /** false for the series form, which needs more than one cell */
  readonly single?: boolean;
}

const revenue = (i: number) => 1 + (i % 97); // 1 … 97
const larger = (i: number) => 100 + (i % 89); // 100 … 188
const fraction = (i: number) => (1 + (i % 99)) / 100; // 0.01 … 0.99
const growth = (i: number) => (i % 50) / 10 - 0.5; // −0.5 … 4.4

export const CASES: readonly FunctionCase[] = [
  {
    id: "NVDA_CHINA_GAP",
    call: "(china col, global col, omitted)",
    args: (n) => [col(n, revenue), col(n, larger), null as unknown as Grid],
    inline: (A, B) => {
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) out[r] = [((A[r][0] as number) * (1 - 0)) / (B[r][0] as number)];
      return out;
    },
    checked: (A, B, S) => {
      const s = S === null ? 0 : S[0][0];
      const sOk = typeof s === "number" && s >= 0 && s <= 1;
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const a = A[r][0];
        const b = B[r][0];
        let v;
        if (typeof a !== "number" || typeof b !== "number" || typeof s !== "number") v = VALUE;
        else if (!(a >= 0 && a < Infinity)) v = NUM;
        else if (b === 0) v = DIV0;
        else if (!(b >= 0 && b < Infinity) || !sOk || a > b) v = NUM;
        else {
          const q = (a * (1 - s)) / b;
          v = q - q === 0 ? q : NUM;
        }
        out[r] = [v];
      }
      return out;
    },
  },
  {
    id: "WRITE_DOWN_RATIO",
    call: "(col, col)",
    args: (n) => [col(n, revenue), col(n, larger)],
    inline: (A, B) => {
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) out[r] = [(A[r][0] as number) / (B[r][0] as number)];
      return out;
    },
    checked: (A, B) => {
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const a = A[r][0];
        const b = B[r][0];
        let v;
        if (typeof a !== "number" || typeof b !== "number") v = VALUE;
        else if (!(a >= 0 && a < Infinity)) v = NUM;
        else if (b === 0) v = DIV0;
        else if (!(b >= 0 && b < Infinity)) v = NUM;
        else {
          const q = a / b;
          v = q - q === 0 ? q : NUM;
        }
        out[r] = [v];
      }
      return out;
    },
  },
  {
    id: "MARKET_CAP_DRAWDOWN",
    call: "(peak col, current col)",
    args: (n) => [col(n, larger), col(n, revenue)],
    inline: (P, C) => {
      const n = P.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const p = P[r][0] as number;
        out[r] = [(p - (C[r][0] as number)) / p];
      }
      return out;
    },
    checked: (P, C) => {
      const n = P.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const p = P[r][0];
        const c = C[r][0];
        let v;
        if (typeof p !== "number" || typeof c !== "number") v = VALUE;
        else if (p === 0) v = DIV0;
        else if (!(p >= 0 && p < Infinity) || !(c >= 0 && c < Infinity)) v = NUM;
        else {
          const q = (p - c) / p;
          v = q - q === 0 ? q : NUM;
        }
        out[r] = [v];
      }
      return out;
    },
  },
  {
    id: "MARKET_CAP_DRAWDOWN",
    call: "(series col) — worst drawdown",
    single: false,
    args: (n) => [col(n, (i) => 50 + ((i * 7919) % 101)), null as unknown as Grid],
    inline: (S) => {
      let peak = 0;
      let worst = 0;
      for (let r = 0; r < S.length; r++) {
        const v = S[r][0] as number;
        if (v > peak) peak = v;
        else if ((peak - v) / peak > worst) worst = (peak - v) / peak;
      }
      return [[worst]];
    },
    checked: (S) => {
      let peak = 0;
      let worst = 0;
      let count = 0;
      for (let r = 0; r < S.length; r++) {
        const v = S[r][0];
        if (v === null || v === "") continue;
        if (typeof v !== "number") return [[VALUE]];
        if (!(v >= 0 && v < Infinity)) return [[NUM]];
        count++;
        if (v > peak) peak = v;
        else if (peak > 0 && (peak - v) / peak > worst) worst = (peak - v) / peak;
      }
      return [[count === 0 ? VALUE : peak === 0 ? DIV0 : worst - worst === 0 ? worst : NUM]];
    },
  },
  {
    id: "GROWTH_RATE",
    call: "(col, col)",
    args: (n) => [col(n, revenue), col(n, larger)],
    inline: (A, B) => {
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) out[r] = [(B[r][0] as number) / (A[r][0] as number) - 1];
      return out;
    },
    checked: (A, B) => {
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const a = A[r][0];
        const b = B[r][0];
        let v;
        if (typeof a !== "number" || typeof b !== "number") v = VALUE;
        else if (a === 0) v = DIV0;
        else if (!(a >= 0 && a < Infinity) || !(b >= 0 && b < Infinity)) v = NUM;
        else {
          const q = b / a - 1;
          v = q - q === 0 ? q : NUM;
        }
        out[r] = [v];
      }
      return out;
    },
  },
  {
    id: "CAGR",
    call: "(col, col, one cell)",
    args: (n) => [col(n, revenue), col(n, larger), one(2)],
    inline: (A, B, Y) => {
      const y = Y[0][0] as number;
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) out[r] = [Math.pow((B[r][0] as number) / (A[r][0] as number), 1 / y) - 1];
      return out;
    },
    checked: (A, B, Y) => {
      const y = Y[0][0];
      const yOk = typeof y === "number" && y > 0 && y < Infinity;
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const a = A[r][0];
        const b = B[r][0];
        let v;
        if (typeof a !== "number" || typeof b !== "number" || typeof y !== "number") v = VALUE;
        else if (a === 0) v = DIV0;
        else if (!(a >= 0 && a < Infinity) || !(b >= 0 && b < Infinity) || !yOk) v = NUM;
        else {
          const q = Math.pow(b / a, 1 / y) - 1;
          v = q - q === 0 ? q : NUM;
        }
        out[r] = [v];
      }
      return out;
    },
  },
  {
    id: "PRIOR_FROM_GROWTH",
    call: "(col, col)",
    args: (n) => [col(n, larger), col(n, growth)],
    inline: (A, G) => {
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) out[r] = [(A[r][0] as number) / (1 + (G[r][0] as number))];
      return out;
    },
    checked: (A, G) => {
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const a = A[r][0];
        const g = G[r][0];
        let v;
        if (typeof a !== "number" || typeof g !== "number") v = VALUE;
        else if (!(a >= 0 && a < Infinity) || !(g > -1 && g < Infinity)) v = NUM;
        else {
          const q = a / (1 + g);
          v = q - q === 0 ? q : NUM;
        }
        out[r] = [v];
      }
      return out;
    },
  },
  {
    id: "IMPLIED_TOTAL",
    call: "(col, col)",
    args: (n) => [col(n, revenue), col(n, fraction)],
    inline: (A, S) => {
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) out[r] = [(A[r][0] as number) / (S[r][0] as number)];
      return out;
    },
    checked: (A, S) => {
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const a = A[r][0];
        const s = S[r][0];
        let v;
        if (typeof a !== "number" || typeof s !== "number") v = VALUE;
        else if (s === 0) v = DIV0;
        else if (!(a >= 0 && a < Infinity) || !(s >= 0 && s <= 1)) v = NUM;
        else {
          const q = a / s;
          v = q - q === 0 ? q : NUM;
        }
        out[r] = [v];
      }
      return out;
    },
  },
  {
    id: "SHARE_OF",
    call: "(col, col)",
    args: (n) => [col(n, revenue), col(n, larger)],
    inline: (A, B) => {
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) out[r] = [(A[r][0] as number) / (B[r][0] as number)];
      return out;
    },
    checked: (A, B) => {
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const a = A[r][0];
        const b = B[r][0];
        let v;
        if (typeof a !== "number" || typeof b !== "number") v = VALUE;
        else if (!(a >= 0 && a < Infinity)) v = NUM;
        else if (b === 0) v = DIV0;
        else if (!(b >= 0 && b < Infinity) || a > b) v = NUM;
        else {
          const q = a / b;
          v = q - q === 0 ? q : NUM;
        }
        out[r] = [v];
      }
      return out;
    },
  },
  {
    id: "PRICE_PERFORMANCE",
    call: "(col, col)",
    args: (n) => [col(n, fraction), col(n, (i) => (i % 99) / 100)],
    inline: (P, D) => {
      const n = P.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) out[r] = [(P[r][0] as number) / (1 - (D[r][0] as number))];
      return out;
    },
    checked: (P, D) => {
      const n = P.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const p = P[r][0];
        const d = D[r][0];
        let v;
        if (typeof p !== "number" || typeof d !== "number") v = VALUE;
        else if (d === 1) v = DIV0;
        else if (!(p >= 0 && p < Infinity) || !(d >= 0 && d <= 1)) v = NUM;
        else {
          const q = p / (1 - d);
          v = q - q === 0 ? q : NUM;
        }
        out[r] = [v];
      }
      return out;
    },
  },
  {
    id: "PROJECT_VALUE",
    call: "(col, col, one cell)",
    args: (n) => [col(n, revenue), col(n, growth), one(2)],
    inline: (B, G, Y) => {
      const y = Y[0][0] as number;
      const n = B.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) out[r] = [(B[r][0] as number) * Math.pow(1 + (G[r][0] as number), y)];
      return out;
    },
    checked: (B, G, Y) => {
      const y = Y[0][0];
      const yOk = typeof y === "number" && y > 0 && y < Infinity;
      const n = B.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const b = B[r][0];
        const g = G[r][0];
        let v;
        if (typeof b !== "number" || typeof g !== "number" || typeof y !== "number") v = VALUE;
        else if (!(b >= 0 && b < Infinity) || !(g > -1 && g < Infinity) || !yOk) v = NUM;
        else {
          const q = b * Math.pow(1 + g, y);
          v = q - q === 0 ? q : NUM;
        }
        out[r] = [v];
      }
      return out;
    },
  },
  {
    id: "REVENUE_AT_RISK",
    call: "(col, col, one cell, one cell)",
    args: (n) => [col(n, revenue), col(n, fraction), one(0.2), one(0.1)],
    inline: (E, P, S, R) => {
      const s = S[0][0] as number;
      const k = 1 - (R[0][0] as number);
      const n = E.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const p = P[r][0] as number;
        out[r] = [(E[r][0] as number) * (p + (1 - p) * s) * k];
      }
      return out;
    },
    checked: (E, P, S, R) => {
      const s = S[0][0];
      const k = R[0][0];
      const sk = typeof s === "number" && typeof k === "number";
      const skOk = sk && s >= 0 && s <= 1 && k >= 0 && k <= 1;
      const n = E.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const e = E[r][0];
        const p = P[r][0];
        let v;
        if (typeof e !== "number" || typeof p !== "number" || !sk) v = VALUE;
        else if (!(e >= 0 && e < Infinity) || !(p >= 0 && p <= 1) || !skOk) v = NUM;
        else {
          const q = e * (p + (1 - p) * (s as number)) * (1 - (k as number));
          v = q - q === 0 ? q : NUM;
        }
        out[r] = [v];
      }
      return out;
    },
  },
  {
    id: "EARNINGS_AT_RISK",
    call: "(col, col, one cell)",
    args: (n) => [col(n, revenue), col(n, fraction), one(0.15)],
    inline: (E, M, T) => {
      const k = 1 - (T[0][0] as number);
      const n = E.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) out[r] = [(E[r][0] as number) * (M[r][0] as number) * k];
      return out;
    },
    checked: (E, M, T) => {
      const t = T[0][0];
      const tNum = typeof t === "number";
      const tOk = tNum && t >= 0 && t <= 1;
      const n = E.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const e = E[r][0];
        const m = M[r][0];
        let v;
        if (typeof e !== "number" || typeof m !== "number" || !tNum) v = VALUE;
        else if (!(e >= 0 && e < Infinity) || !(m >= 0 && m <= 1) || !tOk) v = NUM;
        else {
          const q = e * m * (1 - (t as number));
          v = q - q === 0 ? q : NUM;
        }
        out[r] = [v];
      }
      return out;
    },
  },
  {
    id: "EPS_AT_RISK",
    call: "(col, col, one cell, one cell)",
    args: (n) => [col(n, revenue), col(n, fraction), one(0.15), one(24.4)],
    inline: (E, M, T, S) => {
      const k = (1 - (T[0][0] as number)) / (S[0][0] as number);
      const n = E.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) out[r] = [(E[r][0] as number) * (M[r][0] as number) * k];
      return out;
    },
    checked: (E, M, T, S) => {
      const t = T[0][0];
      const s = S[0][0];
      const ts = typeof t === "number" && typeof s === "number";
      const tOk = ts && t >= 0 && t <= 1;
      const sOk = ts && s > 0 && s < Infinity;
      const n = E.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const e = E[r][0];
        const m = M[r][0];
        let v;
        if (typeof e !== "number" || typeof m !== "number" || !ts) v = VALUE;
        else if (!(e >= 0 && e < Infinity) || !(m >= 0 && m <= 1) || !tOk) v = NUM;
        else if (s === 0) v = DIV0;
        else if (!sOk) v = NUM;
        else {
          const q = (e * m * (1 - (t as number))) / (s as number);
          v = q - q === 0 ? q : NUM;
        }
        out[r] = [v];
      }
      return out;
    },
  },
  {
    id: "MARKET_VALUE_AT_RISK",
    call: "(col, col)",
    args: (n) => [col(n, revenue), col(n, (i) => 10 + (i % 41))],
    inline: (A, M) => {
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) out[r] = [(M[r][0] as number) * (A[r][0] as number)];
      return out;
    },
    checked: (A, M) => {
      const n = A.length;
      const out = new Array(n);
      for (let r = 0; r < n; r++) {
        const a = A[r][0];
        const m = M[r][0];
        let v;
        if (typeof a !== "number" || typeof m !== "number") v = VALUE;
        else if (!(a >= 0 && a < Infinity) || !(m >= 0 && m < Infinity)) v = NUM;
        else {
          const q = m * a;
          v = q - q === 0 ? q : NUM;
        }
        out[r] = [v];
      }
      return out;
    },
  },
];
