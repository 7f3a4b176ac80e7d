/**
 * The functions of a case, through the built bundle as Excel calls them: values worked by hand,
 * ranges element by element, the errors Excel's own functions would give, and a scenario table that
 * agrees with the case model the sheets render.
 */
import { nvidiaDrivers } from "../../src/baseline";
import { evaluateScenario } from "../../src/model";
import { loadBundle, type LoadedBundle } from "./bundle";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

const m = (x: unknown) => [[x]];
const col = (...xs: unknown[]) => xs.map((x) => [x]);
const grid = (r: unknown) => r as unknown[][];
const code = (x: unknown) => (x as { code?: string }).code;
const message = (x: unknown) => (x as { message?: string }).message;

describe("EARNINGS_AT_RISK, EPS_AT_RISK, MARKET_VALUE_AT_RISK", () => {
  it("carry 17.1 bn of revenue at risk to net income, EPS and value (margin 75%, tax 15%, 24.4 bn shares, P/E 40: assumptions)", () => {
    const ni = grid(b.call("EARNINGS_AT_RISK", m(17.1), m(0.75), m(0.15)))[0][0] as number;
    expect(ni).toBeCloseTo(10.90125, 12); // 17.1 × 0.75 × 0.85
    const eps = grid(b.call("EPS_AT_RISK", m(17.1), m(0.75), m(0.15), m(24.4)))[0][0] as number;
    expect(eps).toBeCloseTo(10.90125 / 24.4, 12); // 0.44677…
    const value = grid(b.call("MARKET_VALUE_AT_RISK", m(ni), m(40)))[0][0] as number;
    expect(value).toBeCloseTo(436.05, 9); // 40 × 10.90125
  });

  it("answer element by element over a column, a single cell broadcast against it", () => {
    const out = grid(b.call("EARNINGS_AT_RISK", col(10, 20, 0), m(0.5), m(0.2)));
    expect(out.map((r) => r[0])).toEqual([4, 8, 0]); // 10 × 0.5 × 0.8, 20 × 0.5 × 0.8, 0
  });

  it("answer #NUM! for a margin or tax rate outside 0–1 or negative revenue, #DIV/0! for no shares, #VALUE! for text, each in its place", () => {
    const out = grid(b.call("EARNINGS_AT_RISK", col(10, -1, 10, "ten"), col(0.5, 0.5, 1.5, 0.5), m(0.2)));
    expect(out.map((r) => code(r[0]) ?? r[0])).toEqual([4, "#NUM!", "#NUM!", "#VALUE!"]);
    expect(message(out[3][0])).toMatch(/revenue_at_risk is text/);
    expect(code(grid(b.call("EPS_AT_RISK", m(10), m(0.5), m(0.2), m(0)))[0][0])).toBe("#DIV/0!");
    expect(code(grid(b.call("MARKET_VALUE_AT_RISK", m(10), m(-3)))[0][0])).toBe("#NUM!");
  });
});

describe("SCENARIO_TABLE", () => {
  const header = [
    "ban_probability",
    "substitution_share",
    "recapture_share",
    "revenue_at_risk",
    "gap_share",
    "gross_profit_at_risk",
    "net_income_at_risk",
    "eps_at_risk",
    "value_at_risk",
    "value_at_risk_share",
    "write_down",
  ];

  it("spills one row per ban probability, the same numbers the case sheet computes", () => {
    const d = nvidiaDrivers();
    const args = [
      m(d.exposed_revenue),
      m(d.global_revenue),
      col(0.5, 0, 1),
      m(0.2),
      null,
      m(0.75),
      m(0.15),
      m(24.4),
      m(40),
      m(d.market_value),
      m(d.inventory_write_down),
      null,
    ];
    const out = grid(b.call("SCENARIO_TABLE", ...args));
    expect(out[0]).toEqual(header);
    expect(out).toHaveLength(4);
    [0.5, 0, 1].forEach((p, i) => {
      const model = evaluateScenario({
        ...d,
        ban_probability: p,
        substitution_share: 0.2,
        gross_margin: 0.75,
        tax_rate: 0.15,
        shares_outstanding: 24.4,
        valuation_multiple: 40,
      });
      const row = out[i + 1];
      expect(row.slice(0, 3)).toEqual([p, 0.2, 0]);
      header.slice(3).forEach((id, j) => expect(row[3 + j]).toBeCloseTo(model[id as keyof typeof model] as number, 12));
    });
    // by hand, full ban: 17.1 × 1 = 17.1; net income 17.1 × 0.75 × 0.85 = 10.90125
    expect(out[3][3]).toBeCloseTo(17.1, 12);
    expect(out[3][6]).toBeCloseTo(10.90125, 12);
  });

  it("says in words which driver a column needs when it is left out, and computes the rest", () => {
    const out = grid(b.call("SCENARIO_TABLE", m(17.1), m(131.54), m(1)));
    expect(out[1].slice(0, 5)).toEqual([1, 0, 0, 17.1, expect.closeTo(0.13, 4)]);
    expect(out[1].slice(5)).toEqual([
      "needs gross_margin",
      "needs tax_rate",
      "needs shares_outstanding",
      "needs valuation_multiple",
      "needs market_value", // its own driver first, then what it builds on
      0,
    ]);
  });

  it("values P/S on revenue, and refuses another multiple type", () => {
    const ps = grid(
      b.call("SCENARIO_TABLE", m(17.1), m(131.54), m(1), null, null, null, null, null, m(20), m(2470), null, m("p/s")),
    );
    expect(ps[1][8]).toBeCloseTo(342, 9); // 20 × 17.1
    const bad = grid(
      b.call(
        "SCENARIO_TABLE",
        m(17.1),
        m(131.54),
        m(1),
        null,
        null,
        null,
        null,
        null,
        m(20),
        null,
        null,
        m("EV/EBITDA"),
      ),
    );
    expect(code(bad[0][0])).toBe("#VALUE!");
  });

  it("answers #VALUE! for ranges of different lengths or a block, and #NUM! in the row of a probability above 1", () => {
    expect(code(grid(b.call("SCENARIO_TABLE", m(17.1), m(131.54), col(0.1, 0.2, 0.3), col(0.1, 0.2)))[0][0])).toBe(
      "#VALUE!",
    );
    expect(
      code(
        grid(
          b.call("SCENARIO_TABLE", m(17.1), m(131.54), [
            [0.1, 0.2],
            [0.3, 0.4],
          ]),
        )[0][0],
      ),
    ).toBe("#VALUE!");
    const out = grid(b.call("SCENARIO_TABLE", m(17.1), m(131.54), col(0.5, 1.5)));
    expect(out[1][3]).toBeCloseTo(8.55, 12);
    expect(code(out[2][3])).toBe("#NUM!");
  });
});
