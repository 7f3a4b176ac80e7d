import { ExposureError } from "../../src/model";
import { CHECKS, FACTS, SCENARIOS, TABLES, baselineSpill, checksSpill, factField } from "../../src/baseline";

const isNA = (x: unknown) => x instanceof ExposureError && x.kind === "#N/A";

describe("factField (EXPOSURE.FACT)", () => {
  it("answers the value by default", () => {
    expect(factField("china_revenue_2024")).toBe(17.1);
    expect(factField("china_revenue_2024", "value")).toBe(17.1);
    expect(factField("licence_requirement_date")).toBe(45756);
  });

  it("answers each named field of a fact", () => {
    expect(factField("china_revenue_2024", "unit")).toBe("USD bn");
    expect(factField("china_revenue_2024", "period")).toBe("2024");
    expect(factField("china_revenue_2024", "label")).toBe("NVIDIA China revenue");
    expect(factField("china_revenue_2024", "label_zh")).toBe("英伟达中国区营收");
    expect(factField("china_revenue_2024", "entity")).toBe("NVIDIA");
    expect(factField("ai_chip_self_sufficiency_2027", "kind")).toBe("forecast");
    expect(factField("ai_chip_self_sufficiency_2027", "qualifier")).toBe("over");
    expect(factField("china_revenue_2024", "section")).toBe("china_revenue");
  });

  it("answers the source as paragraph, section and place, with the cited source", () => {
    expect(factField("china_revenue_2024", "source")).toBe(
      "Paragraph 2 (NVIDIA's China revenue), first sentence: the year the revenue jumped to",
    );
    expect(factField("china_equipment_purchases_2024", "source")).toMatch(
      /^Paragraph 9 \(Equipment and materials\), .* — cites SEMI$/,
    );
  });

  it("ignores case and surrounding spaces in ids and field names; an empty field means value", () => {
    expect(factField(" China_Revenue_2024 ", " UNIT ")).toBe("USD bn");
    expect(factField("china_revenue_2024", "")).toBe(17.1);
  });

  it("answers a derived figure's computed value, unit, kind and derivation", () => {
    expect(factField("implied_global_revenue_2024")).toBeCloseTo(131.54, 2); // 17.1 / 0.13
    expect(factField("implied_global_revenue_2024", "unit")).toBe("USD bn");
    expect(factField("implied_global_revenue_2024", "kind")).toBe("derived");
    expect(factField("implied_global_revenue_2024", "source")).toBe(
      "Derived: implied_total(china_revenue_2024, china_revenue_share_2024)",
    );
  });

  it("answers #N/A with a message for an unknown id", () => {
    const e = factField("china_revenue_2099");
    expect(isNA(e)).toBe(true);
    expect((e as ExposureError).message).toMatch(/unknown fact id "china_revenue_2099"/);
    expect(isNA(factField(""))).toBe(true);
  });

  it("answers #N/A with the list of fields for an unknown field", () => {
    const e = factField("china_revenue_2024", "colour");
    expect(isNA(e)).toBe(true);
    expect((e as ExposureError).message).toMatch(/unknown field "colour".*value, unit, period/);
  });

  it("answers #N/A for a field a derived figure does not have", () => {
    expect(isNA(factField("implied_global_revenue_2024", "locator"))).toBe(true);
  });

  it("answers every field of every fact without error", () => {
    for (const f of FACTS) {
      for (const field of ["value", "unit", "period", "label", "label_zh", "source", "entity", "kind"]) {
        expect(factField(f.id, field)).not.toBeInstanceOf(ExposureError);
      }
    }
  });
});

describe("baselineSpill (EXPOSURE.BASELINE)", () => {
  it("lists the table ids and titles under a header row when no id is given, scenarios last", () => {
    const s = baselineSpill();
    if (s instanceof ExposureError) throw s;
    expect(s[0]).toEqual(["id", "title"]);
    expect(s.slice(1).map((r) => r[0])).toEqual([...TABLES.map((t) => t.id), "scenarios"]);
    expect(s[1]).toEqual(["china_revenue", "NVIDIA's China revenue exposure"]);
    expect(baselineSpill("")).toEqual(s);
    expect(baselineSpill("  ")).toEqual(s);
  });

  it("spills a table: the header row, then label, value, unit, period, check for each row", () => {
    const s = baselineSpill("market_reaction");
    if (s instanceof ExposureError) throw s;
    expect(s[0]).toEqual(["label", "value", "unit", "period", "check"]);
    expect(s).toHaveLength(1 + (TABLES.find((t) => t.id === "market_reaction")?.rows.length ?? 0));
    expect(s[1]).toEqual(["One-day fall in NVIDIA's share price", 0.06, "%", "2025-04", ""]);
    const lost = s.find((r) => r[0] === "Market value lost from the 2025 peak");
    expect(lost?.[1]).toBeCloseTo(0.83, 10); // 3.3 - 2.47
    expect(lost?.[2]).toBe("USD tn");
  });

  it("shows in the check column the status of the check that reads a row", () => {
    const s = baselineSpill("china_revenue");
    if (s instanceof ExposureError) throw s;
    const status = (label: string) => s.find((r) => r[0] === label)?.[4];
    expect(status("Write-down as a share of 2024 China revenue (as stated)")).toBe("rounded");
    expect(status("Write-down as a share of 2024 China revenue (recomputed)")).toBe("rounded");
    expect(status("Revenue gap if China is lost, as a share of global quarterly revenue (as stated)")).toBe(
      "not_reproducible",
    );
    expect(status("NVIDIA China revenue")).toBe("");
    const sw = baselineSpill("software_ecosystems");
    if (sw instanceof ExposureError) throw sw;
    expect(sw.find((r) => r[0] === "Average annual growth of MindSpore developers (as stated)")?.[4]).toBe(
      "inconsistent",
    );
  });

  it("spills every table with rows of text and finite numbers only", () => {
    for (const t of TABLES) {
      const s = baselineSpill(t.id);
      if (s instanceof ExposureError) throw s;
      expect(s).toHaveLength(t.rows.length + 1);
      for (const row of s) {
        expect(row).toHaveLength(5);
        for (const cell of row) expect(typeof cell === "string" || Number.isFinite(cell)).toBe(true);
      }
    }
  });

  it("ignores case and spaces in the table id", () => {
    expect(baselineSpill(" Market_Reaction ")).toEqual(baselineSpill("market_reaction"));
  });

  it("spills the scenarios: id, name, description and related facts", () => {
    const s = baselineSpill("scenarios");
    if (s instanceof ExposureError) throw s;
    expect(s[0]).toEqual(["id", "name", "description", "facts"]);
    expect(s).toHaveLength(SCENARIOS.length + 1);
    expect(s[1][1]).toBe("Limited cooperation");
    expect(s[3][3]).toContain("vietnam_packaging_plant_investment");
  });

  it("spills Chinese labels and headers on request", () => {
    const s = baselineSpill("china_revenue", "zh");
    if (s instanceof ExposureError) throw s;
    expect(s[0]).toEqual(["指标", "数值", "单位", "期间", "核对"]);
    expect(s[1]).toEqual(["英伟达中国区营收", 10.3, "十亿美元", "2023年", ""]); // the same number, the Chinese unit
  });

  it("answers #N/A with a message for an unknown table id", () => {
    const e = baselineSpill("revenue_china");
    expect(isNA(e)).toBe(true);
    expect((e as ExposureError).message).toMatch(/unknown table "revenue_china"/);
  });
});

describe("checksSpill (EXPOSURE.CHECKS)", () => {
  it("spills a header and one row per check: id, stated, derived, difference, tolerance, status, explanation", () => {
    const s = checksSpill();
    expect(s[0]).toEqual(["id", "stated", "derived", "difference", "tolerance", "status", "explanation"]);
    expect(s).toHaveLength(CHECKS.length + 1);
    expect(s.slice(1).map((r) => [r[0], r[5]])).toEqual([
      ["write_down_share_check", "rounded"],
      ["mindspore_growth_check", "inconsistent"],
      ["china_gap_check", "not_reproducible"],
      ["h20_orders_vs_revenue_check", "different_bases"],
      ["inference_share_check", "different_bases"],
      ["equipment_within_total_check", "consistent"],
      ["itu_shares_2020_check", "consistent"],
      ["itu_shares_2025_check", "consistent"],
      ["us_experts_check", "rounded"],
    ]);
  });

  it("carries the numbers of each check", () => {
    const row = checksSpill().find((r) => r[0] === "mindspore_growth_check") ?? [];
    expect(row[1]).toBe(0.75);
    expect(row[2]).toBeCloseTo(0.62019, 5); // (2.1 / 0.8)^(1/2) - 1
    expect(row[3]).toBeCloseTo(-0.12981, 5); // 0.62019 - 0.75
    expect(row[4]).toBeCloseTo(0.005, 15);
    expect(String(row[6])).toContain("62.0%");
  });

  it("spills the Chinese explanations on request", () => {
    const s = checksSpill("zh");
    expect(s[0][0]).toBe("编号");
    expect(String(s[1][6])).toMatch(/[\u3400-\u9fff]/);
  });
});
