/**
 * The Office.js adapter against a recording double (office-addin-mock globals over the queued,
 * load-before-read double of tests/browser/excel-double.ts). Plans are built by hand here.
 */
import { freeSheetName } from "../../src/workbook/address";
import { blockArrays, widthToPoints } from "../../src/workbook/arrays";
import {
  MARK_KEY,
  canonicalFormula,
  contentFingerprint,
  markValue,
  parseMark,
  planFingerprint,
} from "../../src/workbook/marks";
import { INSERT_SYNCS, applyPlan } from "../../src/workbook/office";
import type { WorkbookPlan } from "../../src/workbook/types";
import { MANY, manyPlan, smallPlan, tableSheet, userVisible, wire } from "./office-fixtures";

const insert = (plan: WorkbookPlan) => applyPlan(plan, { runId: "run1" });

describe("writing a plan", () => {
  it("writes each block as one 2-D array at its address, text staying text and formulas staying formulas", async () => {
    const { wb } = wire();
    const report = await insert(smallPlan());
    expect(report.ok).toBe(true);
    const s = wb.sheet("China revenue");
    expect(s.contents()).toEqual({
      A1: "China revenue",
      A3: "Item",
      B3: "Value",
      C3: "Unit",
      D3: "Period",
      A4: "Revenue 2023",
      B4: 10.3,
      C4: "USD bn",
      D4: "2023", // a period typed as text, not the number 2023
      A5: "Revenue 2024",
      B5: 17.1,
      C5: "USD bn",
      D5: "2024",
      A6: "Growth",
      B6: "=B5/B4-1",
      C6: "%",
      D6: "2024",
    });
    // one formulas write per block, each exactly the block's rectangle, on the new sheet while it
    // still carries this run's temporary name
    const writes = wb.log.filter((l) => l.startsWith("formulas "));
    expect(writes).toEqual([
      "formulas '~cew run1 1'!A1",
      "formulas '~cew run1 1'!A3:D3",
      "formulas '~cew run1 1'!A4:D5",
      "formulas '~cew run1 1'!A6:D6",
    ]);
    expect([...s.cells.values()].some((c) => c.textFormula)).toBe(false);
    expect(s.cell("B6")!.numberFormat).toBe("0.0%");
    expect(s.cell("B4")!.numberFormat).toBe("#,##0.0");
    expect(s.cell("D4")!.numberFormat).toBe("@");
    expect(s.cell("A1")!.numberFormat).toBe("@"); // a string cell without a format of its own
  });

  it("formats per block (the named style on the whole range), widths in points, tab colour and frozen rows", async () => {
    const { wb } = wire();
    await insert(smallPlan());
    const s = wb.sheet("China revenue");
    expect(s.cell("A1")!.font).toMatchObject({ bold: true, size: 14, color: "#1F3864" });
    expect(s.cell("D3")!.font).toMatchObject({ bold: true, color: "#FFFFFF" });
    expect(s.cell("D3")!.fill).toBe("#1F3864");
    expect(s.cell("B4")!.font).toMatchObject({ color: "#0000FF" });
    expect(s.cell("B6")!.font).toMatchObject({ color: "#000000" });
    expect(s.columnWidths.get("A")).toBe(widthToPoints(30));
    expect(widthToPoints(30)).toBeCloseTo(161.25, 1);
    expect(s.tabColor).toBe("#1F3864");
    expect(s.freezeRows).toBe(3);
    expect(wb.log.filter((l) => l.startsWith("numberFormat")).length).toBe(0); // formats go through the range proxies
  });

  it("creates the table over the written range, the chart with its title and place, and the workbook name", async () => {
    const { wb } = wire();
    const report = await insert(smallPlan());
    const s = wb.sheet("China revenue");
    expect(s.tables).toEqual([{ name: "tbl_china_revenue", address: "A3:D6", style: "TableStyleLight9" }]);
    // the table came after the cells it covers
    const tableAt = wb.log.indexOf("add table A3:D6 on ~cew run1 1");
    expect(tableAt).toBeGreaterThan(wb.log.indexOf("formulas '~cew run1 1'!A6:D6"));
    // F3:L15 at a fixed size: left of F are A (30 characters, 161.23 pt), B (12, 66.73 pt) and three
    // columns of the default 8.43 characters (47.99 pt each): 371.93 pt; F to L is 7 × 47.99 =
    // 335.93 pt; above row 3 are the title row (14-point text: 19.25 pt) and a 15-point row; 13 rows
    // at 15 pt make it 195 pt tall
    expect(s.charts).toEqual([
      {
        name: "china_revenue.run1.1",
        type: "ColumnClustered",
        source: "A3:B5",
        seriesBy: "Columns",
        title: "China revenue (USD bn)",
        left: expect.closeTo(371.93, 1),
        top: 34.25,
        width: expect.closeTo(335.93, 1),
        height: 195,
        legend: { visible: false, position: "Bottom" },
        showValue: true,
      },
    ]);
    expect(wb.names).toEqual([
      { name: "bl_china_revenue_2024", formula: "='China revenue'!$B$5", comment: "China revenue 2024" },
    ]);
    expect(report.namesWritten).toBe(1);
    expect(report.sheets).toEqual([{ key: "china_revenue", name: "China revenue", id: s.id, outcome: "created" }]);
    expect(wb.activeSheetId).toBe(s.id);
  });

  it("marks its sheets with their plan key and a fingerprint of what Excel stored, and lists them in the document", async () => {
    const { wb } = wire();
    const report = await insert(manyPlan());
    for (const r of report.sheets) {
      const mark = parseMark(wb.findSheet(r.id)!.mark(MARK_KEY));
      expect(mark).toMatchObject({ v: 1, k: r.key, n: r.name });
      expect(mark!.f).toMatch(/^[0-9a-f]{14}$/);
      expect(wb.findSheet(r.id)!.mark(MARK_KEY)!.length).toBeLessThanOrEqual(255);
    }
    expect(wb.savedSettings.get("ChinaExposureWorkbench.sheets")).toEqual(
      report.sheets.map((r) => ({ id: r.id, key: r.key })),
    );
  });

  it("resolves {{key}} references to the names the sheets got", async () => {
    const { wb } = wire({}, (w) => w.addSheet("China revenue", { A1: "a user's sheet" }));
    const report = await insert(manyPlan());
    expect(report.ok).toBe(true);
    const about = wb.sheet("About");
    expect(about.formula("B3")).toBe("='China revenue (2)'!B5");
    expect(about.formula("B4")).toBe("='Table 1'!B5");
    expect(wb.sheet("Checks").formula("C2")).toBe(`=IF('China revenue (2)'!B6>0,"consistent","inconsistent")`);
    expect(about.contents()).not.toHaveProperty("C3");
  });

  it(`uses ${INSERT_SYNCS} syncs for one table and for ${MANY}, with calculation suspended during the write`, async () => {
    const one = wire();
    const r1 = await insert(smallPlan());
    expect(r1.syncs).toBe(3);
    expect(one.syncCalls()).toBe(3);
    expect(one.syncSpies).toHaveLength(1); // one Excel.run
    expect(one.wb.implicitSyncs).toBe(0); // nothing left queued for Excel.run to send
    expect(one.wb.calcSuspendedAtSync).toEqual([2]);

    const many = wire();
    const r2 = await insert(manyPlan());
    expect(r2.sheets).toHaveLength(MANY + 2);
    expect(r2.syncs).toBe(3);
    expect(many.syncCalls()).toBe(3);
    expect(many.syncSpies).toHaveLength(1);
    expect(many.wb.implicitSyncs).toBe(0);
    expect(many.wb.calcSuspendedAtSync).toEqual([2]);

    // refreshing everything costs the same
    const again = await insert(manyPlan({ value: 20 }));
    expect(again.syncs).toBe(3);
    expect(many.syncCalls()).toBe(6);
  });
});

describe("inserting again", () => {
  it("refreshes its own sheets in place: same sheets, same ids, new contents, one table and one chart each", async () => {
    const { wb } = wire();
    const first = await insert(manyPlan());
    const count = wb.sheets.length;
    const unchanged = await insert(manyPlan());
    expect(unchanged.sheets.every((s) => s.outcome === "unchanged")).toBe(true);
    const second = await applyPlan(manyPlan({ value: 20 }), { runId: "run2" });
    expect(second.ok).toBe(true);
    expect(wb.sheets.length).toBe(count);
    expect(second.sheets.map((s) => s.id)).toEqual(first.sheets.map((s) => s.id));
    expect(
      second.sheets.filter((s) => s.key !== "about" && s.key !== "checks").every((s) => s.outcome === "refreshed"),
    ).toBe(true);
    const s = wb.sheet("China revenue");
    expect(s.formula("B5")).toBe(20);
    expect(s.tables).toHaveLength(1);
    expect(s.charts.map((c) => c.name)).toEqual(["china_revenue.run2.1"]);
    expect(wb.names.filter((n) => n.name === "bl_china_revenue_2024")).toEqual([
      { name: "bl_china_revenue_2024", formula: "='China revenue'!$B$5", comment: "china_revenue 2024" },
    ]);
    expect(wb.sheet("Sheet1").contents()).toEqual({ A1: "my own notes" });
  });

  it("never touches a sheet of the same name it did not create: the new sheet gets a free name", async () => {
    const { wb } = wire({}, (w) => w.addSheet("China revenue", { A1: "my model", B5: 42 }));
    const before = wb.sheet("China revenue").contents();
    const report = await insert(smallPlan());
    expect(wb.sheet("China revenue").contents()).toEqual(before);
    expect(wb.sheet("China revenue").mark(MARK_KEY)).toBeUndefined();
    expect(wb.sheet("China revenue").tables).toEqual([]);
    expect(report.sheets[0]).toMatchObject({ name: "China revenue (2)", outcome: "created" });
    expect(wb.names[0].formula).toBe("='China revenue (2)'!$B$5");
    // and inserting again refreshes the add-in's sheet, still leaving the user's alone
    const again = await insert(smallPlan(18));
    expect(again.sheets[0]).toMatchObject({ name: "China revenue (2)", outcome: "refreshed" });
    expect(wb.sheet("China revenue").contents()).toEqual(before);
  });

  it("brings a record sheet the user edited back to the plan in place, keeping the edits in a copy beside it", async () => {
    const { wb } = wire();
    await insert(manyPlan());
    const record = wb.sheet("China revenue");
    wb.seed(record, "B4", 11); // the analyst overwrites an input
    wb.seed(record, "F20", "my note");
    const edited = record.contents();
    const position = wb.sheets.indexOf(record);
    const report = await insert(manyPlan());
    expect(report.ok).toBe(true);
    const r = report.sheets.find((s) => s.key === "china_revenue")!;
    expect(r).toMatchObject({ outcome: "reset", name: "China revenue", id: record.id, copy: "China revenue (edited)" });
    // the record is the article again, in place: the same sheet, so names and formulas still point at it
    expect(record.formula("B4")).toBe(10.3);
    expect(record.contents()).not.toHaveProperty("F20");
    expect(wb.names.find((n) => n.name === "bl_china_revenue_2024")!.formula).toBe("='China revenue'!$B$5");
    expect(wb.sheet("About").formula("B3")).toBe("='China revenue'!B5");
    // the user's edits, whole, in a copy right after it that is the user's own sheet now (no mark)
    const copy = wb.sheet("China revenue (edited)");
    expect(wb.sheets.indexOf(copy)).toBe(position + 1);
    expect(copy.contents()).toEqual(edited);
    expect(copy.mark(MARK_KEY)).toBeUndefined();
    // the other sheets were unchanged; a third insert finds everything as written and leaves the copy
    expect(report.sheets.filter((s) => s.key !== "china_revenue").every((s) => s.outcome !== "reset")).toBe(true);
    const third = await insert(manyPlan());
    expect(third.sheets.every((s) => s.outcome === "unchanged")).toBe(true);
    expect(copy.contents()).toEqual(edited);
  });

  it("counts a comment written on its sheet as an edit, and leaves a chart the user added alone", async () => {
    const { wb } = wire();
    await insert(smallPlan());
    const sheet = wb.sheet("China revenue");
    sheet.charts.push({ name: "Chart 9", type: "Pie", source: "A3:B5" });
    const refreshed = await applyPlan(smallPlan(19), { runId: "run2" });
    expect(refreshed.sheets[0].outcome).toBe("refreshed");
    expect(sheet.charts.map((c) => c.name)).toEqual(["Chart 9", "china_revenue.run2.1"]);
    sheet.comments = 1;
    const report = await insert(smallPlan(19));
    expect(report.sheets[0]).toMatchObject({ outcome: "reset", copy: "China revenue (edited)" });
    expect(wb.sheet("China revenue (edited)").comments).toBe(1);
  });

  it("follows a sheet the user renamed (not an edit), and keeps the user's name", async () => {
    const { wb } = wire();
    await insert(manyPlan());
    wb.renameSheet(wb.sheet("China revenue"), "CN rev");
    expect(wb.sheet("About").formula("B3")).toBe("='CN rev'!B5");
    const report = await insert(manyPlan());
    expect(report.sheets.every((s) => s.outcome === "unchanged")).toBe(true);
    expect(report.sheets.find((s) => s.key === "china_revenue")!.name).toBe("CN rev");
    expect(wb.sheet("About").formula("B3")).toBe("='CN rev'!B5");
  });

  it("switching language rewrites its sheets in place under their new names", async () => {
    const { wb } = wire();
    const en = await insert(manyPlan());
    const zh = await insert(manyPlan({ lang: "zh" }));
    expect(zh.sheets.map((s) => s.id)).toEqual(en.sheets.map((s) => s.id));
    expect(zh.sheets.every((s) => s.outcome === "refreshed")).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toContain("中国区营收");
    expect(wb.sheet("说明").formula("B3")).toBe("='中国区营收'!B5");
    expect(wb.names.find((n) => n.name === "bl_china_revenue_2024")!.formula).toBe("='中国区营收'!$B$5");
  });

  it("leaves a name it does not own alone and reports it", async () => {
    const { wb } = wire({}, (w) => {
      w.addSheet("Model", { C3: 99 });
      w.names.push({ name: "bl_china_revenue_2024", formula: "=Model!$C$3", comment: "mine" });
    });
    const report = await insert(smallPlan());
    expect(report.ok).toBe(true);
    expect(report.namesSkipped).toEqual([{ name: "bl_china_revenue_2024", reason: "taken" }]);
    expect(wb.names).toEqual([{ name: "bl_china_revenue_2024", formula: "=Model!$C$3", comment: "mine" }]);
  });

  it("reads the listed sheets still there when one was deleted, then the index is right again", async () => {
    const { wb } = wire();
    await insert(manyPlan());
    wb.deleteSheet(wb.sheet("Table 3")); // the user deleted a sheet
    const report = await insert(manyPlan());
    expect(report.ok).toBe(true);
    expect(report.syncs).toBe(5); // the failed read, the sheet list, the listed sheets still there, write, finish
    expect(report.sheets.find((s) => s.name === "Table 3")!.outcome).toBe("created");
    expect(report.sheets.filter((s) => s.outcome === "unchanged").length).toBe(MANY);
    // the deletion broke the about sheet's formula (#REF!): a change, kept in a copy; the record is whole again
    expect(report.sheets.find((s) => s.key === "about")).toMatchObject({ outcome: "reset", copy: "About (edited)" });
    expect(wb.sheet("About (edited)").formula("B6")).toBe("=#REF!B5");
    expect(wb.sheet("About").formula("B6")).toBe("='Table 3'!B5");
    const next = await insert(manyPlan());
    expect(next.syncs).toBe(3);
  });

  it("does not activate a hidden sheet", async () => {
    const { wb } = wire();
    await insert(manyPlan());
    wb.sheet("About").visibility = "Hidden";
    const report = await insert(manyPlan({ value: 3 }));
    expect(report.ok).toBe(true);
    expect(wb.activeSheetId).toBe(wb.sheet("China revenue").id);
  });
});

describe("refusing before writing", () => {
  it("refuses a protected sheet of its own with nothing written", async () => {
    const { wb } = wire();
    await insert(manyPlan());
    wb.sheet("Table 2").protected = true;
    const before = userVisible(wb);
    const logLength = wb.log.length;
    const report = await insert(manyPlan({ value: 30 }));
    expect(report).toMatchObject({ ok: false, error: { kind: "sheet_protected", sheet: "Table 2" }, syncs: 1 });
    expect(userVisible(wb)).toEqual(before);
    expect(wb.log.slice(logLength)).toEqual([expect.stringMatching(/^sync \d+ \(\d+ operations\)$/)]);
  });

  it("refuses when the workbook structure is protected and sheets must be added", async () => {
    const { wb } = wire({}, (w) => {
      w.addSheet("Sheet1");
      w.structureProtected = true;
    });
    const report = await insert(smallPlan());
    expect(report).toMatchObject({ ok: false, error: { kind: "workbook_protected" }, syncs: 1 });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  it("says a cell is being edited", async () => {
    const { wb } = wire();
    wb.editingCell = true;
    const report = await insert(smallPlan());
    expect(report).toMatchObject({ ok: false, error: { kind: "cell_edit_mode" } });
  });

  it("refuses a malformed plan without calling Excel", async () => {
    const { wb } = wire();
    const bad: WorkbookPlan = {
      sheets: [{ ...tableSheet("x", "X"), blocks: [{ address: "A1", cells: [["a", "b"], ["c"]] }] }],
      names: [],
    };
    const report = await insert(bad);
    expect(report).toMatchObject({ ok: false, error: { kind: "invalid_plan" }, syncs: 0 });
    expect(wb.syncs).toBe(0);
    const unknownRef: WorkbookPlan = {
      sheets: [{ ...tableSheet("x", "X"), blocks: [{ address: "A1", cells: [[{ formula: "={{nowhere}}!A1" }]] }] }],
      names: [],
    };
    const r2 = await insert(unknownRef);
    expect(r2).toMatchObject({ ok: false, error: { kind: "invalid_plan" }, syncs: 1 });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("a failure part-way leaves nothing half-built", () => {
  // the write batch of the many-table plan has a few thousand operations: fail at the first, in
  // the middle (sheets added, some written) and at the last; and at the finishing sync
  const points: [number, number | "half" | "last"][] = [
    [2, 0],
    [2, 1],
    [2, "half"],
    [2, "last"],
    [3, 0],
    [3, "half"],
  ];

  it.each(points)(
    "a new insert that fails at sync %s after %s operations: every sheet it created is gone",
    async (sync, after) => {
      const probe = wire();
      await insert(manyPlan());
      const total = Number(/\((\d+) operations\)/.exec(probe.wb.log.find((l) => l.startsWith(`sync ${sync} `))!)![1]);
      const afterOps = after === "half" ? Math.floor(total / 2) : after === "last" ? total - 1 : after;

      const { wb } = wire({ faults: [{ sync, afterOps }] });
      const before = userVisible(wb);
      const report = await insert(manyPlan());
      expect(report.ok).toBe(false);
      expect(report.error!.kind).toBe("write_failed");
      expect(report.cleanup!.complete).toBe(true);
      expect(userVisible(wb)).toEqual(before);
      expect(wb.savedSettings.size).toBe(0);
    },
  );

  it.each(points)(
    "a refresh that fails at sync %s after %s operations puts the add-in's sheets back",
    async (sync, after) => {
      const probe = wire();
      await insert(manyPlan());
      await applyPlan(manyPlan({ value: 25 }), { runId: "run2" });
      const total = Number(
        /\((\d+) operations\)/.exec(probe.wb.log.filter((l) => l.startsWith(`sync ${sync + 3} `))[0])![1],
      );
      const afterOps = after === "half" ? Math.floor(total / 2) : after === "last" ? total - 1 : after;

      const { wb } = wire({ faults: [{ sync: sync + 3, afterOps }] });
      wb.addSheet("China revenue", { A1: "a user's sheet" }); // so that one sheet of the plan is created
      await insert(manyPlan());
      wb.seed(wb.sheet("Table 4"), "B4", 1); // and one is edited: a new version
      const before = userVisible(wb);
      const report = await applyPlan(manyPlan({ value: 25 }), { runId: "run2" });
      expect(report.ok).toBe(false);
      expect(report.cleanup!.complete).toBe(true);
      expect(userVisible(wb)).toEqual(before);
      // and the next insert works, refreshing in place
      const next = await applyPlan(manyPlan({ value: 25 }), { runId: "run3" });
      expect(next.ok).toBe(true);
      expect(next.sheets.find((s) => s.key === "table_5")!.outcome).toBe("refreshed");
    },
  );

  it("reports an undo that could not finish, naming what it left", async () => {
    // the write stops after the first new sheets are added; both passes of the undo fail at their
    // last sync (look, look, act: syncs 3–5 and 6–8); a last look (9, 10) finds what is left
    const { wb } = wire({ faults: [{ sync: 2, afterOps: 40 }, { sync: 5 }, { sync: 8 }] });
    const report = await insert(manyPlan());
    expect(report).toMatchObject({ ok: false, error: { kind: "cleanup_incomplete" }, cleanup: { complete: false } });
    expect(wb.syncs).toBe(10);
    const ours = wb.sheets.filter((s) => s.name.startsWith("~cew run1 ")).map((s) => s.name);
    expect(ours.length).toBeGreaterThan(0);
    expect(report.cleanup!.left).toEqual(ours.map((name) => ({ kind: "sheet", name, reason: "not_removed" })));
    expect(wb.sheet("Sheet1").contents()).toEqual({ A1: "my own notes" });
  });

  it("a failed first read changes nothing", async () => {
    const { wb } = wire({ faults: [{ sync: 1 }] });
    const before = userVisible(wb);
    const report = await insert(manyPlan());
    expect(report).toMatchObject({ ok: false, error: { kind: "read_failed" }, syncs: 1 });
    expect(userVisible(wb)).toEqual(before);
  });
});

describe("pure helpers", () => {
  it("picks a free tab name within 31 characters, ignoring case", () => {
    const taken = new Set(["china revenue", "china revenue (2)"]);
    expect(freeSheetName("China revenue", taken)).toBe("China revenue (3)");
    expect(freeSheetName("History", new Set())).toBe("History (2)");
    const long = "A very long sheet name that is too";
    expect(freeSheetName(long, new Set(["a very long sheet name that is"]))).toBe("A very long sheet name that (2)");
  });

  it("reads references to its sheets as keys, quoted or not, so renames are not edits", () => {
    const keys = new Map([
      ["china revenue", "china_revenue"],
      ["checks", "checks"],
    ]);
    expect(canonicalFormula("='China revenue'!B5+Checks!C2", keys)).toBe("={{china_revenue}}!B5+{{checks}}!C2");
    expect(canonicalFormula("=SUM(Other!A1)", keys)).toBe("=SUM(Other!A1)");
    expect(contentFingerprint("'X'!A1:B1", [["a", "='China revenue'!B5"]], keys)).toBe(
      contentFingerprint("Y!A1:B1", [["a", "='China revenue'!B5"]], keys),
    );
    expect(contentFingerprint("A1:B1", [["a", 1]], keys)).not.toBe(contentFingerprint("A1:B1", [["a", "1"]], keys));
  });

  it("splits a block into formats-before, formulas and formats-after", () => {
    const a = blockArrays(smallPlan().sheets[0].blocks[3], () => "X");
    expect(a.address).toBe("A6:D6");
    expect(a.formatsBefore).toEqual([["@", null, "@", "@"]]);
    expect(a.formulas).toEqual([["Growth", "=B5/B4-1", "%", "2024"]]);
    expect(a.formatsAfter).toEqual([[null, "0.0%", null, null]]);
  });

  it("keeps its mark within Excel's 255 characters", () => {
    const sheet = tableSheet(
      "substitution_and_ecosystem_long_key",
      "替代与生态系统替代与生态系统替代与生态系统替代与生态系",
    );
    const v = markValue(
      { plan: sheet, planHash: planFingerprint(sheet), name: sheet.name, tableNames: ["tbl_" + "x".repeat(200)] },
      "0123456789abcd",
    );
    expect(v.length).toBeLessThanOrEqual(255);
    expect(parseMark(v)).toMatchObject({ k: sheet.key, f: "0123456789abcd" });
  });
});
