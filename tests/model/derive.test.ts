import { DERIVATION_OPS, derivationFormula, evaluateDerivation, operandNames, ExposureError } from "../../src/model";

const values: Record<string, number> = { rev23: 10.3, rev24: 17.1, wd: 5.5, share: 0.13, peak: 3.3, now: 2.47 };
const resolve = (id: string) => values[id];
const address: Record<string, string> = { rev23: "C5", rev24: "C6", wd: "C7", share: "C8", peak: "C9", now: "C10" };
const at = (id: string) => address[id];

describe("derivations", () => {
  it("evaluate with the model's own functions", () => {
    expect(evaluateDerivation({ op: "growth", args: ["rev23", "rev24"] }, resolve)).toBeCloseTo(0.660194, 6);
    expect(evaluateDerivation({ op: "write_down_ratio", args: ["wd", "rev24"] }, resolve)).toBeCloseTo(0.321637, 6);
    expect(evaluateDerivation({ op: "ratio", args: ["rev24", 4] }, resolve)).toBeCloseTo(4.275, 12); // 17.1 / 4
    expect(evaluateDerivation({ op: "cagr", args: [0.8, 2.1, 2] }, resolve)).toBeCloseTo(0.620185, 6);
    expect(evaluateDerivation({ op: "sum", args: ["rev23", "wd"] }, resolve)).toBeCloseTo(15.8, 12); // 10.3 + 5.5
  });
  it("round to the nearest whole number, halves away from zero as Excel's ROUND(x,0)", () => {
    expect(evaluateDerivation({ op: "nearest_whole", args: [173.0159] }, resolve)).toBe(173); // 327 / 1.89
    expect(evaluateDerivation({ op: "nearest_whole", args: [2.5] }, resolve)).toBe(3);
    expect(evaluateDerivation({ op: "nearest_whole", args: [-2.5] }, resolve)).toBe(-3); // Math.round would give -2
    expect(derivationFormula({ op: "nearest_whole", args: ["rev24"] }, at)).toBe("=ROUND(C6,0)");
    expect(derivationFormula({ op: "sum", args: ["rev23", "wd"] }, at)).toBe("=C5+C7");
  });
  it("render as native Excel formulas over the cells of their operands", () => {
    expect(derivationFormula({ op: "growth", args: ["rev23", "rev24"] }, at)).toBe("=C6/C5-1");
    expect(derivationFormula({ op: "write_down_ratio", args: ["wd", "rev24"] }, at)).toBe("=C7/C6");
    expect(derivationFormula({ op: "drawdown", args: ["peak", "now"] }, at)).toBe("=(C9-C10)/C9");
    expect(derivationFormula({ op: "cagr", args: ["rev23", "rev24", 1] }, at)).toBe("=(C6/C5)^(1/1)-1");
    expect(derivationFormula({ op: "prior_from_growth", args: ["rev24", "share"] }, at)).toBe("=C6/(1+C8)");
    expect(derivationFormula({ op: "difference", args: ["peak", -1] }, at)).toBe("=C9-(-1)");
  });
  it("answer #N/A for an unknown id and pass an operand's error through", () => {
    const unknown = evaluateDerivation({ op: "ratio", args: ["nope", "rev24"] }, resolve);
    expect(unknown instanceof ExposureError && unknown.kind).toBe("#N/A");
    const err = new ExposureError("#DIV/0!", "x");
    expect(evaluateDerivation({ op: "ratio", args: ["bad", 1] }, () => err)).toBe(err);
  });
  it("answer #VALUE! for the wrong number of operands, and every op declares its operands", () => {
    const r = evaluateDerivation({ op: "growth", args: ["rev23"] }, resolve);
    expect(r instanceof ExposureError && r.kind).toBe("#VALUE!");
    for (const op of DERIVATION_OPS) expect(operandNames(op).length).toBeGreaterThanOrEqual(1);
  });
});
