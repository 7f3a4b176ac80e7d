import {
  CHECKS,
  EXACT_RELATIVE,
  checkById,
  checkStatus,
  derivedById,
  derivedValue,
  evaluateCheck,
  factById,
  halfUnit,
  idsOfCheck,
  type ConsistencyCheck,
} from "../../src/baseline";

const check = (id: string): ConsistencyCheck => {
  const c = checkById(id);
  if (!c) throw new Error(`no check ${id}`);
  return c;
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

describe("the article's checks", () => {
  it("has the three checks, each on a stated fact and a derived figure", () => {
    expect(CHECKS.map((c) => c.id)).toEqual(["write_down_share_check", "mindspore_growth_check", "china_gap_check"]);
    for (const c of CHECKS) {
      expect(factById(c.stated)).toBeDefined();
      expect(derivedById(c.derived)).toBeDefined();
      for (const id of idsOfCheck(c)) expect(factById(id) ?? derivedById(id)).toBeDefined();
    }
  });

  it("finds the 32% write-down share consistent after rounding: 5.5 ÷ 17.1 = 32.2%", () => {
    const e = evaluateCheck(check("write_down_share_check"));
    expect(e.status).toBe("rounded");
    expect(e.stated).toBe(0.32);
    expect(e.derived).toBeCloseTo(0.32164, 5); // 5.5 / 17.1
    expect(e.difference).toBeCloseTo(0.00164, 5); // 0.32164 - 0.32
    expect(e.tolerance).toBeCloseTo(0.005, 15);
    expect(e.explanation).toContain("32.2%");
    expect(e.explanation).toContain("32%");
    expect(e.explanation_zh).toContain("32.2%");
  });

  it("flags the 75% MindSpore growth as inconsistent with 0.8 m → 2.1 m (62.0% a year) and shows both", () => {
    const e = evaluateCheck(check("mindspore_growth_check"));
    expect(e.status).toBe("inconsistent");
    expect(e.stated).toBe(0.75);
    expect(e.derived).toBeCloseTo(0.62019, 5); // (2.1 / 0.8)^(1/2) - 1
    expect(e.difference).toBeCloseTo(-0.12981, 5); // 0.62019 - 0.75
    expect(e.explanation).toContain("62.0%");
    expect(e.explanation).toContain("75%");
    expect(e.explanation_zh).toContain("62.0%");
    expect(e.explanation_zh).toContain("75%");
  });

  it("declares the 20%-of-a-quarter gap not reproducible: no reading of the figures comes within the tolerance", () => {
    const c = check("china_gap_check");
    expect(c.method).toBe("attempted_reproduction");
    const e = evaluateCheck(c);
    expect(e.status).toBe("not_reproducible");
    expect(e.stated).toBe(0.2);
    expect(e.derived).toBeCloseTo(0.13, 12); // the natural reading: China's share, quarter or year
    expect(e.attempts?.map((a) => a.id)).toEqual([
      "write_down_share_of_quarterly_revenue", // 16.7%, the closest
      "china_share_of_quarterly_revenue", // 13.0%
      "h20_prior_orders_share_of_quarterly_revenue", // 13.0%
      "h20_orders_share_of_global_revenue", // 12.2%
      "h20_orders_share_of_quarterly_revenue", // 48.7%
    ]);
    for (const a of e.attempts ?? []) expect(Math.abs(a.difference)).toBeGreaterThan(e.tolerance);
    expect(e.implied?.id).toBe("china_gap_implied_by_stated_share");
    expect(e.implied?.value).toBeCloseTo(6.58, 2); // 0.20 × 131.54 / 4
  });

  it("says what the 20% would imply and that nothing reproduces it, in both languages", () => {
    const e = evaluateCheck(check("china_gap_check"));
    expect(e.explanation).toContain("6.58 bn USD");
    expect(e.explanation).toContain("48.7%");
    expect(e.explanation).toContain("13.0%");
    expect(e.explanation).toMatch(/No combination/);
    expect(e.explanation_zh).toContain("65.8亿美元");
  });

  it("lets an attempt that does reproduce the figure overrule the declaration", () => {
    const e = evaluateCheck({
      ...check("china_gap_check"),
      attempts: ["h20_orders_share_of_quarterly_revenue", "china_share_of_quarterly_revenue"],
      stated: "china_revenue_share_2024",
    });
    expect(e.status).toBe("consistent"); // 13% is China's quarter share, exactly
  });

  it("computes each status when the module loads: the CHECKS entries agree with evaluateCheck", () => {
    for (const c of CHECKS) {
      const e = evaluateCheck(c);
      expect([c.id, c.status]).toEqual([c.id, e.status]);
      expect(c.explanation).toBe(e.explanation);
      expect(c.explanation_zh).toBe(e.explanation_zh);
      expect(c.tolerance).toBe(halfUnit(factById(c.stated)?.statedDecimals ?? NaN));
    }
  });

  it("explains every check in one line of English and one of Chinese", () => {
    for (const c of CHECKS) {
      expect(c.explanation).not.toMatch(/\n/);
      expect(c.explanation_zh).toMatch(/[\u3400-\u9fff]/);
      expect(c.explanation_zh).not.toMatch(/\n/);
    }
  });

  it("evaluates a recompute check against the same value derivedValue answers", () => {
    const e = evaluateCheck(check("write_down_share_check"));
    expect(e.derived).toBe(derivedValue("write_down_share_of_china_revenue"));
  });

  it("refuses a check on an unknown id", () => {
    expect(() => evaluateCheck({ ...check("write_down_share_check"), derived: "no_such_figure" })).toThrow(/unknown/);
  });
});
