import { drawdown, maxDrawdown, pricePerformance, ExposureError } from "../../src/model";

const kind = (r: unknown) => (r instanceof ExposureError ? r.kind : r);

describe("drawdown", () => {
  it("answers 25.2% for NVIDIA's 3.3 tn → 2.47 tn", () => {
    expect(drawdown(3.3, 2.47)).toBeCloseTo(0.251515, 6); // (3.3 − 2.47) / 3.3 = 0.83 / 3.3
  });
  it("answers a negative drawdown for a value above the peak", () => expect(drawdown(2, 3)).toBeCloseTo(-0.5, 12));
  it("answers #DIV/0! for a zero peak and #NUM! for negative values", () => {
    expect(kind(drawdown(0, 1))).toBe("#DIV/0!");
    expect(kind(drawdown(-3.3, 1))).toBe("#NUM!");
    expect(kind(drawdown(3.3, -1))).toBe("#NUM!");
  });
});

describe("maxDrawdown", () => {
  it("finds the worst fall in order, not the global max minus the global min", () => {
    // peak 3.3 falls to 2.47: 0.83 / 3.3 = 0.2515; the later low 2.6 after a 3.0 rebound is smaller
    expect(maxDrawdown([2.8, 3.3, 2.9, 2.47, 3.0, 2.6])).toBeCloseTo(0.251515, 6);
    // the minimum 1 comes before the maximum 4: the only fall is 4 → 3, a quarter
    expect(maxDrawdown([1, 2, 4, 3])).toBeCloseTo(0.25, 12);
  });
  it("answers 0 for a series that never falls", () => expect(maxDrawdown([1, 2, 3])).toBe(0));
  it("answers #VALUE! for an empty series, #NUM! for a negative value, #DIV/0! for an all-zero series", () => {
    expect(kind(maxDrawdown([]))).toBe("#VALUE!");
    expect(kind(maxDrawdown([3, -1]))).toBe("#NUM!");
    expect(kind(maxDrawdown([0, 0]))).toBe("#DIV/0!");
  });
  it("is linear: a million values in one pass", () => {
    const series = Array.from({ length: 1_000_000 }, (_, i) => 100 + Math.sin(i / 1000) * 50);
    expect(maxDrawdown(series)).toBeCloseTo(100 / 150, 6); // peak 150 → trough 50
  });
});

describe("pricePerformance", () => {
  it("answers 1.214 for Ascend 910B at 85% of H20 and 30% cheaper", () => {
    expect(pricePerformance(0.85, 0.3)).toBeCloseTo(1.214286, 6); // 0.85 / 0.70
  });
  it("answers #DIV/0! for a 100% discount and #NUM! outside 0–1", () => {
    expect(kind(pricePerformance(0.85, 1))).toBe("#DIV/0!");
    expect(kind(pricePerformance(0.85, 1.2))).toBe("#NUM!");
    expect(kind(pricePerformance(0.85, -0.1))).toBe("#NUM!");
    expect(kind(pricePerformance(-0.85, 0.3))).toBe("#NUM!");
  });
});
