import { ExposureError, shareOf } from "../../src/model";
import { broadcastShape, liftNumeric, liftText, seriesOf, toNumber } from "../../src/functions/grid";

const kinds = (g: unknown[][]) => g.map((r) => r.map((v) => (v instanceof ExposureError ? v.kind : v)));

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
  it("uses the default of an optional argument for an empty cell", () => expect(toNumber("x", null, 0)).toBe(0));
});

describe("broadcastShape", () => {
  const s = (name: string, shape: [number, number]) => ({ name, shape });
  it("stretches single cells and single rows/columns as Excel's array arithmetic does", () => {
    expect(broadcastShape([s("a", [3, 1]), s("b", [1, 1])])).toEqual([3, 1]);
    expect(broadcastShape([s("a", [3, 1]), s("b", [1, 4])])).toEqual([3, 4]);
  });
  it("answers #VALUE! naming both shapes when they do not match", () => {
    const r = broadcastShape([s("part", [3, 1]), s("whole", [2, 1])]) as ExposureError;
    expect(r.kind).toBe("#VALUE!");
    expect(r.message).toContain("part is 3×1");
    expect(r.message).toContain("whole is 2×1");
  });
});

describe("liftNumeric", () => {
  it("answers a column for a column, broadcasting a single cell", () => {
    const out = liftNumeric(shareOf, [
      { name: "part", value: [[1], [2], [3]] },
      { name: "whole", value: [[4]] },
    ]);
    expect(out).toEqual([[0.25], [0.5], [0.75]]);
  });
  it("puts each bad element's own error in its own place", () => {
    const out = liftNumeric(shareOf, [
      { name: "part", value: [[1], ["n/a"], [5], [null]] },
      { name: "whole", value: [[4], [4], [4], [4]] },
    ]);
    expect(kinds(out)).toEqual([[0.25], ["#VALUE!"], ["#NUM!"], ["#VALUE!"]]);
  });
  it("answers one #VALUE! for mismatched shapes and for a ragged array", () => {
    expect(
      kinds(
        liftNumeric(shareOf, [
          { name: "part", value: [[1], [2]] },
          { name: "whole", value: [[1], [2], [3]] },
        ]),
      ),
    ).toEqual([["#VALUE!"]]);
    expect(
      kinds(
        liftNumeric(shareOf, [
          { name: "part", value: [[1, 2], [3]] },
          { name: "whole", value: 4 },
        ]),
      ),
    ).toEqual([["#VALUE!"]]);
  });
  it("treats an omitted optional argument (null) as its default", () => {
    expect(
      liftNumeric(
        (a, b) => a + b,
        [
          { name: "a", value: 1 },
          { name: "b", value: null, default: 2 },
        ],
      ),
    ).toEqual([[3]]);
  });
});

describe("liftText", () => {
  it("trims text and answers #VALUE! for numbers where text is due", () => {
    const out = liftText((s) => s.toUpperCase(), [{ name: "id", value: [[" a "], [3]] }]);
    expect(kinds(out)).toEqual([["A"], ["#VALUE!"]]);
  });
});

describe("seriesOf", () => {
  it("reads a row or a column in order, skipping empty cells", () => {
    expect(seriesOf("s", [[1], [null], [3], [""]])).toEqual([1, 3]);
    expect(seriesOf("s", [[1, 2, 3]])).toEqual([1, 2, 3]);
  });
  it("answers #VALUE! for a block of several rows and columns, or for text", () => {
    expect(
      (
        seriesOf("s", [
          [1, 2],
          [3, 4],
        ]) as ExposureError
      ).kind,
    ).toBe("#VALUE!");
    expect((seriesOf("s", [[1], ["x"]]) as ExposureError).kind).toBe("#VALUE!");
  });
});
