import {
  CHECKS,
  CHECK_DECLARATIONS,
  EXACT_RELATIVE,
  checkById,
  checkStatus,
  derivedById,
  derivedValue,
  evaluateCheck,
  factById,
  halfUnit,
  idsOfCheck,
  withinStatus,
  type CheckDeclaration,
  type ConsistencyCheck,
} from "../../src/baseline";

const check = (id: string): ConsistencyCheck => {
  const c = checkById(id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
};
const declaration = (id: string): CheckDeclaration => {
  const d = CHECK_DECLARATIONS.find((x) => x.id === id);
  if (!d) throw new Error(`no check ${id}`);
  return d;
};

describe("checkStatus: the rule", () => {
  it("calls a derived value equal to the stated one (within 1e-9 relative) consistent", () => {
    expect(checkStatus(0.13, 0.13, 0.005)).toBe("consistent");
    expect(checkStatus(0.13, 0.13 * (1 + EXACT_RELATIVE / 2), 0.005)).toBe("consistent");
    expect(checkStatus(0, 0, 0.005)).toBe("consistent");
  });

  it("calls a difference within the tolerance rounded, the tolerance itself included", () => {
    expect(checkStatus(0.32, 0.3216, 0.005)).toBe("rounded");
    expect(checkStatus(0.32, 0.325, 0.005)).toBe("rounded");
    expect(checkStatus(0.32, 0.315, 0.005)).toBe("rounded");
  });

  it("calls a difference beyond the tolerance inconsistent", () => {
    expect(checkStatus(0.32, 0.3251, 0.005)).toBe("inconsistent");
    expect(checkStatus(0.75, 0.62, 0.005)).toBe("inconsistent");
  });

  it("takes half a unit of the last stated digit as tolerance", () => {
    expect(halfUnit(2)).toBeCloseTo(0.005, 15); // 32% written to the whole percent
    expect(halfUnit(1)).toBeCloseTo(0.05, 15); // 17.1 bn written to the 0.1 bn
    expect(halfUnit(0)).toBe(0.5);
  });
});

describe("withinStatus: parts within a whole", () => {
  it("calls parts that fit within the whole consistent, the whole itself included", () => {
    expect(withinStatus(42, 19.06, 0.05)).toBe("consistent"); // 3.1 + 15.96 of 42
    expect(withinStatus(1, 1, 0)).toBe("consistent");
    expect(withinStatus(42, 42.05, 0.05)).toBe("consistent"); // within the rounding of 42.0
  });

  it("calls parts that exceed the whole inconsistent", () => {
    expect(withinStatus(1, 1.08, 0)).toBe("inconsistent"); // 90% + 18% of one market
    expect(withinStatus(42, 42.06, 0.05)).toBe("inconsistent");
  });
});

describe("the article's checks", () => {
  it("has nine checks, each declared once over figures that exist", () => {
    expect(CHECKS.map((c) => c.id)).toEqual([
      "write_down_share_check",
      "mindspore_growth_check",
      "china_gap_check",
      "h20_orders_vs_revenue_check",
      "inference_share_check",
      "equipment_within_total_check",
      "itu_shares_2020_check",
      "itu_shares_2025_check",
      "us_experts_check",
    ]);
    expect(CHECK_DECLARATIONS.map((d) => d.id)).toEqual(CHECKS.map((c) => c.id));
    for (const c of CHECKS) {
      if (typeof c.stated === "string") expect(factById(c.stated) ?? derivedById(c.stated)).toBeDefined();
      expect(derivedById(c.derived)).toBeDefined();
      for (const id of idsOfCheck(c))
        expect([c.id, id, (factById(id) ?? derivedById(id)) !== undefined]).toEqual([c.id, id, true]);
    }
  });

  it("finds the 32% write-down share consistent after rounding: 5.5 ÷ 17.1 = 32.2%", () => {
    const e = check("write_down_share_check");
    expect(e.status).toBe("rounded");
    expect(e.statedValue).toBe(0.32);
    expect(e.derivedValue).toBeCloseTo(0.32164, 5); // 5.5 / 17.1
    expect(e.difference).toBeCloseTo(0.00164, 5); // 0.32164 - 0.32
    expect(e.tolerance).toBeCloseTo(0.005, 15);
    expect(e.explanation).toContain("32.2%");
    expect(e.explanation).toContain("32%");
    expect(e.explanation_zh).toContain("32.2%");
  });

  it("flags the 75% MindSpore growth as inconsistent with 0.8 m → 2.1 m (62.0% a year) and shows both", () => {
    const e = check("mindspore_growth_check");
    expect(e.status).toBe("inconsistent");
    expect(e.statedValue).toBe(0.75);
    expect(e.derivedValue).toBeCloseTo(0.62019, 5); // (2.1 / 0.8)^(1/2) - 1
    expect(e.difference).toBeCloseTo(-0.12981, 5); // 0.62019 - 0.75
    expect(e.explanation).toContain("62.0%");
    expect(e.explanation).toContain("75%");
    expect(e.explanation_zh).toContain("62.0%");
    expect(e.explanation_zh).toContain("75%");
  });

  it("declares the 20%-of-a-quarter gap not reproducible: none of the four readings comes within the tolerance", () => {
    const e = check("china_gap_check");
    expect(e.method).toBe("attempted_reproduction");
    expect(e.status).toBe("not_reproducible");
    expect(e.statedValue).toBe(0.2);
    expect(e.derivedValue).toBeCloseTo(0.13, 12); // the natural reading: China's share, quarter or year
    expect(e.attempts?.map((a) => a.id)).toEqual([
      "china_share_of_quarterly_revenue", // 13.0%, 7.0 points off
      "h20_prior_orders_share_of_quarterly_revenue", // 13.0% (4.267 / 32.885), 7.0 points off
      "h20_orders_share_of_global_revenue", // 12.2% (16 / 131.54)
      "h20_orders_share_of_quarterly_revenue", // 48.7% (16 / 32.885)
    ]);
    for (const a of e.attempts ?? []) expect(Math.abs(a.difference)).toBeGreaterThan(e.tolerance);
    expect(e.implied?.id).toBe("china_gap_implied_by_stated_share");
    expect(e.implied?.value).toBeCloseTo(6.58, 2); // 0.20 × 131.54 / 4
  });

  it("says none of the readings tried gives 20%, lists them, and sets the write-down aside as an inventory charge", () => {
    const e = check("china_gap_check");
    expect(e.explanation).toMatch(/^None of the readings tried gives the stated 20%/);
    expect(e.explanation).not.toMatch(/No combination/);
    for (const reading of ["Gap reading 1", "Gap reading 2", "Gap reading 3", "Gap reading 4"])
      expect(e.explanation).toContain(reading);
    expect(e.explanation).toContain("48.7%");
    expect(e.explanation).toContain("13.0%");
    expect(e.explanation).toContain("12.2%");
    expect(e.explanation).toMatch(
      /write-down, 16\.7% of a quarter, is no reading: it is an inventory charge, not lost revenue/,
    );
    expect(e.explanation).toContain("6.58 bn USD");
    expect(e.explanation_zh).toContain("6.58十亿美元"); // the tables' number and unit, not 65.8亿美元
    expect(e.explanation_zh).toContain("缺口解读四");
  });

  it("sets the Q1 2025 H20 orders beside the 2024 revenue as different bases, with the arithmetic", () => {
    const e = check("h20_orders_vs_revenue_check");
    expect(e.status).toBe("different_bases");
    expect(e.statedValue).toBeCloseTo(4.275, 12); // 17.1 / 4, an average 2024 China quarter
    expect(e.derivedValue).toBeCloseTo(4.2667, 4); // 16 / (1 + 275%), the orders a year earlier
    expect(e.explanation).toContain("93.6%"); // 16 / 17.1
    expect(e.explanation).toContain("4.267 bn USD");
    expect(e.explanation).toContain("4.275 bn USD");
    expect(e.explanation).toMatch(/different bases/);
    expect(e.explanation_zh).toMatch(/口径不同/);
  });

  it("sets H20's >90% of inference beside domestic chips' 18% of AI chips as different markets", () => {
    const e = check("inference_share_check");
    expect(e.status).toBe("different_bases");
    expect(e.statedValue).toBe(1); // one market's 100%
    expect(e.derivedValue).toBeCloseTo(1.08, 12); // 0.90 + 0.18
    expect(e.explanation).toContain("108.0%");
    expect(e.explanation).toMatch(/different markets/);
    expect(e.explanation_zh).toMatch(/不同市场/);
  });

  it("fits 2024's US equipment exports and domestic purchases within the total: 3.1 + 15.96 = 19.06 of 42", () => {
    const e = check("equipment_within_total_check");
    expect(e.method).toBe("within");
    expect(e.status).toBe("consistent");
    expect(e.statedValue).toBe(42);
    expect(e.derivedValue).toBeCloseTo(19.06, 10); // 3.1 + 42 × 0.38
    expect(e.explanation).toContain("19.06 bn USD");
    expect(e.explanation).toContain("22.94 bn USD"); // 42 − 19.06 from elsewhere
  });

  it("keeps China's and the US share of ITU proposals within 100%: 60% in 2020, 72% in 2025", () => {
    expect([check("itu_shares_2020_check").status, check("itu_shares_2020_check").derivedValue]).toEqual([
      "consistent",
      expect.closeTo(0.6, 10), // 0.15 + 0.45
    ]);
    expect([check("itu_shares_2025_check").status, check("itu_shares_2025_check").derivedValue]).toEqual([
      "consistent",
      expect.closeTo(0.72, 10), // 0.34 + 0.38
    ]);
    expect(check("itu_shares_2025_check").explanation).toContain("28.0%"); // 1 − 0.72 for everyone else
  });

  it("finds 327 experts up 89% a whole 173 in 2022: 173 → 327 is +89.0%, the 89% rounded", () => {
    const e = check("us_experts_check");
    expect(e.status).toBe("rounded");
    expect(e.derivedValue).toBeCloseTo(0.890173, 6); // 327 / 173 − 1
    expect(e.explanation).toContain("173.02"); // 327 / 1.89
    expect(e.explanation).toContain("173 → 327");
  });

  it("answers inconsistent when the parts exceed the whole, and different bases whatever the numbers", () => {
    expect(evaluateCheck({ ...declaration("itu_shares_2025_check"), stated: 0.5 }).status).toBe("inconsistent");
    expect(evaluateCheck({ ...declaration("h20_orders_vs_revenue_check"), stated: "china_revenue_2024" }).status).toBe(
      "different_bases",
    );
  });

  it("lets an attempt that does reproduce the figure overrule the declaration", () => {
    const e = evaluateCheck({
      ...declaration("china_gap_check"),
      attempts: ["h20_orders_share_of_quarterly_revenue", "china_share_of_quarterly_revenue"],
      stated: "china_revenue_share_2024",
    });
    expect(e.status).toBe("consistent"); // 13% is China's quarter share, exactly
    expect(e.derived).toBe("china_share_of_quarterly_revenue");
  });

  it("evaluates each check once, when the module loads: CHECKS are the declarations evaluated", () => {
    for (const d of CHECK_DECLARATIONS) {
      const c = check(d.id);
      expect(evaluateCheck(d)).toEqual(c);
      if (typeof d.stated === "string" && factById(d.stated) && d.tolerance === undefined)
        expect(c.tolerance).toBe(halfUnit(factById(d.stated)!.statedDecimals));
    }
  });

  it("explains every check in one line of English and one of Chinese", () => {
    for (const c of CHECKS) {
      expect(c.explanation).not.toMatch(/\n/);
      expect(c.explanation).not.toMatch(/[\u3400-\u9fff]/);
      expect(c.explanation_zh).toMatch(/[\u3400-\u9fff]/);
      expect(c.explanation_zh).not.toMatch(/\n/);
    }
  });

  it("evaluates a recompute check against the same value derivedValue answers", () => {
    expect(check("write_down_share_check").derivedValue).toBe(derivedValue("write_down_share_of_china_revenue"));
  });

  it("refuses a check on an unknown id", () => {
    expect(() => evaluateCheck({ ...declaration("write_down_share_check"), derived: "no_such_figure" })).toThrow(
      /unknown/,
    );
  });
});

describe("explanations written when first read", () => {
  it("a check copied, spread or sent as JSON carries both explanations, the same text each time", () => {
    const d = declaration("write_down_share_check");
    const c = evaluateCheck(d);
    const copy = JSON.parse(JSON.stringify(c)) as ConsistencyCheck;
    const spread = { ...c };
    expect(Object.keys(c)).toEqual(expect.arrayContaining(["explanation", "explanation_zh"]));
    // 5.5 ÷ 17.1 = 0.3216…, the article's 32%: the explanation quotes both figures
    expect(copy.explanation).toMatch(/5\.5/);
    expect(copy.explanation).toMatch(/17\.1/);
    expect(copy.explanation_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(spread.explanation).toBe(c.explanation);
    expect(c.explanation_zh).toBe(copy.explanation_zh);
    expect(c.explanation).toBe(check("write_down_share_check").explanation);
  });
});
