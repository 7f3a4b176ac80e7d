/**
 * The baseline inserted through the Office.js adapter, against the recording double: each sheet's
 * page setup (what worksheet.pageLayout is given), its font, merged rows and row heights, and its
 * charts at their boxes, all in the insert's three syncs; inserting again refreshes them in place.
 */
import { chartBox, laidOut } from "../../src/workbook/layout";
import { INSERT_SYNCS, applyPlan } from "../../src/workbook/office";
import { buildPlan } from "../../src/workbook/plan";
import type { WorkbookPlan } from "../../src/workbook/types";
import { finalSheetNames } from "../../src/workbook/xlsx";
import { tableSheet, wire } from "./office-fixtures";

describe.each(["en", "zh"] as const)("the baseline inserted with Excel.run (%s)", (lang) => {
  const plan = buildPlan({ lang });
  const names = finalSheetNames(plan);

  it("sets up every sheet to print as the plan says, in the insert's three syncs", async () => {
    const { wb } = wire();
    const report = await applyPlan(plan, { runId: "run1" });
    expect(report).toMatchObject({ ok: true, syncs: INSERT_SYNCS });
    for (const s of plan.sheets) {
      const page = s.page!;
      const [first, last] = (page.titleRows ?? ":").split(":");
      expect([s.key, wb.sheet(names.get(s.key)!).pageLayout]).toEqual([
        s.key,
        {
          orientation: "Landscape",
          // one page wide, as many tall as it takes (0: automatic)
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          printArea: page.printArea,
          ...(page.titleRows ? { printTitleRows: `$${first}:$${last}` } : {}),
          centerFooter: page.footer,
          // inches to points: 0.25 in = 18 pt, 0.75 in = 54 pt, 0.3 in = 21.6 pt
          margins: { left: 18, right: 18, top: 54, bottom: 54, header: 21.6, footer: 21.6 },
        },
      ]);
    }
  });

  it("writes every cell in the language's font, merges title and note rows, and sets every row's height", async () => {
    const { wb } = wire();
    await applyPlan(plan, { runId: "run1" });
    for (const s of plan.sheets) {
      const sheet = wb.sheet(names.get(s.key)!);
      const font = lang === "en" ? "Calibri" : "DengXian";
      const unnamed = [...sheet.cells.entries()].filter(([, c]) => c.formula !== "" && c.font?.name !== font);
      expect([s.key, unnamed]).toEqual([s.key, []]);
      const spans = s.blocks
        .filter((b) => b.span)
        .flatMap((b) => b.cells.map((_, i) => i + Number(b.address.slice(1))));
      expect([s.key, sheet.merges.length]).toEqual([s.key, spans.length]);
      expect([s.key, Object.fromEntries(sheet.rowHeights)]).toEqual([
        s.key,
        Object.fromEntries(s.rowHeights!.map((r) => [r.row, r.height])),
      ]);
    }
  });

  it("adds each chart by columns at its box, its legend where it has more than one series or slice", async () => {
    const { wb } = wire();
    await applyPlan(plan, { runId: "run1" });
    for (const s of plan.sheets) {
      const charts = wb.sheet(names.get(s.key)!).charts;
      expect(charts.map((c) => [c.type, c.title, c.seriesBy])).toEqual(
        s.charts.map((c) => [c.kind, c.title, "Columns"]),
      );
      charts.forEach((c, i) => {
        const box = chartBox(s, s.charts[i]);
        expect({ left: c.left, top: c.top, width: c.width, height: c.height }).toEqual(box);
        expect(c.legend?.visible).toBe(s.charts[i].kind === "Pie" || s.charts[i].source.split(":")[1][0] > "B");
      });
    }
  });

  it("refreshes its sheets in place: merged rows of the version before are undone before it writes", async () => {
    const { wb } = wire();
    await applyPlan(plan, { runId: "run1" });
    const again = await applyPlan(plan, { runId: "run2" });
    expect(again).toMatchObject({ ok: true, syncs: INSERT_SYNCS });
    expect(again.sheets.every((r) => r.outcome === "unchanged" || r.outcome === "refreshed")).toBe(true);
    for (const s of plan.sheets) {
      const sheet = wb.sheet(names.get(s.key)!);
      expect([s.key, sheet.merges.length]).toEqual([
        s.key,
        s.blocks.filter((b) => b.span).reduce((n, b) => n + b.cells.length, 0),
      ]);
      expect([s.key, sheet.charts.length]).toEqual([s.key, s.charts.length]);
    }
  });
});

describe("a case sheet laid out as the record's are", () => {
  /** The fixture's table sheet as a case, its title across the table, through the same layout. */
  const casePlan = (): WorkbookPlan => {
    const base = tableSheet("case_acme", "Acme case");
    const sheet = laidOut(
      {
        ...base,
        owner: "case",
        inputs: ["B4:B5"],
        blocks: [{ address: "A1", cells: [["Acme case"]], style: "title", span: 4 }, ...base.blocks.slice(1)],
      },
      "en",
    );
    return { sheets: [sheet], names: [] };
  };

  it("is merged, sized and set up to print, and inserted again without merging its rows twice", async () => {
    const { wb } = wire();
    const plan = casePlan();
    expect((await applyPlan(plan, { runId: "c1" })).ok).toBe(true);
    const sheet = wb.sheet("Acme case");
    expect(sheet.merges).toEqual(["A1:D1"]);
    expect(sheet.pageLayout).toMatchObject({ orientation: "Landscape", printArea: plan.sheets[0].page!.printArea });
    // a case is not cleared when it is refreshed: its merged title row is undone before it is merged again
    const again = await applyPlan(plan, { runId: "c2" });
    expect(again).toMatchObject({ ok: true, syncs: INSERT_SYNCS });
    expect(sheet.merges).toEqual(["A1:D1"]);
  });
});
