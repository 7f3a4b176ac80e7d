import {
  CHECKS,
  DERIVED,
  FACTS,
  SCENARIOS,
  TABLES,
  derivedById,
  factById,
  idsOfCheck,
  parseTableIds,
  rowId,
  tableById,
  tableOfRow,
  paragraphsOf,
} from "../../src/baseline";
import { sheetNameProblem } from "../../src/workbook/address";

const SNAKE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const CJK = /[\u3400-\u9fff]/;

describe("tables", () => {
  it("has the tables an analyst expects, with unique snake_case ids", () => {
    const ids = TABLES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(SNAKE);
    expect(ids).toEqual(
      expect.arrayContaining([
        "china_revenue",
        "market_reaction",
        "compute_substitution",
        "software_ecosystems",
        "standards_equipment_talent",
        "decoupling_cost",
        "policy_responses",
      ]),
    );
  });

  it("names each table's sheet within Excel's tab-name limits, in both languages, uniquely", () => {
    for (const t of TABLES) {
      for (const n of [t.sheetName, t.sheetName_zh]) {
        expect(n !== undefined && sheetNameProblem(n)).toBeUndefined();
      }
    }
    expect(new Set(TABLES.map((t) => t.sheetName)).size).toBe(TABLES.length);
    expect(new Set(TABLES.map((t) => t.sheetName_zh)).size).toBe(TABLES.length);
  });

  it("puts every fact in exactly one table", () => {
    for (const f of FACTS) {
      const n = TABLES.flatMap((t) => t.rows).filter((r) => "fact" in r && r.fact === f.id).length;
      expect([f.id, n]).toEqual([f.id, 1]);
    }
  });

  it("puts every derived figure in exactly one table", () => {
    for (const d of DERIVED) {
      const n = TABLES.flatMap((t) => t.rows).filter((r) => "derived" in r && r.derived === d.id).length;
      expect([d.id, n]).toEqual([d.id, 1]);
    }
  });

  it("resolves every row to a fact or a derived figure of the right kind", () => {
    for (const t of TABLES) {
      for (const r of t.rows) {
        if ("fact" in r) expect([t.id, r.fact, factById(r.fact) !== undefined]).toEqual([t.id, r.fact, true]);
        else expect([t.id, r.derived, derivedById(r.derived) !== undefined]).toEqual([t.id, r.derived, true]);
      }
    }
  });

  it("titles, describes and sources every table in both languages", () => {
    for (const t of TABLES) {
      expect(t.title).not.toMatch(CJK);
      expect(t.title_zh).toMatch(CJK);
      expect(t.description.length).toBeGreaterThan(20);
      expect(t.description_zh).toMatch(CJK);
      expect(t.sourceNote.length).toBeGreaterThan(20);
      expect(t.sourceNote_zh).toMatch(CJK);
      expect(t.rows.length).toBeGreaterThan(0);
    }
  });

  it("places each derived figure after the facts it reads when they share its table", () => {
    for (const t of TABLES) {
      const pos = new Map(t.rows.map((r, i) => [rowId(r), i]));
      for (const r of t.rows) {
        if (!("derived" in r)) continue;
        const d = derivedById(r.derived);
        for (const a of d?.derivation.args ?? []) {
          if (typeof a === "string" && pos.has(a))
            expect([r.derived, a, (pos.get(a) ?? 0) < (pos.get(r.derived) ?? 0)]).toEqual([r.derived, a, true]);
        }
      }
    }
  });

  it("keeps every figure a check reads in one table", () => {
    for (const c of CHECKS) {
      const tables = new Set(idsOfCheck(c).map((id) => tableOfRow(id)));
      expect([c.id, [...tables]]).toEqual([c.id, [tableOfRow(c.derived)]]);
      expect(tableOfRow(c.derived)).toBeDefined();
    }
  });

  it("makes each row a side of at most one check, so its Check cell shows one status", () => {
    const sides = CHECKS.flatMap((c) => [c.stated, c.derived]).filter((x) => typeof x === "string");
    expect(sides.filter((id, i) => sides.indexOf(id) !== i)).toEqual([]);
  });

  it("lists the article's paragraphs each table's facts stand in", () => {
    expect(paragraphsOf(tableById("china_revenue")!)).toEqual([1, 2]);
    expect(paragraphsOf(tableById("policy_responses")!)).toEqual([6, 11, 12, 13, 15]);
  });

  it("groups the figures where an analyst looks for them", () => {
    expect(tableOfRow("h20_inventory_write_down")).toBe("china_revenue");
    expect(tableOfRow("market_value_drawdown")).toBe("market_reaction");
    expect(tableOfRow("ascend_910b_price_performance_vs_h20")).toBe("compute_substitution");
    expect(tableOfRow("mindspore_developer_cagr_2023_2025")).toBe("software_ecosystems");
    expect(tableOfRow("us_experts_joined_2022_implied")).toBe("standards_equipment_talent");
    expect(tableOfRow("decoupling_global_chip_industry_loss")).toBe("decoupling_cost");
    expect(tableOfRow("talent_attraction_target_2027")).toBe("policy_responses");
  });

  it("looks tables up by id, ignoring case and spaces, and answers undefined for an unknown one", () => {
    expect(tableById("china_revenue")?.title).toBe("NVIDIA's China revenue exposure");
    expect(tableById(" China_Revenue ")?.id).toBe("china_revenue");
    expect(tableById("nope")).toBeUndefined();
  });

  it("parses a typed list of table ids once for everyone: any case, commas or spaces, scenarios included, each once", () => {
    expect(parseTableIds("China_Revenue, SCENARIOS market_reaction,china_revenue")).toEqual({
      ids: ["china_revenue", "scenarios", "market_reaction"],
      unknown: [],
    });
    expect(parseTableIds(["nope", " policy_responses "])).toEqual({ ids: ["policy_responses"], unknown: ["nope"] });
    expect(parseTableIds(" , ")).toEqual({ ids: [], unknown: [] });
  });
});

describe("scenarios", () => {
  it("lists the article's three scenarios in order: limited cooperation, split standards, transshipment", () => {
    expect(SCENARIOS.map((s) => s.id)).toEqual([
      "limited_cooperation",
      "split_standards",
      "third_country_transshipment",
    ]);
    expect(SCENARIOS.map((s) => s.name_zh)).toEqual(["有限合作模式", "技术标准割裂", "第三国“转口贸易”兴起"]);
  });

  it("describes each in both languages and links facts that exist", () => {
    for (const s of SCENARIOS) {
      expect(s.description.length).toBeGreaterThan(40);
      expect(s.description_zh).toMatch(CJK);
      expect(s.facts.length).toBeGreaterThan(0);
      for (const id of s.facts) expect([s.id, id, factById(id) !== undefined]).toEqual([s.id, id, true]);
    }
  });

  it("links each fact stated in the scenarios section to its scenario", () => {
    expect(SCENARIOS.find((s) => s.id === "split_standards")?.facts).toContain("china_ai_framework_standard_deadline");
    expect(SCENARIOS.find((s) => s.id === "third_country_transshipment")?.facts).toContain(
      "vietnam_packaging_plant_investment",
    );
  });
});
