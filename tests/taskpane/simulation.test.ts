/**
 * The simulation fold's words, as pure functions: what the form accepts, and what a run ends with
 * (the summary, or why nothing was written), in both languages.
 */
import type { SimulationReport } from "../../src/workbook/simulation-run";
import { readForm, simulationText } from "../../src/taskpane/simulation";

const form = (over: Partial<Parameters<typeof readForm>[0]> = {}) =>
  readForm({ company: "", output: "net_income_at_risk", trials: "10000", seed: "1", threshold: "", ...over }, "en");

describe("the simulation form", () => {
  it("runs the NVIDIA case when no company is named, and a named company's case by its key", () => {
    expect(form()).toEqual({
      request: expect.objectContaining({
        caseKey: "nvidia",
        company: "NVIDIA",
        output: "net_income_at_risk",
        trials: 10000,
        seed: 1,
      }),
    });
    expect(form({ company: " Acme Robotics " })).toEqual({
      request: expect.objectContaining({ caseKey: "acme_robotics", company: "Acme Robotics" }),
    });
  });

  it("reads 10,000 and 1 000 000 trials, a negative seed, a threshold; refuses what it cannot simulate", () => {
    expect(form({ trials: "10,000" })).toMatchObject({ request: { trials: 10000 } });
    expect(form({ trials: "1 000 000" })).toMatchObject({ request: { trials: 1_000_000 } });
    expect(form({ seed: "-3", threshold: "6.5" })).toMatchObject({ request: { seed: -3, threshold: 6.5 } });
    for (const trials of ["1", "1000001", "1.5", "ten", ""])
      expect([trials, form({ trials })]).toEqual([trials, { field: "sim-trials", error: "pane.sim.error.trials" }]);
    expect(form({ seed: "0.5" })).toEqual({ field: "sim-seed", error: "pane.sim.error.seed" });
    expect(form({ threshold: "lots" })).toEqual({ field: "sim-threshold", error: "pane.sim.error.threshold" });
  });
});

describe("what a run ends with", () => {
  const failed = (error: SimulationReport["error"]): SimulationReport => ({
    ok: false,
    caseSheet: "NVIDIA case",
    error,
  });

  it("names the driver to fill in, the cell it cannot read, or the missing case, in plain words", () => {
    expect(simulationText(failed({ kind: "missing", detail: "", driver: "gross_margin" }), "NVIDIA", "en")).toBe(
      "The output needs Gross margin: fill it in on “NVIDIA case”, then run again. Nothing was changed.",
    );
    expect(
      simulationText(failed({ kind: "unreadable", detail: "", cell: "B12", driver: "gross_margin" }), "NVIDIA", "zh"),
    ).toBe("“NVIDIA case”的单元格 B12 中的内容无法用于模拟（毛利率）。未作任何更改。");
    expect(simulationText({ ok: false, error: { kind: "no_case", detail: "" } }, "Acme Robotics", "en")).toMatch(
      /^There is no case for Acme Robotics in this workbook/,
    );
  });
});
