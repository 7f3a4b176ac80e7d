import { cagr, growthRate, priorFromGrowth, projectValue, ExposureError } from "../../src/model";

const kind = (r: unknown) => (r instanceof ExposureError ? r.kind : r);

describe("growthRate", () => {
  it("answers 66.0% for China revenue 10.3 → 17.1 bn", () => {
    expect(growthRate(10.3, 17.1)).toBeCloseTo(0.660194, 6); // 17.1 / 10.3 − 1
  });
  it("answers −74.6% for US equipment exports 12.2 → 3.1 bn", () => {
    expect(growthRate(12.2, 3.1)).toBeCloseTo(-0.745902, 6); // 3.1 / 12.2 − 1
  });
  it("answers #DIV/0! when start is zero and #NUM! for negatives", () => {
    expect(kind(growthRate(0, 1))).toBe("#DIV/0!");
    expect(kind(growthRate(-1, 1))).toBe("#NUM!");
    expect(kind(growthRate(1, -1))).toBe("#NUM!");
  });
});

describe("cagr", () => {
  it("answers 62.0% a year for MindSpore developers 0.8 m → 2.1 m over 2 years", () => {
    expect(cagr(0.8, 2.1, 2)).toBeCloseTo(0.620185, 6); // √(2.1 / 0.8) − 1 = √2.625 − 1
  });
  it("equals simple growth over one year", () => expect(cagr(10.3, 17.1, 1)).toBeCloseTo(0.660194, 6));
  it("answers #NUM! for zero or negative years", () => {
    expect(kind(cagr(0.8, 2.1, 0))).toBe("#NUM!");
    expect(kind(cagr(0.8, 2.1, -2))).toBe("#NUM!");
  });
  it("answers #DIV/0! for a zero start", () => expect(kind(cagr(0, 2.1, 2))).toBe("#DIV/0!"));
});

describe("priorFromGrowth", () => {
  it("implies 4.267 bn of H20 orders a year before 16 bn at +275%", () => {
    expect(priorFromGrowth(16, 2.75)).toBeCloseTo(4.266667, 6); // 16 / 3.75
  });
  it("implies about 173 experts in 2022 from 327 in 2024 at +89%", () => {
    expect(priorFromGrowth(327, 0.89)).toBeCloseTo(173.015873, 6); // 327 / 1.89
  });
  it("answers #NUM! for growth at or below −100%", () => {
    expect(kind(priorFromGrowth(16, -1))).toBe("#NUM!");
    expect(kind(priorFromGrowth(16, -1.5))).toBe("#NUM!");
  });
});

describe("projectValue", () => {
  it("projects 2.1 m MindSpore developers at 75% for 2 years to 6.43 m", () => {
    expect(projectValue(2.1, 0.75, 2)).toBeCloseTo(6.43125, 10); // 2.1 × 1.75² = 2.1 × 3.0625
  });
  it("answers #NUM! for years ≤ 0, growth ≤ −100% or overflow", () => {
    expect(kind(projectValue(2.1, 0.75, 0))).toBe("#NUM!");
    expect(kind(projectValue(2.1, -1, 2))).toBe("#NUM!");
    expect(kind(projectValue(2.1, 10, 1e6))).toBe("#NUM!"); // 11^1,000,000 overflows a double
  });
});
