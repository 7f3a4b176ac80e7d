import { chinaGap, impliedTotal, revenueAtRisk, shareOf, writeDownRatio, ExposureError } from "../../src/model";

const kind = (r: unknown) => (r instanceof ExposureError ? r.kind : r);

describe("chinaGap", () => {
  it("answers China's 13% share of global revenue when nothing is recaptured", () => {
    const global = 17.1 / 0.13; // 131.538…: the global revenue the article's 13% implies
    expect(chinaGap(17.1, global)).toBeCloseTo(0.13, 12); // 17.1 ÷ (17.1 ÷ 0.13)
  });
  it("shrinks the gap by the recaptured share", () => {
    expect(chinaGap(17.1, 131.5, 0.5)).toBeCloseTo(0.065019, 6); // 17.1 × 0.5 ÷ 131.5
    expect(chinaGap(17.1, 131.5, 1)).toBe(0);
  });
  it("answers #DIV/0! when global revenue is zero", () => expect(kind(chinaGap(0, 0))).toBe("#DIV/0!"));
  it("answers #NUM! for negative revenue, a share outside 0–1, or China above global", () => {
    expect(kind(chinaGap(-1, 10))).toBe("#NUM!");
    expect(kind(chinaGap(1, -10))).toBe("#NUM!");
    expect(kind(chinaGap(1, 10, 1.2))).toBe("#NUM!");
    expect(kind(chinaGap(1, 10, -0.1))).toBe("#NUM!");
    expect(kind(chinaGap(11, 10))).toBe("#NUM!");
  });
});

describe("writeDownRatio", () => {
  it("reproduces the article's 32%: 5.5 ÷ 17.1", () => {
    expect(writeDownRatio(5.5, 17.1)).toBeCloseTo(0.321637, 6); // 5.5 / 17.1 = 0.32164
  });
  it("answers #DIV/0! when the reference revenue is zero", () => expect(kind(writeDownRatio(5.5, 0))).toBe("#DIV/0!"));
  it("answers #NUM! for a negative write-down or revenue", () => {
    expect(kind(writeDownRatio(-5.5, 17.1))).toBe("#NUM!");
    expect(kind(writeDownRatio(5.5, -17.1))).toBe("#NUM!");
  });
});

describe("impliedTotal and shareOf", () => {
  it("implies 131.5 bn of global revenue from 17.1 bn at 13%", () => {
    expect(impliedTotal(17.1, 0.13)).toBeCloseTo(131.538, 3); // 17.1 / 0.13
  });
  it("answers the share 17.1 is of 131.5", () => expect(shareOf(17.1, 131.5)).toBeCloseTo(0.130038, 6));
  it("answers #DIV/0! for a zero share or whole", () => {
    expect(kind(impliedTotal(17.1, 0))).toBe("#DIV/0!");
    expect(kind(shareOf(1, 0))).toBe("#DIV/0!");
  });
  it("answers #NUM! for a share above 1, a negative part, or a part above the whole", () => {
    expect(kind(impliedTotal(17.1, 1.3))).toBe("#NUM!");
    expect(kind(impliedTotal(-1, 0.5))).toBe("#NUM!");
    expect(kind(shareOf(2, 1))).toBe("#NUM!");
    expect(kind(shareOf(-1, 1))).toBe("#NUM!");
  });
});

describe("revenueAtRisk", () => {
  it("puts all 17.1 bn at risk under a certain ban", () => expect(revenueAtRisk(17.1, 1)).toBeCloseTo(17.1, 12));
  it("weights substitution by the chance of no ban and removes the recaptured share", () => {
    // 17.1 × (0.5 + 0.5 × 0.2) × (1 − 0.1) = 17.1 × 0.6 × 0.9 = 9.234
    expect(revenueAtRisk(17.1, 0.5, 0.2, 0.1)).toBeCloseTo(9.234, 10);
  });
  it("answers nothing at risk with no ban and no substitution", () => expect(revenueAtRisk(17.1, 0)).toBe(0));
  it("answers #NUM! for a probability or share outside 0–1 or negative revenue", () => {
    expect(kind(revenueAtRisk(17.1, 1.5))).toBe("#NUM!");
    expect(kind(revenueAtRisk(17.1, 0.5, -0.2))).toBe("#NUM!");
    expect(kind(revenueAtRisk(17.1, 0.5, 0, 2))).toBe("#NUM!");
    expect(kind(revenueAtRisk(-17.1, 0.5))).toBe("#NUM!");
  });
});
