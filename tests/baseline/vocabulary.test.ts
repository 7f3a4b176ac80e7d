/**
 * The baseline's vocabularies are complete and lean: every word has its Chinese (the key types make
 * a missing word a build error), and every period, unit, kind and cited source is used by a figure.
 */
import { ATTRIBUTIONS, DERIVED, FACTS, KINDS, PERIODS, STATUSES, UNITS, formatValue } from "../../src/baseline";

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
