/**
 * Who owns what, on the Office double: a record sheet the user changed goes back to the plan with a
 * copy keeping the changes; a case keeps its inputs whatever the plan seeds, and is left alone when
 * changed outside them; validation rules reach the sheet; an undo removes the copy it made.
 */
import { MARK_KEY } from "../../src/workbook/marks";
import { applyPlan } from "../../src/workbook/office";
import type { SheetPlan, WorkbookPlan } from "../../src/workbook/types";
import { manyPlan, tableSheet, userVisible, wire } from "./office-fixtures";

/** A case sheet: the table sheet's rows B4:B5 are the user's inputs, with a rule on them. */
function casePlan(seed = 17.1): WorkbookPlan {
  const sheet: SheetPlan = {
    ...tableSheet("case_acme", "Acme case", { value: seed }),
    owner: "case",
    inputs: ["B4:B5"],
    validations: [{ range: "B4:B5", rule: { kind: "decimal", min: 0 }, title: "Revenue", message: "Not negative" }],
  };
  return { sheets: [sheet], names: [{ name: "case_acme_revenue", sheetKey: "case_acme", address: "B5", comment: "" }] };
}

describe("a case is the user's", () => {
  it("keeps the inputs the user changed when it is inserted again, refreshing the rest in place", async () => {
    const { wb } = wire();
    const first = await applyPlan(casePlan(), { runId: "c1" });
    expect(first.sheets[0]).toMatchObject({ outcome: "created", name: "Acme case" });
    const sheet = wb.sheet("Acme case");
    expect(sheet.validations.get("B4:B5")).toMatchObject({
      rule: { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } },
      errorAlert: { showAlert: true, title: "Revenue", message: "Not negative" },
    });
    wb.seed(sheet, "B4", 12); // two inputs changed
    wb.seed(sheet, "B5", 20);
    wb.seed(sheet, "J30", "my note beside the case");
    const again = await applyPlan(casePlan(18), { runId: "c2" }); // the plan now seeds 18
    expect(again.sheets[0]).toMatchObject({ outcome: "refreshed", name: "Acme case", id: sheet.id });
    expect([sheet.formula("B4"), sheet.formula("B5")]).toEqual([12, 20]);
    expect(sheet.formula("J30")).toBe("my note beside the case");
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", "Acme case"]); // no "(2)"
    expect(wb.names.find((n) => n.name === "case_acme_revenue")!.formula).toBe("='Acme case'!$B$5");
  });

  it("leaves a case the user changed outside its inputs as it is, and says so", async () => {
    const { wb } = wire();
    await applyPlan(casePlan(), { runId: "c1" });
    const sheet = wb.sheet("Acme case");
    wb.seed(sheet, "A4", "Revenue (restated)"); // a label: the add-in's part
    const before = sheet.contents();
    const report = await applyPlan(casePlan(18), { runId: "c2" });
    expect(report.ok).toBe(true);
    expect(report.sheets).toEqual([{ key: "case_acme", name: "Acme case", id: sheet.id, outcome: "kept" }]);
    expect(sheet.contents()).toEqual(before);
    expect(report.namesSkipped).toEqual([{ name: "case_acme_revenue", reason: "sheet_not_inserted" }]);
  });
});

describe("a record the user changed", () => {
  it("a write that stops right after copying the changed sheet leaves no copy behind", async () => {
    const probe = wire();
    await applyPlan(manyPlan(), { runId: "r1" });
    probe.wb.seed(probe.wb.sheet("Table 2"), "B4", 1);
    await applyPlan(manyPlan(), { runId: "r2" });
    const ops = probe.wb.batches.get(probe.wb.syncs - 1)!;
    const copyAt = ops.findIndex((w) => w.startsWith("copy sheet"));
    expect(ops[copyAt + 1]).toBe(`customProperties.add(${MARK_KEY})`);

    const { wb } = wire({ faults: [{ sync: 5, afterOps: copyAt + 1 }] });
    await applyPlan(manyPlan(), { runId: "r1" });
    wb.seed(wb.sheet("Table 2"), "B4", 1);
    const before = userVisible(wb);
    const report = await applyPlan(manyPlan(), { runId: "r2" });
    expect(report).toMatchObject({ ok: false, cleanup: { complete: true } });
    expect(report.cleanup!.deleted).toEqual(["Table 2 (2)"]); // Excel's own name for the copy
    expect(userVisible(wb)).toEqual(before);
  });
});
