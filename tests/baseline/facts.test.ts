import { round } from "mathjs/number";
import {
  ARTICLE,
  FACTS,
  PERIODS,
  SECTIONS,
  factById,
  factCountBySection,
  sourceOf,
  type Fact,
  type SectionId,
} from "../../src/baseline";

const UNITS = [
  "USD bn",
  "USD tn",
  "USD m",
  "CNY 100m",
  "%",
  "x",
  "count",
  "m people",
  "nm",
  "N (nines)",
  "year",
  "years",
  "date",
];
const KINDS = ["observed", "estimate", "forecast", "target", "plan", "milestone"];
const QUALIFIERS = ["exact", "over", "about", "at_least", "up_to"];
const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const CJK = /[\u3400-\u9fff]/;

/** Every figure of the article, section by section, in reading order. */
const EXPECTED: Record<SectionId, string[]> = {
  licence_requirement: [
    "licence_requirement_date", // 2025-04-09
    "us_high_end_chip_ban_year", // 2022
    "h20_vs_h100_performance_low", // 15%
    "h20_vs_h100_performance_high", // 20%
    "h20_inference_vs_a100", // 约 80%
    "h20_china_llm_inference_share", // 90% 以上
    "h20_china_orders_2025q1", // 160亿美元 (restated in the revenue paragraph)
    "share_price_fall_one_day", // 6%
    "h20_inventory_write_down", // 55亿美元
    "write_down_share_of_china_revenue_stated", // 32%
  ],
  china_revenue: [
    "china_revenue_2023", // 103亿美元
    "china_revenue_2024", // 171亿美元
    "china_revenue_share_2024", // 13%
    "h20_orders_growth_2025q1", // 275%
    "china_gap_share_of_quarterly_revenue", // 20%
  ],
  substitution: [
    "ascend_910b_vs_h20_performance", // 85%
    "ascend_910b_price_discount_vs_h20", // 30%
    "domestic_ai_chip_share_2024", // 18%
  ],
  market_reaction: [
    "market_value_peak_2025", // 3.3万亿美元
    "market_value_after_fall", // 2.47万亿美元
    "qualcomm_huawei_cutoff_year", // 2019
  ],
  us_dilemma: [
    "us_chip_sales_to_china_2024", // 超500亿美元
    "china_share_global_chip_consumption", // 42%
  ],
  china_response: [
    "new_infrastructure_ai_chip_funding_2025", // 3000亿元
    "ascend_ecosystem_partners", // 超500家
    "cas_photonic_chip_prototype_nm", // 3nm, 2024
  ],
  decoupling_cost: [
    "decoupling_global_chip_industry_loss", // 1.2万亿美元
    "decoupling_us_market_share_loss", // 18%
    "nvda_non_cuda_ecosystem_cost", // 50亿美元
  ],
  software_ecosystem: [
    "cuda_registered_developers", // 超400万
    "china_llm_firms_cuda_dependence", // 90%
    "mindspore_developers_2023", // 80万
    "mindspore_developers_2025", // 210万
    "paddlepaddle_share_2022", // 12%
    "paddlepaddle_share_2025", // 27%
  ],
  standards: [
    "itu_ai_standard_share_china_2020", // 15%
    "itu_ai_standard_share_china_2025", // 34%
    "itu_ai_standard_share_us_2020", // 45%
    "itu_ai_standard_share_us_2025", // 38%
    "icc_tech_spec_v2_deadline", // 2026年前 (the 2.0 of its title is in its label, not a fact)
  ],
  equipment_materials: [
    "us_equipment_exports_china_2021", // 122亿美元
    "us_equipment_exports_china_2024", // 31亿美元
    "china_equipment_purchases_2024", // 420亿美元
    "china_equipment_localisation_2021", // 17%
    "china_equipment_localisation_2024", // 38%
    "smee_28nm_lithography_delivered", // 28nm
    "smee_14nm_breakthrough_plan_2025", // 14nm, 2025
  ],
  talent: [
    "us_experts_joined_china_2024", // 327
    "us_experts_growth_vs_2022", // 89%
    "smic_overseas_rd_share_2020", // 23%
    "smic_overseas_rd_share_2025", // 41%
  ],
  scenarios: [
    "china_ai_framework_standard_deadline", // 2026年前
    "vietnam_packaging_plant_investment", // 2.5亿美元
  ],
  china_outlook: [
    "china_ai_compute_cost_rise", // 30%
    "domestic_chip_catch_up_years", // 3年内
    "ai_chip_self_sufficiency_2027", // 或超40%
    "supply_chain_security_fund", // 1000亿元
  ],
  policy_recommendations: [
    "semiconductor_resilience_fund", // 3000亿元
    "photoresist_localisation_target_2026", // 80%
    "high_purity_silicon_target", // 12N
    "amat_etcher_suspension_threshold_nm", // 28nm以上
    "smee_14nm_mass_production_target", // 14nm
    "digital_silk_road_supercomputing_centres", // 5个, 2026年前
    "ascend_cuda_api_compatibility_target_2025", // 90%
    "domestic_chip_share_vertical_target", // 60%, 三年内
    "hengqin_ip_opening_share", // 20%
    "talent_attraction_target_2027", // 5000名
  ],
  future_trends: [
    "silicon_photonic_dual_track_year", // 2026
    "mindspore_developer_growth_stated", // 75%
    "mindspore_cuda_functional_coverage_year", // 2027
  ],
  conclusion: [
    "full_process_14nm_target", // 14nm, 5年内
    "domestic_ai_framework_developers_target", // 超千万
    "international_ai_standards_share_target", // 至少30%
  ],
};

/** The number of facts per section, as read from the article. */
const COUNTS: Record<SectionId, number> = {
  licence_requirement: 10,
  china_revenue: 5,
  substitution: 3,
  market_reaction: 3,
  us_dilemma: 2,
  china_response: 3,
  decoupling_cost: 3,
  software_ecosystem: 6,
  standards: 5,
  equipment_materials: 7,
  talent: 4,
  scenarios: 2,
  china_outlook: 4,
  policy_recommendations: 10,
  future_trends: 3,
  conclusion: 3,
};

const fact = (id: string): Fact => {
  const f = factById(id);
  if (!f) throw new Error(`no fact ${id}`);
  return f;
};

describe("facts: identity", () => {
  it("gives every fact a unique snake_case id", () => {
    const ids = FACTS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(SNAKE);
  });

  it("uses only known units, kinds, qualifiers and sections", () => {
    const sections = new Set(SECTIONS.map((s) => s.id));
    for (const f of FACTS) {
      expect(UNITS).toContain(f.unit);
      expect(KINDS).toContain(f.kind);
      expect(QUALIFIERS).toContain(f.qualifier);
      expect(sections.has(f.section)).toBe(true);
    }
  });

  it("labels every fact in English and Chinese, with an entity, a period and a locator in our own words", () => {
    for (const f of FACTS) {
      expect(f.label.trim()).not.toBe("");
      expect(f.label).not.toMatch(CJK);
      expect(f.label_zh).toMatch(CJK);
      expect(f.entity.trim()).not.toBe("");
      expect(PERIODS[f.period].zh).toMatch(CJK);
      expect(f.locator.length).toBeGreaterThan(10);
      expect(f.locator).not.toMatch(CJK); // a description, never a quotation
      expect(f.locator_zh).toMatch(CJK);
      for (const r of f.restated ?? [])
        expect([r.locator, r.locator_zh]).toEqual([expect.any(String), expect.stringMatching(CJK)]);
      if (f.note !== undefined || f.note_zh !== undefined)
        expect([f.id, f.note_zh]).toEqual([f.id, expect.stringMatching(CJK)]);
    }
  });

  it("places every fact in a paragraph of its section, which a reader counts in the stored text", () => {
    for (const f of FACTS) {
      const s = SECTIONS.find((x) => x.id === f.section)!;
      expect([f.id, s.paragraphs.includes(f.paragraph)]).toEqual([f.id, true]);
      expect(f.paragraph).toBeGreaterThanOrEqual(1);
      expect(f.paragraph).toBeLessThanOrEqual(ARTICLE.paragraphs);
    }
    // the revenue figures stand in paragraph 2; the policy package spans paragraphs 12 and 13
    expect(fact("china_revenue_2024").paragraph).toBe(2);
    expect(fact("semiconductor_resilience_fund").paragraph).toBe(12);
    expect(fact("hengqin_ip_opening_share").paragraph).toBe(13);
  });

  it("says where a fact stands as paragraph, section and place, in both languages", () => {
    expect(sourceOf(fact("china_revenue_2024"))).toBe(
      "Paragraph 2 (NVIDIA's China revenue), first sentence: the year the revenue jumped to",
    );
    expect(sourceOf(fact("china_revenue_2024"), "zh")).toBe("第2段（英伟达中国区营收）第一句：营收跃升后的年份");
    expect(sourceOf(fact("china_equipment_purchases_2024"), "zh")).toMatch(/^第9段（设备与材料）.*——引用.*SEMI/);
    // the Q1 orders are stated in paragraph 1 and again, with their growth, in the second sentence of paragraph 2
    expect(sourceOf(fact("h20_china_orders_2025q1"))).toMatch(
      /^Paragraph 1 .*fourth sentence.*; stated again in Paragraph 2 .*second sentence/,
    );
  });

  it("looks facts up by id and answers undefined for an unknown id", () => {
    expect(factById("china_revenue_2024")?.value).toBe(17.1);
    expect(factById("no_such_fact")).toBeUndefined();
  });
});

describe("facts: coverage of the article, section by section", () => {
  it("holds 73 facts in all (the audit dropped the edition number 2.0, which is a title, not a quantity)", () => {
    expect(FACTS).toHaveLength(73);
    expect(Object.values(COUNTS).reduce((a, b) => a + b, 0)).toBe(73);
    expect(factById("icc_tech_spec_version")).toBeUndefined();
    expect(fact("icc_tech_spec_v2_deadline").label).toMatch(/specification 2\.0/);
  });

  it("counts the facts of each section as read from the article", () => {
    const counts = factCountBySection();
    for (const s of SECTIONS) expect([s.id, counts[s.id] ?? 0]).toEqual([s.id, COUNTS[s.id]]);
  });

  it("holds exactly the expected facts in each section, in reading order", () => {
    for (const s of SECTIONS) {
      expect([s.id, FACTS.filter((f) => f.section === s.id).map((f) => f.id)]).toEqual([s.id, EXPECTED[s.id]]);
    }
  });

  it("lists the sections in article order", () => {
    expect(SECTIONS.map((s) => s.order)).toEqual(SECTIONS.map((_, i) => i + 1));
    const order = new Map(SECTIONS.map((s) => [s.id, s.order]));
    const seq = FACTS.map((f) => order.get(f.section) ?? 0);
    expect([...seq].sort((a, b) => a - b)).toEqual(seq);
  });

  it("writes one figure once: the Q1 H20 orders are one fact, restated in the revenue paragraph", () => {
    expect(FACTS.filter((f) => f.value === 16 && f.unit === "USD bn")).toHaveLength(1);
    expect(fact("h20_china_orders_2025q1").restated?.map((r) => r.section)).toEqual(["china_revenue"]);
  });

  it("keeps the two 3000亿元 funds apart: the 2025 plan and the proposed resilience fund", () => {
    expect(fact("new_infrastructure_ai_chip_funding_2025")).toMatchObject({
      value: 3000,
      unit: "CNY 100m",
      kind: "plan",
    });
    expect(fact("new_infrastructure_ai_chip_funding_2025").proposed).toBeUndefined();
    expect(fact("semiconductor_resilience_fund")).toMatchObject({ value: 3000, unit: "CNY 100m", proposed: true });
  });
});

describe("facts: values in our units", () => {
  it("writes ratios as fractions and money in its unit", () => {
    expect(fact("write_down_share_of_china_revenue_stated").value).toBe(0.32);
    expect(fact("h20_orders_growth_2025q1").value).toBe(2.75); // 275%
    expect(fact("market_value_after_fall")).toMatchObject({ value: 2.47, unit: "USD tn" });
    expect(fact("vietnam_packaging_plant_investment")).toMatchObject({ value: 250, unit: "USD m" }); // 2.5亿美元
    expect(fact("supply_chain_security_fund")).toMatchObject({ value: 1000, unit: "CNY 100m" }); // 1000亿元
    expect(fact("mindspore_developers_2023")).toMatchObject({ value: 0.8, unit: "m people" }); // 80万
    expect(fact("domestic_ai_framework_developers_target")).toMatchObject({ value: 10, unit: "m people" }); // 千万
    expect(fact("high_purity_silicon_target")).toMatchObject({ value: 12, unit: "N (nines)" });
  });

  it("keeps every share between 0 and 1, except growth rates", () => {
    for (const f of FACTS.filter((x) => x.unit === "%" && x.id !== "h20_orders_growth_2025q1")) {
      expect([f.id, f.value > 0 && f.value <= 1]).toEqual([f.id, true]);
    }
  });

  it("stores each value at no more precision than the article states", () => {
    for (const f of FACTS) {
      expect(Number.isInteger(f.statedDecimals)).toBe(true);
      const step = Math.pow(10, -f.statedDecimals); // 0.01 for 2 decimals, 10 for −1
      const stored = f.statedDecimals >= 0 ? round(f.value, f.statedDecimals) : Math.round(f.value / step) * step;
      expect([f.id, stored]).toEqual([f.id, f.value]);
    }
  });

  it("states 2.5亿美元 and 超千万 to the nearest ten million, as the article writes them", () => {
    expect(fact("vietnam_packaging_plant_investment")).toMatchObject({ value: 250, unit: "USD m", statedDecimals: -1 });
    expect(fact("domestic_ai_framework_developers_target")).toMatchObject({
      value: 10,
      unit: "m people",
      statedDecimals: -1,
    });
  });

  it("writes the licence requirement of 2025-04-09 as Excel serial 45756", () => {
    const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
    expect(serial("2025-04-09")).toBe(45756);
    for (const f of FACTS.filter((x) => x.unit === "date")) expect([f.id, f.value]).toEqual([f.id, serial(f.period)]);
    expect(fact("licence_requirement_date")).toMatchObject({ value: 45756, kind: "milestone" });
  });

  it("gives a year that is the figure itself the unit year, as a whole year", () => {
    const years = FACTS.filter((f) => f.unit === "year");
    expect(years.map((f) => f.id).sort()).toEqual(
      [
        "us_high_end_chip_ban_year",
        "qualcomm_huawei_cutoff_year",
        "icc_tech_spec_v2_deadline",
        "china_ai_framework_standard_deadline",
        "silicon_photonic_dual_track_year",
        "mindspore_cuda_functional_coverage_year",
      ].sort(),
    );
    for (const f of years) expect(Number.isInteger(f.value) && f.value >= 2019 && f.value <= 2027).toBe(true);
  });
});

describe("facts: ranges, qualifiers and kinds", () => {
  it("keeps H20 at 15–20% of H100 as a range: a low and a high end sharing one group", () => {
    const ends = FACTS.filter((f) => f.range?.group === "h20_vs_h100_performance");
    expect(ends.map((f) => [f.range?.end, f.value])).toEqual([
      ["low", 0.15],
      ["high", 0.2],
    ]);
  });

  it("gives every range group exactly one low end below one high end", () => {
    const groups = new Map<string, Fact[]>();
    for (const f of FACTS) if (f.range) groups.set(f.range.group, [...(groups.get(f.range.group) ?? []), f]);
    for (const [, fs] of groups) {
      const low = fs.filter((f) => f.range?.end === "low");
      const high = fs.filter((f) => f.range?.end === "high");
      expect([low.length, high.length]).toEqual([1, 1]);
      expect(low[0].value).toBeLessThan(high[0].value);
      expect(low[0].unit).toBe(high[0].unit);
    }
  });

  it("records how the article bounds a figure: over, about, at least, within", () => {
    expect(fact("h20_china_llm_inference_share").qualifier).toBe("over"); // 90%以上
    expect(fact("h20_inference_vs_a100").qualifier).toBe("about"); // 约等于
    expect(fact("us_chip_sales_to_china_2024").qualifier).toBe("over"); // 超500亿
    expect(fact("ai_chip_self_sufficiency_2027").qualifier).toBe("over"); // 或超40%
    expect(fact("international_ai_standards_share_target").qualifier).toBe("at_least"); // 至少30%
    expect(fact("domestic_chip_catch_up_years").qualifier).toBe("up_to"); // 3年内
  });

  it("never marks a figure about 2026 or later as an observation: it is a target, plan or forecast", () => {
    for (const f of FACTS) {
      const years = (f.period.match(/20\d\d/g) ?? []).map(Number);
      const future = years.some((y) => y >= 2026) || (f.unit === "year" && f.value >= 2026);
      if (future) expect([f.id, ["target", "plan", "forecast"].includes(f.kind)]).toEqual([f.id, true]);
    }
    expect(fact("ai_chip_self_sufficiency_2027").kind).toBe("forecast");
    expect(fact("talent_attraction_target_2027").kind).toBe("target");
    expect(fact("photoresist_localisation_target_2026").kind).toBe("target");
  });

  it("marks the dated milestones as milestones", () => {
    for (const id of [
      "licence_requirement_date",
      "us_high_end_chip_ban_year",
      "qualcomm_huawei_cutoff_year",
      "cas_photonic_chip_prototype_nm",
      "smee_28nm_lithography_delivered",
    ]) {
      expect([id, fact(id).kind]).toEqual([id, "milestone"]);
    }
    expect(fact("icc_tech_spec_v2_deadline")).toMatchObject({ value: 2026, unit: "year", kind: "plan" });
  });

  it("flags the article's own recommendations as proposed, and only those", () => {
    const proposed = FACTS.filter((f) => f.proposed).map((f) => f.section);
    expect(new Set(proposed)).toEqual(new Set(["china_outlook", "policy_recommendations", "conclusion"]));
    for (const f of FACTS.filter((x) => x.section === "policy_recommendations" || x.section === "conclusion")) {
      expect([f.id, f.proposed]).toEqual([f.id, true]);
    }
  });

  it("marks the 2025 figures of a spring-2025 article as estimates, with a note", () => {
    for (const id of [
      "itu_ai_standard_share_china_2025",
      "itu_ai_standard_share_us_2025",
      "smic_overseas_rd_share_2025",
      "paddlepaddle_share_2025",
      "mindspore_developers_2025",
    ]) {
      expect([id, fact(id).kind, fact(id).note]).toEqual([id, "estimate", expect.stringMatching(/spring 2025/)]);
    }
  });

  it("records the audit's readings in labels, periods and notes, values unchanged", () => {
    expect(fact("nvda_non_cuda_ecosystem_cost")).toMatchObject({ value: 5, period: "undated, if NVIDIA exits China" });
    expect(fact("china_equipment_purchases_2024")).toMatchObject({
      value: 42,
      period: "2024 (reading of 'same span')",
    });
    expect(fact("china_equipment_purchases_2024").note).toMatch(/same span/);
    expect(fact("decoupling_us_market_share_loss").label).toMatch(/points or a relative loss/);
    expect(fact("hengqin_ip_opening_share").label).toMatch(/to the Chinese side/);
    expect(fact("china_revenue_2024").note).toMatch(/fiscal 2025/);
  });

  it("names the outside source where the article cites one", () => {
    expect(fact("decoupling_global_chip_industry_loss").attribution).toBe("Boston Consulting Group");
    expect(fact("china_equipment_purchases_2024").attribution).toBe("SEMI");
    expect(fact("itu_ai_standard_share_us_2025").attribution).toBe("ITU");
  });
});
