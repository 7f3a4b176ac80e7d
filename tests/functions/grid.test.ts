import { ExposureError, WorstDrawdown, shareOf } from "../../src/model";
import { feedSeries, isSingleCell, liftNumeric, liftText, toNumber, toText } from "../../src/functions/grid";

/** Excel's error codes in place of the CustomFunctions.Error objects, numbers as they are. */
const codes = (g: unknown[][]) =>
  g.map((r) => r.map((v) => (typeof v === "object" && v !== null ? (v as { code: string }).code : v)));
const messageOf = (g: unknown[][]) => (g[0][0] as { message?: string }).message;

const SHARE_OF = liftNumeric("SHARE_OF", shareOf, [{ name: "part" }, { name: "whole" }]);

describe("toNumber", () => {
  it("accepts finite numbers", () => expect(toNumber("x", 1.5)).toBe(1.5));
  it("answers #VALUE! naming the argument for text, booleans and empty cells", () => {
    for (const v of ["abc", "17.1", true, false, null, "", undefined]) {
      const r = toNumber("china_revenue", v);
      expect(r).toBeInstanceOf(ExposureError);
      expect((r as ExposureError).kind).toBe("#VALUE!");
      expect((r as ExposureError).message).toContain("china_revenue");
    }
  });
  it("answers #NUM! for a number that is not finite", () => {
    expect((toNumber("x", Infinity) as ExposureError).kind).toBe("#NUM!");
    expect((toNumber("x", Number.NaN) as ExposureError).kind).toBe("#NUM!");
  });
  it("uses the default of an optional argument for an empty cell", () => expect(toNumber("x", null, 0)).toBe(0));
});

describe("toText", () => {
  it("trims text", () => expect(toText("id", "  china_revenue_2024 ")).toBe("china_revenue_2024"));
  it("reads a blank text (spaces only) as an empty cell: the default of an optional argument", () => {
    for (const blank of ["   ", "\t", "", null, undefined])
      expect([blank, toText("field", blank, "value")]).toEqual([blank, "value"]);
  });
  it("answers #VALUE! naming a required argument that is blank or empty, and one that is not text", () => {
    for (const v of ["   ", null]) {
      const e = toText("id", v) as ExposureError;
      expect([e.kind, e.message]).toEqual(["#VALUE!", "id must be text; it is empty"]);
    }
    expect((toText("id", 17.1) as ExposureError).message).toBe("id must be text");
    expect((toText("id", true) as ExposureError).kind).toBe("#VALUE!");
  });
});

describe("liftNumeric", () => {
  it("answers a single cell with a single cell, as Excel passes it or bare", () => {
    expect(SHARE_OF([[16]], [[42]])).toEqual([[16 / 42]]);
    expect(SHARE_OF(1, 4)).toEqual([[0.25]]);
  });
  it("answers a column for a column, broadcasting a single cell", () => {
    expect(SHARE_OF([[1], [2], [3]], [[4]])).toEqual([[0.25], [0.5], [0.75]]);
  });
  it("broadcasts a row against a column into a block, as Excel's array arithmetic does", () => {
    // part 1, 2 down the rows; whole 4, 8 across the columns
    expect(SHARE_OF([[1], [2]], [[4, 8]])).toEqual([
      [0.25, 0.125],
      [0.5, 0.25],
    ]);
  });
  it("answers a block for a block, element by element", () => {
    expect(
      SHARE_OF(
        [
          [1, 2],
          [3, 4],
        ],
        [
          [2, 4],
          [4, 8],
        ],
      ),
    ).toEqual([
      [0.5, 0.5],
      [0.75, 0.5],
    ]);
  });
  it("puts each bad element's own error in its own place, with the argument's name where Excel shows one", () => {
    const out = SHARE_OF([[1], ["n/a"], [5], [null], [1]], [[4], [4], [4], [4], [0]]);
    expect(codes(out)).toEqual([[0.25], ["#VALUE!"], ["#NUM!"], ["#VALUE!"], ["#DIV/0!"]]);
    expect((out[1][0] as { message: string }).message).toContain("part is text");
    expect((out[2][0] as { message?: string }).message).toBeUndefined(); // Excel shows none for #NUM!
  });
  it("answers one #VALUE! naming both shapes for mismatched ranges", () => {
    const out = SHARE_OF([[1], [2]], [[1], [2], [3]]);
    expect(codes(out)).toEqual([["#VALUE!"]]);
    expect(messageOf(out)).toContain("part is 2×1");
    expect(messageOf(out)).toContain("whole is 3×1");
  });
  it("answers one #VALUE! for a ragged or empty array", () => {
    expect(codes(SHARE_OF([[1, 2], [3]], 4))).toEqual([["#VALUE!"]]);
    expect(messageOf(SHARE_OF([[1, 2], [3]], 4))).toContain("part is not a rectangular range");
    expect(codes(SHARE_OF([], 4))).toEqual([["#VALUE!"]]);
    expect(codes(SHARE_OF([[]], 4))).toEqual([["#VALUE!"]]);
  });
  it("treats an omitted optional argument (null) or an empty cell as its default, a required one as #VALUE!", () => {
    const add = liftNumeric("ADD", (a, b) => a + b, [{ name: "a" }, { name: "b", default: 2 }]);
    expect(add(1, null)).toEqual([[3]]);
    expect(add([[1], [5]], [[""], [1]])).toEqual([[3], [6]]);
    expect(codes(add(null, 1))).toEqual([["#VALUE!"]]);
  });
  it("lifts one to four arguments, each in its own place", () => {
    const one = liftNumeric("NEG", (a) => -a, [{ name: "a" }]);
    const four = liftNumeric("DIGITS", (a, b, c, d) => a * 1000 + b * 100 + c * 10 + d, [
      { name: "a" },
      { name: "b" },
      { name: "c" },
      { name: "d", default: 4 },
    ]);
    expect(one([[1], [2]])).toEqual([[-1], [-2]]);
    expect(four([[1], [5]], 2, [[3]], null)).toEqual([[1234], [5234]]);
    expect(codes(four(1, 2, "x", 4))).toEqual([["#VALUE!"]]);
  });
  it("answers a #VALUE! naming the function when the model throws, never a raw JavaScript error", () => {
    const broken = liftNumeric(
      "BROKEN",
      () => {
        throw new Error("boom");
      },
      [{ name: "a" }],
    );
    expect(codes(broken(1))).toEqual([["#VALUE!"]]);
    expect(messageOf(broken(1))).toBe("EXPOSURE.BROKEN failed: boom");
  });
  it("refuses, when the add-in is built, a lift of no parameters or of more than four", () => {
    expect(() => liftNumeric("NONE", (a) => a, [] as unknown as [{ name: string }])).toThrow(/1 to 4 parameters/);
  });
});

describe("liftText", () => {
  it("trims text, uses a default for an omitted argument, and answers #VALUE! for numbers where text is due", () => {
    const join = liftText("JOIN", (a, b) => `${a}.${b}`, [{ name: "id" }, { name: "field", default: "value" }]);
    expect(codes(join([[" a "], [3]], null))).toEqual([["a.value"], ["#VALUE!"]]);
    expect(join("a", [["unit", "label"]])).toEqual([["a.unit", "a.label"]]);
  });
  it("takes a blank text for an optional argument as its default, as an empty cell", () => {
    const join = liftText("JOIN", (a, b) => `${a}.${b}`, [{ name: "id" }, { name: "field", default: "value" }]);
    expect(join("a", "   ")).toEqual([["a.value"]]);
    expect(join([["a"], ["b"]], [["  "], ["unit"]])).toEqual([["a.value"], ["b.unit"]]);
    expect(codes(join("   ", "unit"))).toEqual([["#VALUE!"]]);
  });
});

describe("feedSeries", () => {
  const worst = (v: unknown) => {
    const w = new WorstDrawdown();
    const e = feedSeries("s", v, w);
    return e ? e.kind : w.result();
  };
  it("walks a row or a column in order, skipping empty cells", () => {
    expect(worst([[2.8], [null], [3.3], [""], [2.47], [3.0]])).toBeCloseTo(0.2515, 4); // (3.3 − 2.47) ÷ 3.3
    expect(worst([[2.8, 3.3, 2.47]])).toBeCloseTo(0.2515, 4);
  });
  it("answers #VALUE! for a block of several rows and columns, for text, a boolean or a ragged array", () => {
    expect(
      worst([
        [1, 2],
        [3, 4],
      ]),
    ).toBe("#VALUE!");
    expect(worst([[1], ["x"]])).toBe("#VALUE!");
    expect(worst([[1], [true]])).toBe("#VALUE!");
    expect(worst([[1], [2, 3]])).toBe("#VALUE!");
  });
  it("answers #NUM! for a negative or non-finite value", () => {
    expect(worst([[1], [-1]])).toBe("#NUM!");
    expect(worst([[1], [Infinity]])).toBe("#NUM!");
  });
});

describe("isSingleCell", () => {
  it("is true for one cell, a bare value or an omitted argument, false for a range", () => {
    expect([isSingleCell([[1]]), isSingleCell(1), isSingleCell(null), isSingleCell([[1], [2]])]).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });
});
