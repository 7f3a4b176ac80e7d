/**
 * The path Excel takes: the production bundle and its functions.json. Arguments are shaped as
 * Excel passes them for matrix parameters (2-D arrays), omitted optionals as null.
 */
import { loadBundle, LoadedBundle } from "./bundle";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

const m = (x: unknown) => [[x]]; // one cell as Excel passes it to a matrix parameter
const only = (r: unknown) => (r as unknown[][])[0][0];
const code = (r: unknown) => (r as { code?: string }).code;

const EXPECTED_IDS = [
  "NVDA_CHINA_GAP",
  "WRITE_DOWN_RATIO",
  "MARKET_CAP_DRAWDOWN",
  "GROWTH_RATE",
  "CAGR",
  "PRIOR_FROM_GROWTH",
  "IMPLIED_TOTAL",
  "SHARE_OF",
  "PRICE_PERFORMANCE",
  "PROJECT_VALUE",
  "REVENUE_AT_RISK",
  "FACT",
  "BASELINE",
  "CHECKS",
  "EARNINGS_AT_RISK",
  "EPS_AT_RISK",
  "MARKET_VALUE_AT_RISK",
  "SCENARIO_TABLE",
  "SENSITIVITY",
  "SIMULATE_RISK",
];

describe("functions.json and the bundle agree", () => {
  it("registers every id of the metadata, and nothing the metadata lacks", () => {
    const ids = b.metadata.functions.map((f) => f.id).sort();
    expect([...b.registered.keys()].sort()).toEqual(ids);
    expect(ids).toEqual([...EXPECTED_IDS].sort());
  });
  it("describes every function and every parameter", () => {
    for (const f of b.metadata.functions) {
      expect(f.description?.length ?? 0).toBeGreaterThan(40);
      expect(f.description).toMatch(/Example/);
      for (const p of f.parameters) expect(`${f.id}.${p.name}: ${p.description ?? ""}`).toMatch(/: \S.{10,}/);
    }
  });
  it("declares the optional parameters as optional", () => {
    const optional = b.metadata.functions.flatMap((f) =>
      f.parameters.filter((p) => p.optional).map((p) => `${f.id}.${p.name}`),
    );
    expect(optional.sort()).toEqual(
      [
        "NVDA_CHINA_GAP.recaptured_share",
        "MARKET_CAP_DRAWDOWN.current",
        "REVENUE_AT_RISK.substitution_share",
        "REVENUE_AT_RISK.recapture_share",
        "FACT.field",
        "BASELINE.table_id",
        ...[
          "substitution_share",
          "recapture_share",
          "gross_margin",
          "tax_rate",
          "shares_outstanding",
          "valuation_multiple",
          "market_value",
          "inventory_write_down",
          "multiple_type",
        ].map((p) => `SCENARIO_TABLE.${p}`),
        "SENSITIVITY.lows",
        "SENSITIVITY.highs",
        ...["lows", "highs", "distributions", "threshold"].map((p) => `SIMULATE_RISK.${p}`),
      ].sort(),
    );
  });
  it("takes every parameter as a range, so a column of inputs spills a column of answers", () => {
    for (const f of b.metadata.functions) {
      for (const p of f.parameters) expect(`${f.id}.${p.name}:${p.dimensionality}`).toBe(`${f.id}.${p.name}:matrix`);
      expect(f.result.dimensionality).toBe("matrix");
    }
  });
});

/** Each element-wise function on the article's figures: id, arguments as Excel passes them, answer, digits. */
const cases: [string, unknown[], number, number][] = [
  ["NVDA_CHINA_GAP", [m(17.1), m(17.1 / 0.13), null], 0.13, 10], // 17.1 ÷ (17.1 ÷ 0.13)
  ["WRITE_DOWN_RATIO", [m(5.5), m(17.1)], 0.3216, 4], // 5.5 ÷ 17.1 (article: 32%)
  ["MARKET_CAP_DRAWDOWN", [m(3.3), m(2.47)], 0.2515, 4], // (3.3 − 2.47) ÷ 3.3
  ["GROWTH_RATE", [m(10.3), m(17.1)], 0.66, 3], // 17.1 ÷ 10.3 − 1
  ["CAGR", [m(0.8), m(2.1), m(2)], 0.62, 3], // (2.1 ÷ 0.8)^(1/2) − 1
  ["PRIOR_FROM_GROWTH", [m(16), m(2.75)], 4.267, 3], // 16 ÷ 3.75
  ["IMPLIED_TOTAL", [m(17.1), m(0.13)], 131.54, 2], // 17.1 ÷ 0.13
  ["SHARE_OF", [m(16), m(42)], 0.381, 3], // 16 ÷ 42
  ["PRICE_PERFORMANCE", [m(0.85), m(0.3)], 1.214, 3], // 0.85 ÷ 0.70
  ["PROJECT_VALUE", [m(2.1), m(0.75), m(2)], 6.43, 2], // 2.1 × 1.75²
  ["REVENUE_AT_RISK", [m(17.1), m(1), null, null], 17.1, 10], // 17.1 × (1 + 0) × 1
];

describe("the article's checks through the built bundle", () => {
  it.each(cases)("%s answers the article's figure", (id, args, expected, digits) => {
    expect(only(b.call(id, ...args))).toBeCloseTo(expected, digits);
  });
});

describe("errors through the built bundle", () => {
  it("answers #DIV/0! for a zero denominator", () => {
    expect(code(only(b.call("WRITE_DOWN_RATIO", m(5.5), m(0))))).toBe("#DIV/0!");
    expect(code(only(b.call("GROWTH_RATE", m(0), m(1))))).toBe("#DIV/0!");
  });
  it("answers #NUM! for numbers outside the domain", () => {
    expect(code(only(b.call("NVDA_CHINA_GAP", m(-1), m(10), null)))).toBe("#NUM!");
    expect(code(only(b.call("REVENUE_AT_RISK", m(17.1), m(1.2), null, null)))).toBe("#NUM!");
    expect(code(only(b.call("PRIOR_FROM_GROWTH", m(16), m(-1))))).toBe("#NUM!");
    expect(code(only(b.call("CAGR", m(0.8), m(2.1), m(0))))).toBe("#NUM!");
  });
  it("answers #VALUE! with a message naming the argument for text, booleans and empty cells", () => {
    for (const bad of ["abc", true, null, ""]) {
      const e = only(b.call("WRITE_DOWN_RATIO", m(5.5), m(bad))) as { code: string; message: string };
      expect(e).toBeInstanceOf(b.ErrorClass);
      expect(e.code).toBe("#VALUE!");
      expect(e.message).toContain("reference_revenue");
    }
  });
  it("never answers NaN or Infinity", () => {
    const r = only(b.call("PROJECT_VALUE", m(1), m(1e6), m(1e6)));
    expect(code(r)).toBe("#NUM!");
  });
});

describe("ranges through the built bundle", () => {
  it("answers a column of quarters with a column of ratios, each bad element in its own place", () => {
    const out = b.call("WRITE_DOWN_RATIO", [[5.5], [1], ["x"], [2]], [[17.1], [0], [1], [4]]) as unknown[][];
    expect(out).toHaveLength(4);
    expect(out[0][0]).toBeCloseTo(0.3216, 4);
    expect(code(out[1][0])).toBe("#DIV/0!");
    expect(code(out[2][0])).toBe("#VALUE!");
    expect(out[3][0]).toBe(0.5);
  });
  it("answers one #VALUE! for mismatched shapes", () => {
    const out = b.call("SHARE_OF", [[1], [2]], [[1], [2], [3]]) as unknown[][];
    expect(out).toHaveLength(1);
    expect(code(out[0][0])).toBe("#VALUE!");
  });
  it("answers a column of every element-wise function's example as it answers the example, row by row", () => {
    // each argument a column of the example's value three times, or the example's single cell
    for (const [id, args] of cases) {
      const single = only(b.call(id, ...args));
      const columns = args.map((a, i) => {
        const row = (a as unknown[][] | null)?.[0];
        return row === undefined || i % 2 === 1 ? a : [row, row, row];
      });
      expect([id, b.call(id, ...columns)]).toEqual([id, [[single], [single], [single]]]);
    }
  });
  it("answers one #VALUE! naming the argument for a ragged column", () => {
    const e = only(b.call("GROWTH_RATE", [[1], [2], [3]], [[2], [3, 4], [5]])) as { code: string; message: string };
    expect([e.code, e.message]).toEqual(["#VALUE!", "end is not a rectangular range"]);
  });
  it("takes an empty cell in a column of an optional argument as its default", () => {
    // 17.1 × (1 − 0.5) ÷ 131.54, then 17.1 × (1 − 0) ÷ 131.54 with the default recaptured share 0
    const out = b.call("NVDA_CHINA_GAP", [[17.1], [17.1]], [[131.54]], [[0.5], [null]]) as number[][];
    expect(out[0][0]).toBeCloseTo(0.065, 3);
    expect(out[1][0]).toBeCloseTo(0.13, 3);
  });
  it("measures the worst drawdown of a series given one range and no current", () => {
    const out = b.call("MARKET_CAP_DRAWDOWN", [[2.8], [3.3], [2.9], [2.47], [3.0]], null);
    expect(only(out)).toBeCloseTo(0.2515, 4); // 3.3 → 2.47
    expect(code(only(b.call("MARKET_CAP_DRAWDOWN", m(3.3), null)))).toBe("#VALUE!");
  });
});

describe("the baseline through the built bundle", () => {
  it("FACT answers a figure and its fields", () => {
    expect(only(b.call("FACT", m("china_revenue_2024"), null))).toBe(17.1);
    expect(only(b.call("FACT", m("china_revenue_2024"), m("unit")))).toBe("USD bn");
    expect(only(b.call("FACT", m("china_revenue_2024"), m("label_zh")))).toMatch(/营收/);
    expect(only(b.call("FACT", m("licence_requirement_date"), null))).toBe(45756); // 2025-04-09 as an Excel serial
  });
  it("FACT answers a column of ids with a column of values", () => {
    const out = b.call("FACT", [["china_revenue_2023"], ["china_revenue_2024"], ["nope"]], null) as unknown[][];
    expect(out[0][0]).toBe(10.3);
    expect(out[1][0]).toBe(17.1);
    expect(code(out[2][0])).toBe("#N/A");
  });
  it("FACT takes a blank field (spaces only) as the default, value, as it takes an empty cell", () => {
    expect(only(b.call("FACT", m("china_revenue_2024"), m("   ")))).toBe(17.1);
    expect(b.call("FACT", m("china_revenue_2024"), [["   ", "unit"]])).toEqual([[17.1, "USD bn"]]);
    const e = only(b.call("FACT", m("   "), null)) as { code: string; message: string };
    expect([e.code, e.message]).toEqual(["#VALUE!", "id must be text; it is empty"]);
  });
  it("BASELINE takes a blank table id as none, and lists the tables", () => {
    expect(b.call("BASELINE", m("   "))).toEqual(b.call("BASELINE", null));
  });
  it("FACT answers #N/A with a message for an unknown id or field", () => {
    const e = only(b.call("FACT", m("no_such_fact"), null)) as { code: string; message: string };
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("no_such_fact");
    expect(code(only(b.call("FACT", m("china_revenue_2024"), m("colour"))))).toBe("#N/A");
  });
  it("BASELINE lists the tables, spills one with its header, and answers #N/A for an unknown id", () => {
    const list = b.call("BASELINE", null) as unknown[][];
    expect(list[0]).toEqual(["id", "title"]);
    expect(list.map((r) => r[0])).toContain("china_revenue");
    const table = b.call("BASELINE", m("china_revenue")) as unknown[][];
    expect(table[0]).toEqual(["label", "value", "unit", "period", "check"]);
    const write = table.find((r) => r[1] === 5.5)!;
    expect(write[2]).toBe("USD bn");
    expect(code(only(b.call("BASELINE", m("nope"))))).toBe("#N/A");
  });
  it("CHECKS spills every check with the statuses the article's figures give", () => {
    const rows = b.call("CHECKS") as unknown[][];
    const status = Object.fromEntries(rows.slice(1).map((r) => [r[0], r[5]]));
    expect(status).toEqual({
      write_down_share_check: "rounded", // 5.5 ÷ 17.1 = 0.3216 vs 32%
      mindspore_growth_check: "inconsistent", // √(2.1 ÷ 0.8) − 1 = 0.620 vs 75%
      china_gap_check: "not_reproducible", // 20% matches none of the readings tried
      h20_orders_vs_revenue_check: "different_bases", // 16 ÷ 3.75 = 4.267 orders vs 17.1 ÷ 4 = 4.275 revenue
      inference_share_check: "different_bases", // 90% + 18% = 108%: two markets
      equipment_within_total_check: "consistent", // 3.1 + 42 × 0.38 = 19.06 ≤ 42
      itu_shares_2020_check: "consistent", // 15% + 45% = 60% ≤ 100%
      itu_shares_2025_check: "consistent", // 34% + 38% = 72% ≤ 100%
      us_experts_check: "rounded", // 327 ÷ 1.89 = 173.02 → 173; 327 ÷ 173 − 1 = 89.02% vs 89%
    });
  });
});
