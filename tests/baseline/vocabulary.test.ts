/**
 * The baseline's vocabularies are complete and lean: every word has its Chinese (the key types make
 * a missing word a build error), and every period, unit, kind and cited source is used by a figure.
 */
import {
  ATTRIBUTIONS,
  DERIVED,
  FACTS,
  KINDS,
  PERIODS,
  STATUSES,
  UNITS,
  UNIT_DECIMALS,
  differenceUnit,
  factById,
  formatValue,
  numberFormat,
} from "../../src/baseline";

const CHINESE = /[\u3400-\u9fff\uff00-\uffef]/;
const used = (words: object, uses: readonly string[]) => Object.keys(words).filter((k) => !uses.includes(k));

describe("the vocabularies", () => {
  it("uses every period, unit, kind and cited source", () => {
    const figures = [...FACTS, ...DERIVED];
    expect(
      used(
        PERIODS,
        figures.map((f) => f.period),
      ),
    ).toEqual([]);
    expect(
      used(
        UNITS,
        figures.map((f) => f.unit),
      ),
    ).toEqual([]);
    expect(used(KINDS, [...FACTS.map((f) => f.kind), "derived"])).toEqual([]);
    expect(
      used(
        ATTRIBUTIONS,
        FACTS.flatMap((f) => (f.attribution ? [f.attribution] : [])),
      ),
    ).toEqual([]);
  });

  it("writes every period, kind and status in Chinese, and every unit but the percent sign", () => {
    for (const words of [PERIODS, KINDS, STATUSES])
      for (const [key, w] of Object.entries(words)) expect([key, w.zh]).toEqual([key, expect.stringMatching(CHINESE)]);
    for (const [key, w] of Object.entries(UNITS))
      if (key !== "%") expect([key, w.zh]).toEqual([key, expect.stringMatching(CHINESE)]);
  });

  it("keeps English periods and units as their keys, which EXPOSURE.FACT answers", () => {
    for (const [key, w] of Object.entries({ ...PERIODS, ...UNITS })) expect(w.en).toBe(key);
  });

  it("prints a value with the number the sheets show and the Chinese unit label", () => {
    expect(formatValue(17.1, "USD bn", "zh")).toBe("17.1十亿美元"); // the table's 17.1 USD bn, not 171亿美元
    expect(formatValue(17.1, "USD bn", "en")).toBe("17.1 bn USD");
    expect(formatValue(250, "USD m", "zh")).toBe("250百万美元");
    expect(formatValue(3000, "CNY 100m", "zh")).toBe("3000亿元");
    expect(formatValue(2.1, "m people", "zh")).toBe("2.1百万人");
    expect(formatValue(1.2143, "x", "zh", true)).toBe("1.21倍");
    expect(formatValue(0.3216, "%", "zh", true)).toBe("32.2%");
    expect(formatValue(45756, "date", "zh")).toBe("2025年4月9日"); // Excel serial of 2025-04-09
    expect(formatValue(45756, "date", "en")).toBe("2025-04-09");
    expect(formatValue(4.275, "USD bn", "en", true, 3)).toBe("4.275 bn USD");
  });
});

describe("number formats, one per unit", () => {
  it("shows each unit with the decimals the article states its figures with (a percent in percent)", () => {
    // the most decimals any stated fact of a unit has: 17.1 and 2.47 USD tn, 0.80 m people, 13% …
    const stated = new Map<string, number>();
    for (const f of FACTS) {
      const d = f.unit === "%" ? f.statedDecimals - 2 : f.statedDecimals;
      stated.set(f.unit, Math.max(stated.get(f.unit) ?? -Infinity, Math.max(0, d)));
    }
    for (const [unit, d] of stated)
      expect([unit, UNIT_DECIMALS[unit as keyof typeof UNIT_DECIMALS]]).toEqual([unit, d]);
    expect(numberFormat("USD bn", "en")).toBe("#,##0.0"); // 10.3, 131.5, 16.0, 16.0: one decimal in one column
    expect(numberFormat("USD tn", "en")).toBe("#,##0.00"); // 3.30 and 2.47
    expect(numberFormat("%", "zh")).toBe("0%"); // 13%, 32%, 275%
  });

  it("writes points as points, signed and never with a % sign, in each language's words", () => {
    expect(numberFormat("pp", "en")).toBe('+0.0" pp";-0.0" pp";0.0" pp"');
    expect(numberFormat("pp", "zh")).toBe('+0.0"个百分点";-0.0"个百分点";0.0"个百分点"');
    expect(numberFormat("pp", "en")).not.toMatch(/%/);
    expect(numberFormat("%", "en", 1)).toBe("0.0%"); // the Checks sheet's one decimal finer
  });

  it("takes a difference of shares in points and any other difference in its own unit", () => {
    expect(differenceUnit("%")).toEqual({ unit: "pp", scale: 100 }); // 0.13 − 0.20 is −7 points
    expect(differenceUnit("USD bn")).toEqual({ unit: "USD bn", scale: 1 });
  });

  it("gives every derived difference of two shares in points", () => {
    for (const d of DERIVED.filter((x) => x.id.endsWith("_points"))) {
      expect([d.id, d.unit, d.derivation.op]).toEqual([d.id, "pp", "points"]);
      const [a, b] = d.derivation.args as string[];
      expect([d.id, factById(a)?.unit ?? "?", factById(b)?.unit ?? "?"]).toEqual([d.id, "%", "%"]);
    }
  });
});

describe("labels and notes", () => {
  /**
   * The numbers a text spells out; years, product names (H20, 910B) and small whole numbers (the 3
   * of "gap reading 3") aside.
   */
  const numbersIn = (text: string) =>
    [...text.matchAll(/(?<![\p{L}\d.])(\d+(?:\.\d+)?)(?![\p{Script=Latin}\d])/gu)]
      .map((m) => Number(m[1]))
      .filter((n) => !(Number.isInteger(n) && ((n >= 2019 && n <= 2027) || n < 5)));

  it("never spell out a figure of the baseline, which would go stale when the figure changes", () => {
    const problems: string[] = [];
    const values = [...FACTS.map((f) => [f.value, f.unit] as const)];
    for (const x of [...FACTS, ...DERIVED]) {
      for (const key of ["label", "label_zh", "note", "note_zh"] as const) {
        const text = (x as Partial<Record<typeof key, string>>)[key];
        if (!text) continue;
        for (const n of numbersIn(text)) {
          // a figure as a sheet or the article writes it: 16 (USD bn), 275 (%), 0.8 or 80 (万, m people)
          const hit = values.find(([v, unit]) => n === v || (unit === "%" && Math.abs(n - v * 100) < 1e-9));
          if (hit) problems.push(`${x.id}.${key} spells out ${n}: "${text}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
