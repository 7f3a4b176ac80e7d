/**
 * "Prepare for sharing" and "open this pane with the workbook", against the recording double.
 */
import {
  AUTO_OPEN_SETTING,
  convertExposureFormulas,
  findAnchors,
  isAutoOpen,
  isExposureFormula,
  rowRuns,
  scanExposureFormulas,
  setAutoOpen,
} from "../../src/workbook/sharing";
import type { FakeWorkbook } from "../browser/excel-double";
import type { SharingScope } from "../../src/workbook/sharing";
import { wire } from "./office-fixtures";

/** Two sheets of a user's model: EXPOSURE formulas among native ones and constants. */
function model(wb: FakeWorkbook) {
  const m = wb.addSheet("Model", {
    A1: "revenue",
    B1: 17.1,
    B2: 2.2,
    C1: { formula: "=EXPOSURE.WRITE_DOWN_RATIO(B2,B1)", value: 0.1287 },
    D1: { formula: "=exposure.cagr(B1,B2,3)", value: -0.49 }, // typed in lower case
    E1: { formula: "=EXPOSURE.SHARE(B2,B1)", value: 0.1287 },
    C2: { formula: "=SUM(B1:B2)", value: 19.3 },
    C3: { formula: '=IF(C1>0,"exposed","")', value: "exposed" }, // refers to one, calls none
    C4: { formula: '="EXPOSURE.NOTE"', value: "EXPOSURE.NOTE" }, // a text, not a call
    A6: "a note",
  });
  const other = wb.addSheet("Scenarios", {
    A1: { formula: "=EXPOSURE.REVENUE_AT_RISK(Model!B1,0.5)", value: 8.55 },
    A2: { formula: "=A1*2", value: 17.1 },
  });
  wb.activeSheetId = m.id;
  return { m, other };
}

/** Find, then Replace what Find counted, as the pane does. */
async function findThenReplace(scope: SharingScope) {
  return convertExposureFormulas(await scanExposureFormulas(scope));
}

describe("finding EXPOSURE formulas", () => {
  it("matches calls to EXPOSURE.* in any case, and nothing else", () => {
    expect(isExposureFormula('=EXPOSURE.FACT("china_revenue_2024")')).toBe(true);
    expect(isExposureFormula("=exposure.cagr(B1,B2,3)")).toBe(true);
    expect(isExposureFormula("=1+_xldudf_EXPOSURE.SHARE(A1,A2)")).toBe(true);
    expect(isExposureFormula("=SUM(A1:A3)")).toBe(false);
    expect(isExposureFormula('="EXPOSURE.NOTE"')).toBe(false);
    expect(isExposureFormula("EXPOSURE.FACT(x)")).toBe(false); // a text
    expect(isExposureFormula(3)).toBe(false);
  });

  it("counts them per sheet for the confirm step, in one read (two for the whole workbook)", async () => {
    const { wb } = wire({}, (w) => void model(w));
    const sheet = await scanExposureFormulas("sheet");
    expect(sheet).toMatchObject({ ok: true, formulas: 3, sheets: [{ sheet: "Model", cells: 3 }], syncs: 1 });
    const all = await scanExposureFormulas("workbook");
    expect(all).toMatchObject({
      ok: true,
      formulas: 4,
      sheets: [
        { sheet: "Model", cells: 3 },
        { sheet: "Scenarios", cells: 1 },
      ],
      syncs: 2,
    });
    wb.selection = { sheetId: wb.sheet("Model").id, address: "C1:D1,A1:A9" };
    const sel = await scanExposureFormulas("selection");
    expect(sel).toMatchObject({ ok: true, formulas: 2, syncs: 1 });
    expect(wb.implicitSyncs).toBe(0);
  });

  it("groups contiguous results of a row into one write", () => {
    const anchors = findAnchors(
      [
        {
          sheet: "S",
          sheetId: "s",
          address: "S!A1:E2",
          formulas: [
            ["=EXPOSURE.A()", "=EXPOSURE.B()", "x", "=EXPOSURE.C()", ""],
            ["", "", "", "", ""],
          ],
          values: [
            [1, 2, "x", 3, ""],
            ["", "", "", "", ""],
          ],
        },
      ],
      false,
    );
    expect(rowRuns(anchors).map((w) => [w.address, w.values])).toEqual([
      ["A1:B1", [[1, 2]]],
      ["D1", [[3]]],
    ]);
  });
});

describe("converting them to values", () => {
  it("replaces only the EXPOSURE cells by their values; other formulas, constants and sheets stay", async () => {
    const { wb } = wire({}, (w) => void model(w));
    const before = wb.sheet("Model").contents();
    const scenarios = wb.sheet("Scenarios").contents();
    const report = await findThenReplace("sheet");
    expect(report).toMatchObject({ ok: true, formulas: 3, cells: 3, sheets: [{ sheet: "Model", cells: 3 }], syncs: 2 });
    // Replace read the three cells again (1 sync) and wrote them (1 sync)
    expect(wb.sheet("Model").contents()).toEqual({ ...before, C1: 0.1287, D1: -0.49, E1: 0.1287 });
    expect(wb.sheet("Scenarios").contents()).toEqual(scenarios);
    // written as one range per run of cells, never a whole used range
    expect(wb.log.filter((l) => l.startsWith("values "))).toEqual(["values Model!C1:E1"]);
    expect(wb.log.filter((l) => l.startsWith("formulas "))).toEqual([]);
  });

  it("converts what Find found in the whole workbook in two syncs: read the cells again, write", async () => {
    const { wb, syncCalls } = wire({}, (w) => void model(w));
    const report = await findThenReplace("workbook");
    expect(report).toMatchObject({ ok: true, formulas: 4, syncs: 2 });
    expect(syncCalls()).toBe(2 + 2); // Find's two, Replace's two
    expect(wb.sheet("Scenarios").contents()).toEqual({ A1: 8.55, A2: "=A1*2" });
  });

  it("converts only the selected cells", async () => {
    const { wb } = wire({}, (w) => void model(w));
    wb.selection = { sheetId: wb.sheet("Model").id, address: "D1:E3" };
    const report = await findThenReplace("selection");
    expect(report).toMatchObject({ ok: true, formulas: 2 });
    expect(wb.sheet("Model").formula("C1")).toBe("=EXPOSURE.WRITE_DOWN_RATIO(B2,B1)");
    expect(wb.sheet("Model").formula("D1")).toBe(-0.49);
  });

  it("freezes a spilled result whole, asking Excel for its extent as it reads the cell again", async () => {
    const spill = [
      ["id", "value"],
      ["china_revenue_2024", 17.1],
      ["write_down", 5.5],
    ];
    const { wb } = wire({}, (w) => {
      w.addSheet("Baseline", {
        A1: { formula: '=EXPOSURE.BASELINE("china_revenue")', value: "id", spill },
        D1: "mine",
      });
    });
    const scan = await scanExposureFormulas("sheet");
    expect(scan.formulas).toBe(1);
    const report = await findThenReplace("sheet");
    expect(report).toMatchObject({ ok: true, formulas: 1, cells: 6, syncs: 2 });
    expect(wb.sheet("Baseline").contents()).toEqual({
      A1: "id",
      B1: "value",
      A2: "china_revenue_2024",
      B2: 17.1,
      A3: "write_down",
      B3: 5.5,
      D1: "mine",
    });
  });

  it("leaves results still calculating and protected sheets alone, and says so", async () => {
    const { wb } = wire({}, (w) => {
      w.addSheet("A", {
        A1: { formula: '=EXPOSURE.FACT("x")', value: "#BUSY!" },
        A2: { formula: '=EXPOSURE.FACT("y")', value: 3 },
      });
      const p = w.addSheet("Locked", { A1: { formula: '=EXPOSURE.FACT("z")', value: 4 } });
      p.protected = true;
    });
    const scan = await scanExposureFormulas("workbook");
    expect(scan).toMatchObject({ formulas: 1, pending: 1, protectedSheets: ["Locked"] });
    const report = await findThenReplace("workbook");
    expect(report).toMatchObject({ ok: true, formulas: 1, pending: 1, protectedSheets: ["Locked"] });
    expect(wb.sheet("A").formula("A1")).toBe('=EXPOSURE.FACT("x")');
    expect(wb.sheet("A").formula("A2")).toBe(3);
    expect(wb.sheet("Locked").formula("A1")).toBe('=EXPOSURE.FACT("z")');
  });

  it("puts the formulas back when Excel refuses the write part-way", async () => {
    // Find: syncs 1–2; Replace: read 3, write 4 (fails after one range), put back 5, read again 6
    const { wb } = wire({ faults: [{ sync: 4, afterOps: 1 }] }, (w) => void model(w));
    const before = { model: wb.sheet("Model").contents(), scenarios: wb.sheet("Scenarios").contents() };
    const report = await findThenReplace("workbook");
    expect(report).toMatchObject({ ok: false, error: { kind: "write_failed" }, restored: true, formulas: 0 });
    expect({ model: wb.sheet("Model").contents(), scenarios: wb.sheet("Scenarios").contents() }).toEqual(before);
  });

  it("says when the selection is not cells", async () => {
    const { wb } = wire({}, (w) => void model(w));
    wb.selectionIsChart = true;
    const report = await scanExposureFormulas("selection");
    expect(report).toMatchObject({ ok: false, error: { kind: "no_selection" } });
  });
});

describe("Replace converts what Find counted, and nothing else", () => {
  it("after a tab click: the sheet Find counted is converted, the sheet now active is not", async () => {
    const { wb } = wire({}, (w) => void model(w));
    const scan = await scanExposureFormulas("sheet"); // Model: 3
    wb.activeSheetId = wb.sheet("Scenarios").id; // the user clicks another tab
    const scenarios = wb.sheet("Scenarios").contents();
    const report = await convertExposureFormulas(scan);
    expect(report).toMatchObject({ ok: true, formulas: 3, sheets: [{ sheet: "Model", cells: 3 }] });
    expect(wb.sheet("Scenarios").contents()).toEqual(scenarios);
    expect(wb.sheet("Model").formula("C1")).toBe(0.1287);
  });

  it("after the selection changed: the cells Find counted are converted, the new selection is not", async () => {
    const { wb } = wire({}, (w) => void model(w));
    wb.selection = { sheetId: wb.sheet("Model").id, address: "C1:D1" };
    const scan = await scanExposureFormulas("selection");
    expect(scan.formulas).toBe(2);
    wb.selection = { sheetId: wb.sheet("Model").id, address: "E1" };
    const report = await convertExposureFormulas(scan);
    expect(report).toMatchObject({ ok: true, formulas: 2 });
    expect(wb.sheet("Model").formula("C1")).toBe(0.1287);
    expect(wb.sheet("Model").formula("D1")).toBe(-0.49);
    expect(wb.sheet("Model").formula("E1")).toBe("=EXPOSURE.SHARE(B2,B1)");
  });

  it("a formula edited after Find stays as the user left it, and is reported", async () => {
    const { wb } = wire({}, (w) => void model(w));
    const scan = await scanExposureFormulas("sheet");
    wb.seed(wb.sheet("Model"), "D1", { formula: "=EXPOSURE.CAGR(B1,B2,5)", value: -0.33 });
    const report = await convertExposureFormulas(scan);
    expect(report).toMatchObject({
      ok: true,
      formulas: 2,
      skipped: [{ sheet: "Model", address: "D1", reason: "changed" }],
    });
    expect(wb.sheet("Model").formula("D1")).toBe("=EXPOSURE.CAGR(B1,B2,5)");
    expect(wb.sheet("Model").formula("C1")).toBe(0.1287);
  });

  it("a sheet deleted after Find: its formulas are reported gone, the others converted", async () => {
    const { wb } = wire({}, (w) => void model(w));
    const scan = await scanExposureFormulas("workbook");
    wb.deleteSheet(wb.sheet("Scenarios"));
    const report = await convertExposureFormulas(scan);
    expect(report).toMatchObject({
      ok: true,
      formulas: 3,
      skipped: [{ sheet: "Scenarios", address: "A1", reason: "gone" }],
      syncs: 4, // the read that met the deleted sheet, the sheet list, the read again, the write
    });
  });

  it("text results stay text: 2023, +1, TRUE and =1+1 are not turned into a number, a boolean or a formula", async () => {
    const texts = ["2023", "+1", "TRUE", "=1+1", "'quoted"];
    const { wb } = wire({}, (w) => {
      const s = w.addSheet("Texts", {});
      texts.forEach((v, i) => w.seed(s, `A${i + 1}`, { formula: `=EXPOSURE.FACT("t${i}","label")`, value: v }));
      w.seed(s, "B1", { formula: '=EXPOSURE.FACT("n")', value: 2023 });
      w.seed(s, "B2", { formula: '=EXPOSURE.FACT("b")', value: true });
      w.seed(s, "B3", { formula: '=EXPOSURE.FACT("zz")', value: "#N/A" });
      w.activeSheetId = s.id;
    });
    const report = await findThenReplace("sheet");
    expect(report).toMatchObject({ ok: true, formulas: 8 });
    const s = wb.sheet("Texts");
    texts.forEach((v, i) => {
      const cell = s.cell(`A${i + 1}`)!;
      expect(cell.formula).toBe(v); // the same text, not 2023 or 1 or true, and not a formula
      expect(cell.quotePrefix).toBe(true);
    });
    expect(s.cell("A4")!.textFormula).toBe(true);
    expect(s.formula("B1")).toBe(2023);
    expect(s.formula("B2")).toBe(true);
    expect(s.cell("B3")!.quotePrefix).toBeUndefined(); // an error is written as its code, not as a text
  });

  it("a restore that fails is reported as failed", async () => {
    // Find: 1–2; Replace: read 3, write 4 (fails), put back 5 (fails)
    wire({ faults: [{ sync: 4, afterOps: 1 }, { sync: 5 }] }, (w) => void model(w));
    const report = await findThenReplace("workbook");
    expect(report).toMatchObject({ ok: false, error: { kind: "write_failed" }, restored: false });
    // and so is one that cannot be read back to check it
    const again = wire({ faults: [{ sync: 4, afterOps: 1 }, { sync: 6 }] }, (w) => void model(w));
    const second = await findThenReplace("workbook");
    expect(second).toMatchObject({ ok: false, restored: false });
    expect(again.wb.sheet("Model").formula("C1")).toBe("=EXPOSURE.WRITE_DOWN_RATIO(B2,B1)");
  });
});

describe("opening the pane with the workbook", () => {
  it("tags the document for everyone with the add-in, and untags it", async () => {
    const { wb } = wire();
    expect(isAutoOpen()).toBe(false);
    await expect(setAutoOpen(true)).resolves.toBe(true);
    expect(wb.savedSettings.get(AUTO_OPEN_SETTING)).toBe(true);
    expect(isAutoOpen()).toBe(true);
    await expect(setAutoOpen(false)).resolves.toBe(true);
    expect(wb.savedSettings.has(AUTO_OPEN_SETTING)).toBe(false);
    expect(isAutoOpen()).toBe(false);
  });
});
