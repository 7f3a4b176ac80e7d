/**
 * A user's journey with cases, on the Office double: insert everything, change two drivers of the
 * NVIDIA case, insert again (the changes stay, no copy, the record refreshes), add a second company's
 * case beside it, and reset the NVIDIA case to the article (one driver, then all).
 */
import { nvidiaDrivers } from "../../src/baseline";
import {
  CASE_CELLS,
  blankCase,
  caseInputs,
  caseSeedCells,
  caseSheetKey,
  nvidiaCase,
} from "../../src/workbook/case-plan";
import { resetCaseInputs } from "../../src/workbook/case-reset";
import { applyPlan } from "../../src/workbook/office";
import { buildPlan, casePlan } from "../../src/workbook/plan";
import { wire } from "./office-fixtures";

const nvidia = nvidiaCase("en");
const reset = (drivers?: Parameters<typeof caseSeedCells>[1]) =>
  resetCaseInputs(caseSheetKey(nvidia), caseInputs(), caseSeedCells(nvidia, drivers));

describe("a case through inserts and resets", () => {
  it("keeps the user's drivers when everything is inserted again, and resets them to the article on request", async () => {
    const { wb } = wire();
    const first = await applyPlan(buildPlan());
    expect(first.ok).toBe(true);
    const caseResult = first.sheets.find((s) => s.key === "case_nvidia")!;
    expect(caseResult).toMatchObject({ name: "NVIDIA case", outcome: "created" });
    const sheet = wb.sheet("NVIDIA case");
    const cell = (id: Parameters<typeof CASE_CELLS.driver>[0]) => sheet.formula(CASE_CELLS.driver(id));
    expect(cell("exposed_revenue")).toBe(17.1);
    expect(cell("market_value")).toBeCloseTo(2470, 9);
    expect(cell("gross_margin")).toBe(""); // the article gives none
    expect(wb.names.find((n) => n.name === "case_nvidia_exposed_revenue")!.formula).toBe("='NVIDIA case'!$B$6");
    // the tornado's working columns are hidden (they neither show nor print), the reader's are not
    expect([...sheet.hiddenColumns].sort()).toEqual("KLMNOPQRSTUV".split(""));

    // the analyst changes two of the article's drivers and fills one it does not give
    wb.seed(sheet, CASE_CELLS.driver("exposed_revenue"), 20);
    wb.seed(sheet, CASE_CELLS.driver("market_value"), 3000);
    wb.seed(sheet, CASE_CELLS.driver("gross_margin"), 0.7);
    wb.seed(sheet, CASE_CELLS.probability(0), 0.5);
    const sheetsBefore = wb.sheets.map((s) => s.name);

    const again = await applyPlan(buildPlan());
    expect(again.ok).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual(sheetsBefore); // no "(2)", no copy
    expect(again.sheets.find((s) => s.key === "case_nvidia")!.outcome).toMatch(/^(unchanged|refreshed)$/);
    expect(again.sheets.filter((s) => s.key !== "case_nvidia").every((s) => s.outcome === "unchanged")).toBe(true);
    expect([cell("exposed_revenue"), cell("market_value"), cell("gross_margin")]).toEqual([20, 3000, 0.7]);
    expect(sheet.formula(CASE_CELLS.probability(0))).toBe(0.5);

    // reset one driver: only that cell changes
    const one = await reset(["market_value"]);
    expect(one).toMatchObject({ ok: true, sheet: "NVIDIA case", cells: [{ address: "B18", was: 3000 }] });
    expect(one.cells[0].now).toBeCloseTo(2470, 9); // 2.47 tn × 1000
    expect([cell("exposed_revenue"), cell("gross_margin")]).toEqual([20, 0.7]);

    // reset all the article's drivers: the figure the user typed over goes back, their own stay
    const all = await reset();
    expect(all.ok).toBe(true);
    expect(all.cells.map((c) => c.address)).toEqual(["B6", "B7", "B8", "B17", "B18"]);
    expect(cell("exposed_revenue")).toBe(17.1);
    expect(cell("global_revenue")).toBeCloseTo(nvidiaDrivers().global_revenue!, 12);
    expect(cell("gross_margin")).toBe(0.7);
    expect(sheet.formula(CASE_CELLS.probability(0))).toBe(0.5);
  });

  it("keeps a second company's case beside the NVIDIA case, each with its own names", async () => {
    const { wb } = wire();
    await applyPlan(buildPlan());
    const acme = await applyPlan(casePlan(blankCase("Acme Robotics", "EUR", "30 June"), "en"));
    expect(acme.sheets).toEqual([expect.objectContaining({ name: "Acme Robotics case", outcome: "created" })]);
    expect(wb.names.find((n) => n.name === "case_acme_robotics_exposed_revenue")!.formula).toBe(
      "='Acme Robotics case'!$B$6",
    );
    expect(wb.names.find((n) => n.name === "case_nvidia_exposed_revenue")!.formula).toBe("='NVIDIA case'!$B$6");
    // inserting everything again leaves the Acme case alone
    const before = wb.sheet("Acme Robotics case").contents();
    await applyPlan(buildPlan());
    expect(wb.sheet("Acme Robotics case").contents()).toEqual(before);
  });

  it("says there is no case to reset when the NVIDIA case is not in the workbook, and writes nothing", async () => {
    const { wb } = wire();
    expect(await reset()).toMatchObject({ ok: false, error: { kind: "no_case" }, syncs: 0 });
    await applyPlan(buildPlan());
    wb.deleteSheet(wb.sheet("NVIDIA case"));
    const report = await reset();
    expect(report).toMatchObject({ ok: false, error: { kind: "no_case" } });
  });

  it("refuses to write a cell that is not one of the case's inputs", async () => {
    wire();
    await applyPlan(buildPlan());
    const report = await resetCaseInputs(caseSheetKey(nvidia), caseInputs(), [{ address: "B31", value: 0 }]);
    expect(report).toMatchObject({ ok: false, error: { kind: "not_an_input", detail: "B31" }, syncs: 0 });
  });

  it("leaves a protected case sheet alone and says so", async () => {
    const { wb } = wire();
    await applyPlan(buildPlan());
    wb.sheet("NVIDIA case").protected = true;
    const report = await reset();
    expect(report).toMatchObject({ ok: false, error: { kind: "sheet_protected" }, sheet: "NVIDIA case" });
  });
});
