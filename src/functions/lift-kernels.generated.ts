// Written by scripts/lift-kernels.ts (npm run lift-kernels) from the liftNumeric calls in
// src/functions/*.ts. Do not edit: change the generator, or the calls, and run it again.
import {
  cagr,
  chinaGap,
  drawdown,
  growthRate,
  impliedTotal,
  pricePerformance,
  priorFromGrowth,
  projectValue,
  revenueAtRisk,
  shareOf,
  writeDownRatio,
} from "../model";
import { isCell, RAGGED, readNumber, type Param } from "./cells";
import { Answer, answerOf, toExcelError } from "./errors";
import type { Kernel } from "./grid";

type Cells = readonly unknown[][];

/** chinaGap over a column (NVDA_CHINA_GAP). */
function chinaGapColumn3(
  rows: number,
  g0: Cells,
  m0: number,
  p0: Param<number>,
  g1: Cells,
  m1: number,
  p1: Param<number>,
  g2: Cells,
  m2: number,
  p2: Param<number>,
): Answer {
  const out: Answer = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const w0 = g0[r & m0];
    const w1 = g1[r & m1];
    const w2 = g2[r & m2];
    if (!isCell(w0) || !isCell(w1) || !isCell(w2)) throw RAGGED;
    const x0 = readNumber(w0[0], p0);
    const x1 = readNumber(w1[0], p1);
    const x2 = readNumber(w2[0], p2);
    out[r] = [
      typeof x0 !== "number"
        ? toExcelError(x0)
        : typeof x1 !== "number"
          ? toExcelError(x1)
          : typeof x2 !== "number"
            ? toExcelError(x2)
            : answerOf(chinaGap(x0, x1, x2)),
    ];
  }
  return out;
}

/** writeDownRatio over a column (WRITE_DOWN_RATIO). */
function writeDownRatioColumn2(
  rows: number,
  g0: Cells,
  m0: number,
  p0: Param<number>,
  g1: Cells,
  m1: number,
  p1: Param<number>,
): Answer {
  const out: Answer = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const w0 = g0[r & m0];
    const w1 = g1[r & m1];
    if (!isCell(w0) || !isCell(w1)) throw RAGGED;
    const x0 = readNumber(w0[0], p0);
    const x1 = readNumber(w1[0], p1);
    out[r] = [
      typeof x0 !== "number"
        ? toExcelError(x0)
        : typeof x1 !== "number"
          ? toExcelError(x1)
          : answerOf(writeDownRatio(x0, x1)),
    ];
  }
  return out;
}

/** drawdown over a column (MARKET_CAP_DRAWDOWN). */
function drawdownColumn2(
  rows: number,
  g0: Cells,
  m0: number,
  p0: Param<number>,
  g1: Cells,
  m1: number,
  p1: Param<number>,
): Answer {
  const out: Answer = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const w0 = g0[r & m0];
    const w1 = g1[r & m1];
    if (!isCell(w0) || !isCell(w1)) throw RAGGED;
    const x0 = readNumber(w0[0], p0);
    const x1 = readNumber(w1[0], p1);
    out[r] = [
      typeof x0 !== "number"
        ? toExcelError(x0)
        : typeof x1 !== "number"
          ? toExcelError(x1)
          : answerOf(drawdown(x0, x1)),
    ];
  }
  return out;
}

/** growthRate over a column (GROWTH_RATE). */
function growthRateColumn2(
  rows: number,
  g0: Cells,
  m0: number,
  p0: Param<number>,
  g1: Cells,
  m1: number,
  p1: Param<number>,
): Answer {
  const out: Answer = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const w0 = g0[r & m0];
    const w1 = g1[r & m1];
    if (!isCell(w0) || !isCell(w1)) throw RAGGED;
    const x0 = readNumber(w0[0], p0);
    const x1 = readNumber(w1[0], p1);
    out[r] = [
      typeof x0 !== "number"
        ? toExcelError(x0)
        : typeof x1 !== "number"
          ? toExcelError(x1)
          : answerOf(growthRate(x0, x1)),
    ];
  }
  return out;
}

/** cagr over a column (CAGR). */
function cagrColumn3(
  rows: number,
  g0: Cells,
  m0: number,
  p0: Param<number>,
  g1: Cells,
  m1: number,
  p1: Param<number>,
  g2: Cells,
  m2: number,
  p2: Param<number>,
): Answer {
  const out: Answer = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const w0 = g0[r & m0];
    const w1 = g1[r & m1];
    const w2 = g2[r & m2];
    if (!isCell(w0) || !isCell(w1) || !isCell(w2)) throw RAGGED;
    const x0 = readNumber(w0[0], p0);
    const x1 = readNumber(w1[0], p1);
    const x2 = readNumber(w2[0], p2);
    out[r] = [
      typeof x0 !== "number"
        ? toExcelError(x0)
        : typeof x1 !== "number"
          ? toExcelError(x1)
          : typeof x2 !== "number"
            ? toExcelError(x2)
            : answerOf(cagr(x0, x1, x2)),
    ];
  }
  return out;
}

/** priorFromGrowth over a column (PRIOR_FROM_GROWTH). */
function priorFromGrowthColumn2(
  rows: number,
  g0: Cells,
  m0: number,
  p0: Param<number>,
  g1: Cells,
  m1: number,
  p1: Param<number>,
): Answer {
  const out: Answer = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const w0 = g0[r & m0];
    const w1 = g1[r & m1];
    if (!isCell(w0) || !isCell(w1)) throw RAGGED;
    const x0 = readNumber(w0[0], p0);
    const x1 = readNumber(w1[0], p1);
    out[r] = [
      typeof x0 !== "number"
        ? toExcelError(x0)
        : typeof x1 !== "number"
          ? toExcelError(x1)
          : answerOf(priorFromGrowth(x0, x1)),
    ];
  }
  return out;
}

/** impliedTotal over a column (IMPLIED_TOTAL). */
function impliedTotalColumn2(
  rows: number,
  g0: Cells,
  m0: number,
  p0: Param<number>,
  g1: Cells,
  m1: number,
  p1: Param<number>,
): Answer {
  const out: Answer = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const w0 = g0[r & m0];
    const w1 = g1[r & m1];
    if (!isCell(w0) || !isCell(w1)) throw RAGGED;
    const x0 = readNumber(w0[0], p0);
    const x1 = readNumber(w1[0], p1);
    out[r] = [
      typeof x0 !== "number"
        ? toExcelError(x0)
        : typeof x1 !== "number"
          ? toExcelError(x1)
          : answerOf(impliedTotal(x0, x1)),
    ];
  }
  return out;
}

/** shareOf over a column (SHARE_OF). */
function shareOfColumn2(
  rows: number,
  g0: Cells,
  m0: number,
  p0: Param<number>,
  g1: Cells,
  m1: number,
  p1: Param<number>,
): Answer {
  const out: Answer = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const w0 = g0[r & m0];
    const w1 = g1[r & m1];
    if (!isCell(w0) || !isCell(w1)) throw RAGGED;
    const x0 = readNumber(w0[0], p0);
    const x1 = readNumber(w1[0], p1);
    out[r] = [
      typeof x0 !== "number" ? toExcelError(x0) : typeof x1 !== "number" ? toExcelError(x1) : answerOf(shareOf(x0, x1)),
    ];
  }
  return out;
}

/** pricePerformance over a column (PRICE_PERFORMANCE). */
function pricePerformanceColumn2(
  rows: number,
  g0: Cells,
  m0: number,
  p0: Param<number>,
  g1: Cells,
  m1: number,
  p1: Param<number>,
): Answer {
  const out: Answer = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const w0 = g0[r & m0];
    const w1 = g1[r & m1];
    if (!isCell(w0) || !isCell(w1)) throw RAGGED;
    const x0 = readNumber(w0[0], p0);
    const x1 = readNumber(w1[0], p1);
    out[r] = [
      typeof x0 !== "number"
        ? toExcelError(x0)
        : typeof x1 !== "number"
          ? toExcelError(x1)
          : answerOf(pricePerformance(x0, x1)),
    ];
  }
  return out;
}

/** projectValue over a column (PROJECT_VALUE). */
function projectValueColumn3(
  rows: number,
  g0: Cells,
  m0: number,
  p0: Param<number>,
  g1: Cells,
  m1: number,
  p1: Param<number>,
  g2: Cells,
  m2: number,
  p2: Param<number>,
): Answer {
  const out: Answer = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const w0 = g0[r & m0];
    const w1 = g1[r & m1];
    const w2 = g2[r & m2];
    if (!isCell(w0) || !isCell(w1) || !isCell(w2)) throw RAGGED;
    const x0 = readNumber(w0[0], p0);
    const x1 = readNumber(w1[0], p1);
    const x2 = readNumber(w2[0], p2);
    out[r] = [
      typeof x0 !== "number"
        ? toExcelError(x0)
        : typeof x1 !== "number"
          ? toExcelError(x1)
          : typeof x2 !== "number"
            ? toExcelError(x2)
            : answerOf(projectValue(x0, x1, x2)),
    ];
  }
  return out;
}

/** revenueAtRisk over a column (REVENUE_AT_RISK). */
function revenueAtRiskColumn4(
  rows: number,
  g0: Cells,
  m0: number,
  p0: Param<number>,
  g1: Cells,
  m1: number,
  p1: Param<number>,
  g2: Cells,
  m2: number,
  p2: Param<number>,
  g3: Cells,
  m3: number,
  p3: Param<number>,
): Answer {
  const out: Answer = new Array(rows);
  for (let r = 0; r < rows; r++) {
    const w0 = g0[r & m0];
    const w1 = g1[r & m1];
    const w2 = g2[r & m2];
    const w3 = g3[r & m3];
    if (!isCell(w0) || !isCell(w1) || !isCell(w2) || !isCell(w3)) throw RAGGED;
    const x0 = readNumber(w0[0], p0);
    const x1 = readNumber(w1[0], p1);
    const x2 = readNumber(w2[0], p2);
    const x3 = readNumber(w3[0], p3);
    out[r] = [
      typeof x0 !== "number"
        ? toExcelError(x0)
        : typeof x1 !== "number"
          ? toExcelError(x1)
          : typeof x2 !== "number"
            ? toExcelError(x2)
            : typeof x3 !== "number"
              ? toExcelError(x3)
              : answerOf(revenueAtRisk(x0, x1, x2, x3)),
    ];
  }
  return out;
}

/** Every loop, with the model function it calls and its arity: liftNumeric finds its own here. */
export const KERNELS: readonly Kernel[] = [
  { fn: chinaGap, arity: 3, column: chinaGapColumn3 },
  { fn: writeDownRatio, arity: 2, column: writeDownRatioColumn2 },
  { fn: drawdown, arity: 2, column: drawdownColumn2 },
  { fn: growthRate, arity: 2, column: growthRateColumn2 },
  { fn: cagr, arity: 3, column: cagrColumn3 },
  { fn: priorFromGrowth, arity: 2, column: priorFromGrowthColumn2 },
  { fn: impliedTotal, arity: 2, column: impliedTotalColumn2 },
  { fn: shareOf, arity: 2, column: shareOfColumn2 },
  { fn: pricePerformance, arity: 2, column: pricePerformanceColumn2 },
  { fn: projectValue, arity: 3, column: projectValueColumn3 },
  { fn: revenueAtRisk, arity: 4, column: revenueAtRiskColumn4 },
];
