/**
 * The case model: revenue at risk carried to earnings, earnings per share and market value, per
 * scenario. Golden figures for NVIDIA worked by hand; the drivers the article does not give
 * (margin, tax rate, shares, multiple, probability) are this test's own stated assumptions.
 */
import { nvidiaDrivers } from "../../src/baseline";
import {
  type CaseDrivers,
  DRIVER_IDS,
  OUTPUTS,
  earningsAtRisk,
  epsAtRisk,
  marketValueAtRisk,
  type OutputId,
  evaluateScenario,
  expectation,
  expectationFormula,
  isMissing,
  outputFormula,
  outputSpec,
  usedDrivers,
  usedFormula,
} from "../../src/model/case";

/** The article's NVIDIA case (17.1 China, 131.54 global, 16 of orders, 5.5 write-down, 2,470 market value) plus assumptions. */
const assumed: CaseDrivers = {
  ...nvidiaDrivers(),
  gross_margin: 0.75, // assumption of this test, not the article's
  tax_rate: 0.15, // assumption
  shares_outstanding: 24.4, // bn, assumption
  valuation_multiple: 40, // P/E, assumption
};

const num = (v: unknown) => {
  if (typeof v !== "number") throw new Error(`not a number: ${JSON.stringify(v)}`);
  return v;
};

describe("the NVIDIA case by hand", () => {
  it("seeds only what the article gives: China 17.1, global 17.1 ÷ 0.13 = 131.54, orders 16, write-down 5.5, market value 2.47 tn = 2,470 bn", () => {
    const d = nvidiaDrivers();
    expect(d.exposed_revenue).toBe(17.1);
    expect(d.global_revenue).toBeCloseTo(17.1 / 0.13, 12); // 131.538…
    expect(d.orders_at_risk).toBe(16);
    expect(d.inventory_write_down).toBe(5.5);
    expect(d.market_value).toBeCloseTo(2470, 9);
    for (const id of [
      "ban_probability",
      "gross_margin",
      "tax_rate",
      "shares_outstanding",
      "valuation_multiple",
    ] as const) {
      expect(d[id]).toBeUndefined();
    }
  });

  it("full ban: the whole 17.1 bn is lost", () => {
    const o = evaluateScenario(assumed, { ban_probability: 1 });
    expect(num(o.revenue_at_risk)).toBeCloseTo(17.1, 12); // 17.1 × (1 + 0 × 0) × (1 − 0)
    expect(num(o.gap_share)).toBeCloseTo(0.13, 12); // 17.1 ÷ (17.1 ÷ 0.13)
    expect(num(o.orders_lost)).toBeCloseTo(16, 12); // 16 × 1
    expect(num(o.gross_profit_at_risk)).toBeCloseTo(12.825, 12); // 17.1 × 0.75
    expect(num(o.net_income_at_risk)).toBeCloseTo(10.90125, 12); // 12.825 × (1 − 0.15)
    expect(num(o.eps_at_risk)).toBeCloseTo(0.446772541, 8); // 10.90125 ÷ 24.4
    expect(num(o.value_at_risk)).toBeCloseTo(436.05, 9); // 40 × 10.90125
    expect(num(o.value_at_risk_share)).toBeCloseTo(0.176538462, 8); // 436.05 ÷ 2,470
    expect(num(o.write_down)).toBe(5.5);
  });

  it("base at a 50% probability, 20% substitution and 10% recapture", () => {
    const base = { ...assumed, ban_probability: 0.5, substitution_share: 0.2, recapture_share: 0.1 };
    const o = evaluateScenario(base);
    // loss share 0.5 + 0.5 × 0.2 = 0.6; × (1 − 0.1) = 0.54; 17.1 × 0.54 = 9.234
    expect(num(o.revenue_at_risk)).toBeCloseTo(9.234, 12);
    expect(num(o.gap_share)).toBeCloseTo(9.234 / (17.1 / 0.13), 12); // 0.0702
    expect(num(o.orders_lost)).toBeCloseTo(8.64, 12); // 16 × 0.54
    expect(num(o.gross_profit_at_risk)).toBeCloseTo(6.9255, 12); // 9.234 × 0.75
    expect(num(o.net_income_at_risk)).toBeCloseTo(5.886675, 12); // 6.9255 × 0.85
    expect(num(o.eps_at_risk)).toBeCloseTo(0.241257172, 8); // 5.886675 ÷ 24.4
    expect(num(o.value_at_risk)).toBeCloseTo(235.467, 9); // 40 × 5.886675
    // P/S instead: 9.234 × 40
    expect(num(evaluateScenario({ ...base, multiple_type: "ps" }).value_at_risk)).toBeCloseTo(369.36, 9);
  });

  it("the probability-weighted expectation: 0.5 × 17.1 + 0.5 × 0 = 8.55, once the probabilities sum to 1", () => {
    const ban = evaluateScenario(assumed, { ban_probability: 1 }).revenue_at_risk;
    const granted = evaluateScenario(assumed, { ban_probability: 0 }).revenue_at_risk;
    expect(expectation([0.5, 0.5], [ban, granted])).toBeCloseTo(8.55, 12);
    expect(expectation([0.5, undefined], [ban, granted])).toEqual({ reason: "probabilities_missing" });
    expect(expectation([0.5, 0.4], [ban, granted])).toEqual({ reason: "probabilities_not_one" });
    expect(expectation([0.5, 0.5], [ban, { missing: "tax_rate" }])).toEqual({ missing: "tax_rate" });
  });
});

describe("an empty driver is unknown, not zero", () => {
  it("says which driver to fill in, first in the order the output reads them", () => {
    const o = evaluateScenario(nvidiaDrivers(), { ban_probability: 1 });
    expect(o.revenue_at_risk).toBeCloseTo(17.1, 12);
    expect(o.gross_profit_at_risk).toEqual({ missing: "gross_margin" });
    expect(o.net_income_at_risk).toEqual({ missing: "tax_rate" }); // its own driver first
    expect(evaluateScenario({ ...nvidiaDrivers(), tax_rate: 0.2 }, { ban_probability: 1 }).net_income_at_risk).toEqual({
      missing: "gross_margin", // passed on from gross profit
    });
    expect(evaluateScenario(nvidiaDrivers()).revenue_at_risk).toEqual({ missing: "ban_probability" });
  });

  it("treats empty substitution, recapture and write-down as none, and every other empty driver as unknown", () => {
    const used = usedDrivers({ exposed_revenue: 10 }, { ban_probability: 1 });
    expect(used.substitution_share).toBe(0);
    expect(used.recapture_share).toBe(0);
    expect(used.inventory_write_down).toBe(0);
    expect(used.gross_margin).toBeUndefined();
    expect(used.ban_probability).toBe(1);
    // an override wins over the case's value
    expect(usedDrivers({ ban_probability: 0.3 }, { ban_probability: 0 }).ban_probability).toBe(0);
  });

  it("answers #NUM! for a share above 1 or a negative revenue, and values at risk only when the multiple is there", () => {
    const bad = evaluateScenario({ ...assumed, gross_margin: 1.5 }, { ban_probability: 1 });
    expect(bad.gross_profit_at_risk).toMatchObject({ kind: "#NUM!" });
    expect(evaluateScenario({ ...assumed, exposed_revenue: -1 }, { ban_probability: 1 }).revenue_at_risk).toMatchObject(
      {
        kind: "#NUM!",
      },
    );
    expect(evaluateScenario({ ...assumed, shares_outstanding: 0 }, { ban_probability: 1 }).eps_at_risk).toMatchObject({
      kind: "#NUM!",
    });
    const noMultiple = evaluateScenario({ ...assumed, valuation_multiple: undefined }, { ban_probability: 1 });
    expect(noMultiple.value_at_risk).toEqual({ missing: "valuation_multiple" });
    // P/S needs revenue only: no margin, no tax
    const ps = evaluateScenario(
      { ...nvidiaDrivers(), valuation_multiple: 20, multiple_type: "ps" },
      { ban_probability: 1 },
    );
    expect(num(ps.value_at_risk)).toBeCloseTo(342, 9); // 20 × 17.1
  });
});

describe("properties", () => {
  /** A small seeded generator (mulberry32), so that a failure can be replayed. */
  function rng(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
  }

  it("revenue at risk never exceeds exposed revenue and never goes below zero (10,000 random cases)", () => {
    const r = rng(42);
    for (let i = 0; i < 10_000; i++) {
      const d: CaseDrivers = {
        exposed_revenue: r() * 100,
        ban_probability: r(),
        substitution_share: r(),
        recapture_share: r(),
        global_revenue: 100 + r() * 100,
      };
      const v = num(evaluateScenario(d).revenue_at_risk);
      expect(v >= 0 && v <= d.exposed_revenue! + 1e-12).toBe(true);
    }
  });

  it("every output is monotone (never decreasing) in the ban probability", () => {
    const r = rng(7);
    const grow: OutputId[] = [
      "revenue_at_risk",
      "gap_share",
      "orders_lost",
      "gross_profit_at_risk",
      "net_income_at_risk",
      "eps_at_risk",
      "value_at_risk",
      "value_at_risk_share",
    ];
    for (let i = 0; i < 500; i++) {
      const d: CaseDrivers = {
        ...assumed,
        substitution_share: r(),
        recapture_share: r(),
        gross_margin: r(),
        tax_rate: r(),
        multiple_type: r() < 0.5 ? "pe" : "ps",
      };
      let last: Record<OutputId, number> | undefined;
      for (let p = 0; p <= 1.0000001; p += 0.1) {
        const o = evaluateScenario(d, { ban_probability: Math.min(p, 1) });
        if (last) for (const id of grow) expect(num(o[id])).toBeGreaterThanOrEqual(last[id] - 1e-12);
        last = Object.fromEntries(grow.map((id) => [id, num(o[id])])) as Record<OutputId, number>;
      }
    }
  });
});

describe("the formulas of the sheet", () => {
  /** Evaluates a rendered formula (IF, ISNUMBER, arithmetic, quoted texts) over a map of cells. */
  function evaluate(formula: string, cells: Record<string, number | string>): number | string {
    const js = formula
      .slice(1)
      .replace(/"((?:[^"]|"")*)"/g, (_, s: string) => JSON.stringify(s.replace(/""/g, '"')))
      .replace(/\bISNUMBER\(/g, "isnum(")
      .replace(/\bIF\(/g, "iff(")
      .replace(/\$?([A-Z]+)\$?(\d+)/g, (_, c: string, r: string) => JSON.stringify(cells[`${c}${r}`] ?? ""))
      .replace(/(?<![<>=!])=(?!=)/g, "===");
    const iff = (c: boolean, a: unknown, b: unknown) => (c ? a : b);
    const isnum = (x: unknown) => typeof x === "number";
    return Function("iff", "isnum", `"use strict"; return (${js});`)(iff, isnum) as number | string;
  }

  it("renders each output so that, cell for cell, it computes what the model computes", () => {
    // one scenario column: drivers in B6…B18 (as named here), used values and outputs by id
    const driverCell = Object.fromEntries(DRIVER_IDS.map((id, i) => [id, `B${6 + i}`]));
    const outputCell = Object.fromEntries(OUTPUTS.map((o, i) => [o.id, `C${31 + i}`]));
    const refs = (id: string) => outputCell[id] ?? driverCell[id];
    const cases: CaseDrivers[] = [
      { ...assumed, ban_probability: 1 },
      { ...assumed, ban_probability: 0.35, substitution_share: 0.2 },
      { ...nvidiaDrivers(), ban_probability: 1 },
      { ...assumed, ban_probability: 0.5, multiple_type: "ps", tax_rate: undefined },
    ];
    for (const d of cases) {
      // the sheet reads a scenario's drivers from its "used" cells: empty optional shares are 0 there
      const used = usedDrivers(d);
      const cells: Record<string, number | string> = {};
      for (const id of DRIVER_IDS) {
        const v = id === "multiple_type" ? (d.multiple_type === "ps" ? "P/S" : "") : used[id];
        if (v !== undefined) cells[driverCell[id]] = v;
      }
      const model = evaluateScenario(d);
      for (const o of OUTPUTS) {
        const f = outputFormula(o, refs, (drv) => `"fill ${drv}"`);
        const got = evaluate(f, cells);
        cells[outputCell[o.id]] = got;
        const want = model[o.id];
        if (typeof want === "number") expect(got).toBeCloseTo(want, 12);
        else if (isMissing(want)) expect(got).toBe(`fill ${want.missing}`);
      }
    }
  });

  it("renders the values a scenario uses and the expectation as the model defines them", () => {
    expect(usedFormula("ban_probability", "C23", "$B$9")).toBe('=IF(ISNUMBER(C23),C23,IF(ISNUMBER($B$9),$B$9,""))');
    expect(usedFormula("substitution_share", "C24", "$B$10")).toBe(
      "=IF(ISNUMBER(C24),C24,IF(ISNUMBER($B$10),$B$10,0))",
    );
    expect(expectationFormula(["$B$22", "$C$22"], ["B31", "C31"], '"m"', '"n"')).toBe(
      '=IF(COUNT($B$22:$C$22)<2,"m",IF(ABS(SUM($B$22:$C$22)-1)>1E-9,"n",' +
        "IF(ISNUMBER(B31),IF(ISNUMBER(C31),SUMPRODUCT($B$22:$C$22,B31:C31),C31),B31)))",
    );
    expect(outputSpec("value_at_risk").uses).toEqual(["net_income_at_risk"]);
  });
});

describe("the custom functions' arithmetic is the declarations'", () => {
  /** an output by the declarations' evaluate(), from the values given */
  const declared = (target: OutputId, given: Record<string, number>, type: "pe" | "ps" = "pe"): number => {
    const v = (id: string): number => given[id] ?? outputSpec(id as OutputId).evaluate(v as never, type);
    return v(target);
  };
  // values where rounding differs between orders of operations (0.1, 0.7, 1/3, 24.4 …)
  const revenues = [0, 0.1, 1, 16, 17.1, 131.54, 1e6 / 3];
  const shares = [0.1, 0.7, 0.75, 1 / 3, 0.15, 1];
  it("EARNINGS_AT_RISK and EPS_AT_RISK give the same bits as net_income_at_risk and eps_at_risk", () => {
    let compared = 0;
    for (const r of revenues)
      for (const m of shares)
        for (const t of shares)
          for (const n of [24.4, 0.3, 7]) {
            const given = { revenue_at_risk: r, gross_margin: m, tax_rate: t, shares_outstanding: n };
            expect(Object.is(earningsAtRisk(r, m, t), declared("net_income_at_risk", given))).toBe(true);
            expect(Object.is(epsAtRisk(r, m, t, n), declared("eps_at_risk", given))).toBe(true);
            compared++;
          }
    expect(compared).toBe(7 * 6 * 6 * 3);
  });
  it("MARKET_VALUE_AT_RISK gives the same bits as value_at_risk, P/E and P/S", () => {
    for (const a of revenues)
      for (const k of [0, 0.7, 12.5, 40, 1 / 3]) {
        expect(
          Object.is(
            marketValueAtRisk(a, k),
            declared("value_at_risk", { net_income_at_risk: a, valuation_multiple: k }),
          ),
        ).toBe(true);
        expect(
          Object.is(
            marketValueAtRisk(a, k),
            declared("value_at_risk", { revenue_at_risk: a, valuation_multiple: k }, "ps"),
          ),
        ).toBe(true);
      }
  });
  it("the golden NVIDIA figures: 17.1 × 0.75 × 0.85 = 10.90125; ÷ 24.4 = 0.44677; × 40 = 436.05", () => {
    expect(earningsAtRisk(17.1, 0.75, 0.15)).toBeCloseTo(10.90125, 12);
    expect(epsAtRisk(17.1, 0.75, 0.15, 24.4)).toBeCloseTo(10.90125 / 24.4, 12);
    expect(marketValueAtRisk(10.90125, 40)).toBeCloseTo(436.05, 10);
  });
});
