// Written by scripts/lift-kernels.ts (npm run lift-kernels) from the liftNumeric calls in
// src/functions/*.ts. Do not edit: change the generator, or the calls, and run it again.
import {
  cagr,
  chinaGap,
  drawdown,
  earningsAtRisk,
  epsAtRisk,
  growthRate,
  impliedTotal,
  marketValueAtRisk,
  pricePerformance,
  priorFromGrowth,
  projectValue,
  revenueAtRisk,
  shareOf,
  writeDownRatio,
} from "../model";
import { isCell, RAGGED, slowRow, type Param } from "./cells";
import { Answer, answerOf } from "./errors";
import type { Kernel } from "./grid";

type Cells = readonly unknown[][];

/** earningsAtRisk over a column (EARNINGS_AT_RISK). */
function earningsAtRiskColumn3(
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
    const v0 = w0[0];
    const v1 = w1[0];
    const v2 = w2[0];
    out[r] = [
      typeof v0 === "number" &&
      v0 - v0 === 0 &&
      typeof v1 === "number" &&
      v1 - v1 === 0 &&
      typeof v2 === "number" &&
      v2 - v2 === 0
        ? answerOf(earningsAtRisk(v0, v1, v2))
        : slowRow(earningsAtRisk, v0, p0, v1, p1, v2, p2),
    ];
  }
  return out;
}

/** epsAtRisk over a column (EPS_AT_RISK). */
function epsAtRiskColumn4(
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
    const v0 = w0[0];
    const v1 = w1[0];
    const v2 = w2[0];
    const v3 = w3[0];
    out[r] = [
      typeof v0 === "number" &&
      v0 - v0 === 0 &&
      typeof v1 === "number" &&
      v1 - v1 === 0 &&
      typeof v2 === "number" &&
      v2 - v2 === 0 &&
      typeof v3 === "number" &&
      v3 - v3 === 0
        ? answerOf(epsAtRisk(v0, v1, v2, v3))
        : slowRow(epsAtRisk, v0, p0, v1, p1, v2, p2, v3, p3),
    ];
  }
  return out;
}

/** marketValueAtRisk over a column (MARKET_VALUE_AT_RISK). */
function marketValueAtRiskColumn2(
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
    const v0 = w0[0];
    const v1 = w1[0];
    out[r] = [
      typeof v0 === "number" && v0 - v0 === 0 && typeof v1 === "number" && v1 - v1 === 0
        ? answerOf(marketValueAtRisk(v0, v1))
        : slowRow(marketValueAtRisk, v0, p0, v1, p1),
    ];
  }
  return out;
}

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
    const v0 = w0[0];
    const v1 = w1[0];
    const v2 = w2[0];
    out[r] = [
      typeof v0 === "number" &&
      v0 - v0 === 0 &&
      typeof v1 === "number" &&
      v1 - v1 === 0 &&
      typeof v2 === "number" &&
      v2 - v2 === 0
        ? answerOf(chinaGap(v0, v1, v2))
        : slowRow(chinaGap, v0, p0, v1, p1, v2, p2),
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
    const v0 = w0[0];
    const v1 = w1[0];
    out[r] = [
      typeof v0 === "number" && v0 - v0 === 0 && typeof v1 === "number" && v1 - v1 === 0
        ? answerOf(writeDownRatio(v0, v1))
        : slowRow(writeDownRatio, v0, p0, v1, p1),
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
    const v0 = w0[0];
    const v1 = w1[0];
    out[r] = [
      typeof v0 === "number" && v0 - v0 === 0 && typeof v1 === "number" && v1 - v1 === 0
        ? answerOf(drawdown(v0, v1))
        : slowRow(drawdown, v0, p0, v1, p1),
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
    const v0 = w0[0];
    const v1 = w1[0];
    out[r] = [
      typeof v0 === "number" && v0 - v0 === 0 && typeof v1 === "number" && v1 - v1 === 0
        ? answerOf(growthRate(v0, v1))
        : slowRow(growthRate, v0, p0, v1, p1),
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
    const v0 = w0[0];
    const v1 = w1[0];
    const v2 = w2[0];
    out[r] = [
      typeof v0 === "number" &&
      v0 - v0 === 0 &&
      typeof v1 === "number" &&
      v1 - v1 === 0 &&
      typeof v2 === "number" &&
      v2 - v2 === 0
        ? answerOf(cagr(v0, v1, v2))
        : slowRow(cagr, v0, p0, v1, p1, v2, p2),
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
    const v0 = w0[0];
    const v1 = w1[0];
    out[r] = [
      typeof v0 === "number" && v0 - v0 === 0 && typeof v1 === "number" && v1 - v1 === 0
        ? answerOf(priorFromGrowth(v0, v1))
        : slowRow(priorFromGrowth, v0, p0, v1, p1),
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
    const v0 = w0[0];
    const v1 = w1[0];
    out[r] = [
      typeof v0 === "number" && v0 - v0 === 0 && typeof v1 === "number" && v1 - v1 === 0
        ? answerOf(impliedTotal(v0, v1))
        : slowRow(impliedTotal, v0, p0, v1, p1),
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
    const v0 = w0[0];
    const v1 = w1[0];
    out[r] = [
      typeof v0 === "number" && v0 - v0 === 0 && typeof v1 === "number" && v1 - v1 === 0
        ? answerOf(shareOf(v0, v1))
        : slowRow(shareOf, v0, p0, v1, p1),
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
    const v0 = w0[0];
    const v1 = w1[0];
    out[r] = [
      typeof v0 === "number" && v0 - v0 === 0 && typeof v1 === "number" && v1 - v1 === 0
        ? answerOf(pricePerformance(v0, v1))
        : slowRow(pricePerformance, v0, p0, v1, p1),
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
    const v0 = w0[0];
    const v1 = w1[0];
    const v2 = w2[0];
    out[r] = [
      typeof v0 === "number" &&
      v0 - v0 === 0 &&
      typeof v1 === "number" &&
      v1 - v1 === 0 &&
      typeof v2 === "number" &&
      v2 - v2 === 0
        ? answerOf(projectValue(v0, v1, v2))
        : slowRow(projectValue, v0, p0, v1, p1, v2, p2),
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
    const v0 = w0[0];
    const v1 = w1[0];
    const v2 = w2[0];
    const v3 = w3[0];
    out[r] = [
      typeof v0 === "number" &&
      v0 - v0 === 0 &&
      typeof v1 === "number" &&
      v1 - v1 === 0 &&
      typeof v2 === "number" &&
      v2 - v2 === 0 &&
      typeof v3 === "number" &&
      v3 - v3 === 0
        ? answerOf(revenueAtRisk(v0, v1, v2, v3))
        : slowRow(revenueAtRisk, v0, p0, v1, p1, v2, p2, v3, p3),
    ];
  }
  return out;
}

/** Every loop, with the model function it calls and its arity: liftNumeric finds its own here. */
export const KERNELS: readonly Kernel[] = [
  { fn: earningsAtRisk, arity: 3, column: earningsAtRiskColumn3 },
  { fn: epsAtRisk, arity: 4, column: epsAtRiskColumn4 },
  { fn: marketValueAtRisk, arity: 2, column: marketValueAtRiskColumn2 },
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
