/**
 * The tornado of a case: each driver at its low and its high, the others at the Base scenario's
 * values, ranked by swing. One tornado worked by hand for NVIDIA: the article's figures (17.1 bn of
 * China revenue, 131.54 bn global, 16 bn of orders, 5.5 bn write-down, 2,470 bn market value) and
 * this test's own assumptions for what the article does not give (below).
 */
import { nvidiaDrivers } from "../../src/baseline";
import {
  HIGH_FACTOR,
  LOW_FACTOR,
  NUMERIC_DRIVERS,
  RISK_CHAIN,
  evaluateScenario,
  rangeOf,
  tornado,
  usedDrivers,
} from "../../src/model";
import { nvidiaAssumed } from "./nvidia-assumptions";

/** The article's figures and this suite's assumptions (nvidia-assumptions.ts). */
const assumed = nvidiaAssumed();

describe("the tornado of net income at risk for NVIDIA, by hand", () => {
  // base: revenue at risk 17.1 × (0.5 + 0.5 × 0.2) × (1 − 0) = 10.26; net income 10.26 × 0.75 × 0.85 = 6.54075.
  // Typed: gross margin 65%–80%, tax rate 10%–25%; every other driver ±20% of its value.
  const t = tornado(
    usedDrivers(assumed),
    "pe",
    "net_income_at_risk",
    { gross_margin: 0.65, tax_rate: 0.1 },
    { gross_margin: 0.8, tax_rate: 0.25 },
  );
  const row = (id: (typeof NUMERIC_DRIVERS)[number]) => t.rows.find((r) => r.driver === id)!;

  it("measures from the Base scenario: 6.54075", () => {
    expect(t.base).toBeCloseTo(6.54075, 12);
  });

  it("swings each driver the output reads, as worked by hand", () => {
    // exposed 13.68–20.52: 13.68 × 0.6 × 0.6375 = 5.2326, 20.52 × 0.6 × 0.6375 = 7.8489; swing 2.6163
    expect(row("exposed_revenue")).toMatchObject({ low: expect.closeTo(13.68, 12), high: expect.closeTo(20.52, 12) });
    expect(row("exposed_revenue").outLow).toBeCloseTo(5.2326, 12);
    expect(row("exposed_revenue").outHigh).toBeCloseTo(7.8489, 12);
    expect(row("exposed_revenue").swing).toBeCloseTo(2.6163, 12);
    // probability 0.4–0.6: 17.1 × (0.4 + 0.6 × 0.2) × 0.6375 = 5.66865; 17.1 × (0.6 + 0.4 × 0.2) × 0.6375 = 7.41285
    expect(row("ban_probability").outLow).toBeCloseTo(5.66865, 12);
    expect(row("ban_probability").outHigh).toBeCloseTo(7.41285, 12);
    expect(row("ban_probability").swing).toBeCloseTo(1.7442, 12);
    // gross margin as typed, 0.65–0.80: 10.26 × 0.65 × 0.85 = 5.66865; 10.26 × 0.8 × 0.85 = 6.9768
    expect(row("gross_margin").swing).toBeCloseTo(1.30815, 12);
    // tax 0.10–0.25: 10.26 × 0.75 × 0.9 = 6.9255; × 0.75 = 5.77125 — the high tax gives the LOWER output
    expect(row("tax_rate").outLow).toBeCloseTo(6.9255, 12);
    expect(row("tax_rate").outHigh).toBeCloseTo(5.77125, 12);
    expect(row("tax_rate").swing).toBeCloseTo(1.15425, 12);
    // substitution 0.16–0.24: 17.1 × 0.58 × 0.6375 = 6.322725; 17.1 × 0.62 × 0.6375 = 6.758775
    expect(row("substitution_share").swing).toBeCloseTo(0.43605, 12);
  });

  it("gives the drivers the output does not read a swing of 0, and recapture (empty: none) 0–0", () => {
    for (const id of [
      "global_revenue",
      "orders_at_risk",
      "shares_outstanding",
      "valuation_multiple",
      "inventory_write_down",
      "market_value",
    ] as const) {
      expect([id, row(id).swing]).toEqual([id, 0]);
    }
    expect(row("recapture_share")).toMatchObject({ low: 0, high: 0, swing: 0 });
  });

  it("ranks by swing, largest first, equal swings in the case's order", () => {
    expect(t.sorted.map((r) => r.driver)).toEqual([
      "exposed_revenue", // 2.6163
      "ban_probability", // 1.7442
      "gross_margin", // 1.30815
      "tax_rate", // 1.15425
      "substitution_share", // 0.43605
      "global_revenue", // the rest 0, in the case's order
      "orders_at_risk",
      "recapture_share",
      "shares_outstanding",
      "valuation_multiple",
      "inventory_write_down",
      "market_value",
    ]);
    expect(t.sorted.map((r) => r.rank)).toEqual(NUMERIC_DRIVERS.map((_, i) => i + 1));
  });
});

describe("a driver's low and high", () => {
  it("are 20% below and above its value when not typed, a share at most 100%", () => {
    expect([LOW_FACTOR, HIGH_FACTOR]).toEqual([0.8, 1.2]);
    expect(rangeOf("exposed_revenue", 17.1)).toEqual({ low: 17.1 * 0.8, high: 17.1 * 1.2 });
    expect(rangeOf("ban_probability", 0.9)).toEqual({ low: 0.9 * 0.8, high: 1 }); // not 108%
    expect(rangeOf("gross_margin", undefined)).toEqual({ low: undefined, high: undefined });
    expect(rangeOf("gross_margin", undefined, 0.5, 0.7)).toEqual({ low: 0.5, high: 0.7 });
  });
});

describe("the tornado of a case with drivers to fill in", () => {
  it("says which driver to fill in where the output needs it, ranks those rows last, and swings the rest", () => {
    // NVIDIA as the article seeds it: no probability, no margin
    const t = tornado(usedDrivers(nvidiaDrivers()), "pe", "revenue_at_risk");
    expect(t.base).toEqual({ missing: "ban_probability" });
    expect(t.rows.find((r) => r.driver === "exposed_revenue")!.swing).toEqual({ missing: "ban_probability" });
    // probability itself has no value and so no low or high
    expect(t.rows.find((r) => r.driver === "ban_probability")).toMatchObject({ low: undefined, high: undefined });
    // revenue at risk reads the probability whichever driver moves: every swing asks for it, ranked in the case's order
    expect(t.sorted.map((r) => r.swing)).toEqual(NUMERIC_DRIVERS.map(() => ({ missing: "ban_probability" })));
    expect(t.sorted.map((r) => r.driver)).toEqual(NUMERIC_DRIVERS);
  });

  it("computes every output of the chain at each low and high, as the scenario would", () => {
    const t = tornado(usedDrivers(assumed), "pe", "eps_at_risk");
    const low = t.rows.find((r) => r.driver === "gross_margin")!;
    const direct = evaluateScenario({ ...assumed, gross_margin: 0.75 * 0.8 });
    for (const id of RISK_CHAIN) expect([id, low.atLow[id]]).toEqual([id, direct[id]]);
    expect(RISK_CHAIN).toEqual([
      "revenue_at_risk",
      "gross_profit_at_risk",
      "net_income_at_risk",
      "eps_at_risk",
      "value_at_risk",
    ]);
  });
});
