/**
 * "Run simulation" on the Office double: the case's inputs are read from the workbook (the user's
 * values, not the article's seeds), the summary is the model's, the simulation sheet is written as
 * values, the case itself is never written, the same seed rewrites the same values (the time stamp
 * aside), and what cannot run says why and writes nothing. For NVIDIA and for a second company.
 */
import { nvidiaDrivers } from "../../src/baseline";
import { type CaseDrivers, type DriverId } from "../../src/model";
import { simulate } from "../../src/model/simulation";
import { CASE_CELLS, blankCase } from "../../src/workbook/case-plan";
import { applyPlan } from "../../src/workbook/office";
import { buildPlan, casePlan } from "../../src/workbook/plan";
import { runSimulation, type SimulationRequest } from "../../src/workbook/simulation-run";
import type { FakeSheet, FakeWorkbook } from "../browser/excel-double";
import { NVIDIA_ASSUMPTIONS } from "../model/nvidia-assumptions";
import { wire } from "./office-fixtures";

/** What the analyst types into the NVIDIA case: the drivers the article does not give (nvidia-assumptions.ts). */
const TYPED: Partial<Record<DriverId, number | string>> = NVIDIA_ASSUMPTIONS;
const type = (wb: FakeWorkbook, sheet: FakeSheet, values: Partial<Record<DriverId, number | string>>) => {
  for (const [id, v] of Object.entries(values)) wb.seed(sheet, CASE_CELLS.driver(id as DriverId), v);
};
const AT = new Date(Date.UTC(2025, 5, 1, 14, 3));
const request: SimulationRequest = {
  caseKey: "nvidia",
  company: "NVIDIA",
  output: "net_income_at_risk",
  trials: 10_000,
  seed: 42,
  lang: "en",
  at: AT,
};

describe("running a simulation of a case", () => {
  it("reads the user's drivers, writes the model's summary as values, and never writes the case", async () => {
    const { wb, syncCalls } = wire();
    await applyPlan(buildPlan());
    const nvidia = wb.sheet("NVIDIA case");
    type(wb, nvidia, { ...TYPED, exposed_revenue: 20 }); // the analyst's own China revenue
    wb.seed(nvidia, CASE_CELLS.distribution("gross_margin"), "normal");
    wb.seed(nvidia, CASE_CELLS.low("tax_rate"), 0.1);
    const caseBefore = nvidia.contents();
    const before = syncCalls();

    const report = await runSimulation(request);
    expect(report).toMatchObject({ ok: true, caseSheet: "NVIDIA case", sheet: "NVIDIA simulation" });
    expect(syncCalls() - before).toBe(2 + 3); // read the case (2), insert the sheet (3)
    expect(nvidia.contents()).toEqual(caseBefore);

    const expected = simulate({
      output: "net_income_at_risk",
      drivers: { ...nvidiaDrivers(), ...TYPED, exposed_revenue: 20 } as CaseDrivers,
      lows: { tax_rate: 0.1 },
      distributions: { gross_margin: "normal" },
      trials: 10_000,
      seed: 42,
    });
    expect(report.summary).toEqual(expected);
    // the Base scenario, by hand: 20 × (0.5 + 0.5 × 0.2) × 0.75 × 0.85 = 7.65
    expect(report.summary!.base).toBeCloseTo(7.65, 12);

    const sim = wb.sheet("NVIDIA simulation").contents();
    expect([sim.A8, sim.B8, sim.A9, sim.B9, sim.B11]).toEqual(["Seed", 42, "Trials", 10000, "2025-06-01 14:03 UTC"]);
    expect(sim.B10).toBeCloseTo(7.65, 12); // the threshold: the Base scenario's figure
    expect([sim.A14, sim.B14, sim.A15, sim.B15]).toEqual([
      "At the Base scenario's values (no draw)",
      expect.closeTo(7.65, 12),
      "Mean",
      report.summary!.mean,
    ]);
    // no formula anywhere: a colleague without the add-in sees the same numbers
    expect(Object.values(sim).filter((v) => typeof v === "string" && v.startsWith("="))).toEqual([]);
    expect(wb.sheet("NVIDIA simulation").charts).toHaveLength(1);
  });

  it("rewrites the same values with the same seed (the time stamp aside), and others with another seed", async () => {
    const { wb } = wire();
    await applyPlan(buildPlan());
    type(wb, wb.sheet("NVIDIA case"), TYPED);
    await runSimulation(request);
    const first = wb.sheet("NVIDIA simulation").contents();
    const again = await runSimulation({ ...request, at: new Date(Date.UTC(2025, 5, 2, 9, 0)) });
    expect(again.insert!.sheets[0]).toMatchObject({ name: "NVIDIA simulation", outcome: "refreshed" });
    const second = wb.sheet("NVIDIA simulation").contents();
    expect({ ...second, B11: "" }).toEqual({ ...first, B11: "" });
    expect(second.B11).toBe("2025-06-02 09:00 UTC");
    await runSimulation({ ...request, seed: 7 });
    expect(wb.sheet("NVIDIA simulation").contents().B15).not.toBe(first.B15);
    expect(wb.sheets.filter((s) => /simulation/.test(s.name)).map((s) => s.name)).toEqual(["NVIDIA simulation"]);
  });

  it("simulates a second company's case beside NVIDIA's, each on its own sheet", async () => {
    const { wb } = wire();
    await applyPlan(buildPlan());
    type(wb, wb.sheet("NVIDIA case"), TYPED);
    await applyPlan(casePlan(blankCase("Acme Robotics", "EUR", "30 June"), "en"));
    type(wb, wb.sheet("Acme Robotics case"), {
      exposed_revenue: 2,
      ban_probability: 0.3,
      substitution_share: 0.1,
      recapture_share: 0.2,
      multiple_type: "P/S",
      valuation_multiple: 3,
    });
    await runSimulation(request);
    const acme = await runSimulation({
      ...request,
      caseKey: "acme_robotics",
      company: "Acme Robotics",
      output: "value_at_risk",
    });
    expect(acme).toMatchObject({ ok: true, caseSheet: "Acme Robotics case", sheet: "Acme Robotics simulation" });
    // 3 × 2 × (0.3 + 0.7 × 0.1) × (1 − 0.2) = 1.776; its unit is the case's
    expect(acme.summary!.base).toBeCloseTo(1.776, 12);
    expect(wb.sheet("Acme Robotics simulation").contents().C7).toBe("EUR bn");
    expect(wb.sheet("NVIDIA simulation").contents().C7).toBe("USD bn");
  });

  it("says which driver to fill in, which cell it cannot read, or that there is no case, and writes nothing", async () => {
    const { wb } = wire();
    expect(await runSimulation(request)).toMatchObject({ ok: false, error: { kind: "no_case" } });
    await applyPlan(buildPlan());
    const sheets = () => wb.sheets.map((s) => s.name);
    const names = sheets();
    // the article gives no tax rate, margin or probability: net income asks for its own driver first, as the sheet does
    expect(await runSimulation(request)).toMatchObject({
      ok: false,
      caseSheet: "NVIDIA case",
      error: { kind: "missing", driver: "tax_rate" },
    });
    type(wb, wb.sheet("NVIDIA case"), { ...TYPED, gross_margin: "high" });
    expect(await runSimulation(request)).toMatchObject({
      ok: false,
      error: { kind: "unreadable", cell: CASE_CELLS.driver("gross_margin"), driver: "gross_margin" },
    });
    type(wb, wb.sheet("NVIDIA case"), { gross_margin: 0.75 });
    wb.seed(wb.sheet("NVIDIA case"), CASE_CELLS.low("exposed_revenue"), 30); // above its high (17.1 × 1.2)
    expect(await runSimulation(request)).toMatchObject({ ok: false, error: { kind: "invalid" } });
    expect(await runSimulation({ ...request, trials: 2_000_000 })).toMatchObject({
      ok: false,
      error: { kind: "invalid" },
    });
    expect(sheets()).toEqual(names);
  });
});
