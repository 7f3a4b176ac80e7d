/**
 * The normal distribution with arithmetic only: accurate against known quantiles and against
 * mathjs's erf, and computed without Math's engine-rounded functions, so a normal draw is the same
 * bits in every browser.
 */
import { erf } from "mathjs/number";
import { expArith, lnArith, normalCdf, normalQuantile } from "../../src/model/normal";
import { withoutEngineMath } from "./engine-math";

describe("the normal distribution, with arithmetic only", () => {
  it("gives the textbook quantiles: 1.959964 at 97.5%, 1.644854 at 95%, 0 at 50%, −6.361341 at 1e-10", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 14);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514722, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
    expect([normalQuantile(0), normalQuantile(1), normalQuantile(-0.1), normalQuantile(1.1)]).toEqual([
      -Infinity,
      Infinity,
      NaN,
      NaN,
    ]);
  });

  it("agrees with mathjs's erf, Φ(z) = (1 + erf(z ÷ √2)) ÷ 2, within 2e-15 from −9 to 9", () => {
    let worst = 0;
    for (let z = -9; z <= 9; z += 0.01)
      worst = Math.max(worst, Math.abs(normalCdf(z) - 0.5 * (1 + erf(z / Math.SQRT2))));
    expect(worst).toBeLessThan(2e-15);
    expect([normalCdf(-40), normalCdf(0), normalCdf(40)]).toEqual([0, 0.5, 1]);
  });

  it("inverts: Φ(Φ⁻¹(p)) is p within 1e-15 over the whole range", () => {
    let worst = 0;
    for (let p = 1e-12; p < 1; p += 0.000997) worst = Math.max(worst, Math.abs(normalCdf(normalQuantile(p)) - p));
    expect(worst).toBeLessThan(1e-15);
  });

  it("computes e^x and ln x within 1e-15 of Math's", () => {
    for (let y = -700; y <= 700; y += 0.37) {
      expect(Math.abs(expArith(y) - Math.exp(y)) / Math.exp(y)).toBeLessThan(1e-15);
      const x = Math.exp(y);
      expect(Math.abs(lnArith(x) - Math.log(x))).toBeLessThan(1e-15 * Math.max(1, Math.abs(y)));
    }
    expect([lnArith(1), lnArith(0), expArith(0), expArith(-800), expArith(800)]).toEqual([
      0,
      -Infinity,
      1,
      0,
      Infinity,
    ]);
  });

  it("never calls Math.log, Math.exp or another function engines may round differently", () => {
    const qs = [1e-300, 1e-12, 0.01, 0.3, 0.5, 0.8, 0.999, 1 - 1e-12];
    const expected = qs.map((p) => [normalQuantile(p), normalCdf(normalQuantile(p))]);
    expect(withoutEngineMath(() => qs.map((p) => [normalQuantile(p), normalCdf(normalQuantile(p))]))).toEqual(expected);
  });
});
