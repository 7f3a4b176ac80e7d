import { DERIVATION_OPS, isExposureError, operandIds, operandNames } from "../../src/model";
import { DERIVED, FACTS, derivedById, derivedValue, factById } from "../../src/baseline";

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

/** ids given a golden value below (the last test checks none is missing) */
const golden = new Set<string>();

const num = (id: string): number => {
  golden.add(id);
  const v = derivedValue(id);
  if (typeof v !== "number") throw new Error(`${id}: ${String(v)}`);
  return v;
};

describe("derived figures: declarations", () => {
  it("gives every derived figure a unique snake_case id that no fact uses", () => {
    const ids = DERIVED.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(SNAKE);
      expect(factById(id)).toBeUndefined();
    }
  });

  it("declares each with a known operation and the right number of operands", () => {
    for (const d of DERIVED) {
      expect(DERIVATION_OPS).toContain(d.derivation.op);
      expect([d.id, d.derivation.args.length]).toEqual([d.id, operandNames(d.derivation.op).length]);
    }
  });

  it("resolves every id a derivation reads, to a fact or an earlier derived figure", () => {
    const facts = new Set(FACTS.map((f) => f.id));
    const seen = new Set<string>();
    for (const d of DERIVED) {
      for (const id of operandIds(d.derivation))
        expect([d.id, id, facts.has(id) || seen.has(id)]).toEqual([d.id, id, true]);
      seen.add(d.id);
    }
  });

  it("evaluates every derivation to a finite number", () => {
    for (const d of DERIVED) {
      const v = derivedValue(d.id);
      expect([d.id, typeof v === "number" && Number.isFinite(v)]).toEqual([d.id, true]);
    }
  });

  it("labels every derived figure in both languages, with a unit and a period", () => {
    for (const d of DERIVED) {
      expect(d.label.trim()).not.toBe("");
      expect(d.label_zh).toMatch(/[\u3400-\u9fff]/);
      expect(d.period.trim()).not.toBe("");
      expect(d.unit).toBeTruthy();
    }
  });

  it("answers #N/A for an unknown derived id, and memoises a known one", () => {
    const v = derivedValue("no_such_figure");
    expect(isExposureError(v) && v.kind).toBe("#N/A");
    expect(derivedById("no_such_figure")).toBeUndefined();
    expect(derivedValue("implied_global_revenue_2024")).toBe(derivedValue("implied_global_revenue_2024"));
  });
});

describe("derived figures: the audit's labels and periods", () => {
  it("labels the write-down against a quarter as a comparison, not a reading of the gap", () => {
    const d = derivedById("write_down_share_of_quarterly_revenue")!;
    expect(d.label).toMatch(/^For comparison, not a gap reading \(an inventory charge, not lost revenue\)/);
    const readings = DERIVED.filter((x) => /^Gap reading \d/.test(x.label)).map((x) => x.label.slice(0, 13));
    expect(readings).toEqual(["Gap reading 1", "Gap reading 2", "Gap reading 3", "Gap reading 4"]);
  });

  it("dates the non-CUDA cost share as an undated exit cost, and the equipment shares as a reading of 同期", () => {
    expect(derivedById("non_cuda_cost_share_of_china_revenue")!.period).toBe("undated exit cost vs 2024 revenue");
    for (const id of ["us_equipment_share_of_china_purchases_2024", "domestic_equipment_purchases_2024"])
      expect(derivedById(id)!.period).toBe("2024 (reading of 'same span')");
  });
});

describe("derived figures: golden values", () => {
  it("recomputes NVIDIA's China revenue exposure", () => {
    expect(num("china_revenue_growth_2024")).toBeCloseTo(0.66019, 5); // 17.1 / 10.3 - 1
    expect(num("china_revenue_increase_2024")).toBeCloseTo(6.8, 10); // 17.1 - 10.3
    expect(num("implied_global_revenue_2024")).toBeCloseTo(131.54, 2); // 17.1 / 0.13
    expect(num("implied_quarterly_revenue_2024")).toBeCloseTo(32.885, 3); // 17.1 / 0.13 / 4
    expect(num("china_quarterly_revenue_2024")).toBeCloseTo(4.275, 10); // 17.1 / 4
    expect(num("write_down_share_of_china_revenue")).toBeCloseTo(0.32164, 5); // 5.5 / 17.1
  });

  it("recomputes the H20 orders against last year and against revenue", () => {
    expect(num("h20_orders_prior_year_q1")).toBeCloseTo(4.2667, 4); // 16 / (1 + 2.75)
    expect(num("h20_orders_increase_yoy")).toBeCloseTo(11.7333, 4); // 16 - 16 / 3.75
    expect(num("h20_orders_vs_china_revenue_2024")).toBeCloseTo(0.93567, 5); // 16 / 17.1
    expect(num("h20_orders_vs_china_quarterly_revenue")).toBeCloseTo(3.7427, 4); // 16 / (17.1 / 4)
  });

  it("tries every reading of the 20% gap, and prices the 20% itself", () => {
    expect(num("china_share_of_quarterly_revenue")).toBeCloseTo(0.13, 12); // (17.1 / 4) / (17.1 / 0.13 / 4)
    expect(num("h20_orders_share_of_quarterly_revenue")).toBeCloseTo(0.48655, 5); // 16 / 32.885
    expect(num("write_down_share_of_quarterly_revenue")).toBeCloseTo(0.16725, 5); // 5.5 / 32.885, for comparison only
    expect(num("h20_prior_orders_share_of_quarterly_revenue")).toBeCloseTo(0.12975, 5); // 4.2667 / 32.885
    expect(num("h20_orders_share_of_global_revenue")).toBeCloseTo(0.12164, 5); // 16 / 131.54
    expect(num("china_gap_implied_by_stated_share")).toBeCloseTo(6.5769, 4); // 0.20 × 131.54 / 4
  });

  it("recomputes the fall in market value", () => {
    expect(num("market_value_lost")).toBeCloseTo(0.83, 10); // 3.3 - 2.47
    expect(num("market_value_drawdown")).toBeCloseTo(0.25152, 5); // (3.3 - 2.47) / 3.3
  });

  it("recomputes compute substitution", () => {
    expect(num("ascend_910b_price_performance_vs_h20")).toBeCloseTo(1.21429, 5); // 0.85 / (1 - 0.30)
    expect(num("ascend_910b_vs_h100_low")).toBeCloseTo(0.1275, 10); // 0.85 × 0.15
    expect(num("ascend_910b_vs_h100_high")).toBeCloseTo(0.17, 10); // 0.85 × 0.20
    expect(num("h20_plus_domestic_share")).toBeCloseTo(1.08, 10); // 0.90 + 0.18, two different markets
  });

  it("recomputes the software ecosystems", () => {
    expect(num("mindspore_developer_cagr_2023_2025")).toBeCloseTo(0.62019, 5); // (2.1 / 0.8)^(1/2) - 1
    expect(num("mindspore_developers_2025_at_stated_growth")).toBeCloseTo(2.45, 10); // 0.8 × 1.75²
    expect(num("mindspore_developers_2027_at_stated_growth")).toBeCloseTo(6.43125, 10); // 2.1 × 1.75²
    expect(num("mindspore_developers_2027_at_observed_cagr")).toBeCloseTo(5.5125, 10); // 2.1 × (2.1 / 0.8)
    expect(num("mindspore_share_of_cuda_developers_2025")).toBeCloseTo(0.525, 10); // 2.1 / 4
    expect(num("paddlepaddle_share_change_points")).toBeCloseTo(15, 10); // (0.27 - 0.12) × 100 points
  });

  it("recomputes standards, equipment and talent", () => {
    expect(num("itu_china_share_change_points")).toBeCloseTo(19, 10); // (0.34 - 0.15) × 100
    expect(num("itu_us_share_change_points")).toBeCloseTo(-7, 10); // (0.38 - 0.45) × 100
    expect(num("itu_us_lead_2020_points")).toBeCloseTo(30, 10); // (0.45 - 0.15) × 100
    expect(num("itu_us_lead_2025_points")).toBeCloseTo(4, 10); // (0.38 - 0.34) × 100
    expect(num("us_equipment_exports_change")).toBeCloseTo(-0.7459, 5); // 3.1 / 12.2 - 1
    expect(num("us_equipment_share_of_china_purchases_2024")).toBeCloseTo(0.07381, 5); // 3.1 / 42
    expect(num("domestic_equipment_purchases_2024")).toBeCloseTo(15.96, 10); // 42 × 0.38
    expect(num("equipment_localisation_change_points")).toBeCloseTo(21, 10); // (0.38 - 0.17) × 100
    expect(num("us_experts_joined_2022_implied")).toBeCloseTo(173.016, 3); // 327 / 1.89
    expect(num("us_experts_increase_vs_2022")).toBeCloseTo(153.984, 3); // 327 - 327 / 1.89
    expect(num("smic_overseas_share_change_points")).toBeCloseTo(18, 10); // (0.41 - 0.23) × 100
    expect(num("itu_china_plus_us_share_2020")).toBeCloseTo(0.6, 10); // 0.15 + 0.45
    expect(num("itu_china_plus_us_share_2025")).toBeCloseTo(0.72, 10); // 0.34 + 0.38
    expect(num("equipment_us_plus_domestic_2024")).toBeCloseTo(19.06, 10); // 3.1 + 42 × 0.38
    expect(num("us_experts_joined_2022_whole")).toBe(173); // 327 / 1.89 = 173.016, to the whole person
    expect(num("us_experts_growth_from_whole_2022")).toBeCloseTo(0.890173, 6); // 327 / 173 - 1
  });

  it("recomputes the cost of decoupling", () => {
    expect(num("non_cuda_cost_share_of_china_revenue")).toBeCloseTo(0.2924, 4); // 5 / 17.1
  });

  it("has a golden value for every derived figure (runs after the tests above)", () => {
    expect(DERIVED.map((d) => d.id).filter((id) => !golden.has(id))).toEqual([]);
    expect(DERIVED).toHaveLength(45);
  });
});
