/**
 * A sheet's geometry, derived the same way for any sheet: rows as tall as their wrapped text, charts
 * at a fixed size beside their tables and in the first screen, and how each sheet prints.
 */
import { widthToPoints } from "../../src/workbook/arrays";
import {
  blockBox,
  chartBox,
  pageSetup,
  pointsToPixels,
  rowHeights,
  sheetExtent,
  textLines,
} from "../../src/workbook/layout";
import { HEADER_ROW, buildPlan } from "../../src/workbook/plan";
import { FONTS } from "../../src/workbook/styles";
import { parseBox } from "../../src/workbook/address";
import type { SheetPlan } from "../../src/workbook/types";

/**
 * The grid a 1920 × 1080 Excel window shows at 100 % with the task pane open: 1920 px less the
 * pane (about 350 px) and the row headers and scroll bar (about 70 px) is 1,500 px across; less the
 * ribbon, formula bar and tabs, 800 px down.
 */
const FIRST_SCREEN = { width: 1500, height: 800 };

describe("text in a cell", () => {
  it("takes as many lines as its words need at the column's width", () => {
    // ten Chinese characters, two digits wide each (2.04 with the margin): 5 fit in a 12-digit column
    expect(textLines("中".repeat(10), 12, 11)).toBe(2);
    expect(textLines("中".repeat(10), 30, 11)).toBe(1);
    // a word never splits while it fits a line: "aaaa aaaa" in a 6-digit column is two lines
    expect(textLines("aaaa aaaa", 6, 11)).toBe(2);
    // an id longer than the line breaks across lines: 30 letters of ~1 digit in 10 digits
    expect(textLines("a".repeat(30), 10, 11)).toBe(4);
    // a smaller font fits more
    expect(textLines("中".repeat(10), 12, 9)).toBeLessThanOrEqual(2);
  });

  it("sizes a merged note row to its lines: 9-point lines of 12.25 pt, then 11.7 pt each", () => {
    const sheet = {
      blocks: [{ address: "A3", cells: [["中".repeat(40)]], style: "note" as const, span: 2 }],
      columns: [
        { column: "A", width: 10 },
        { column: "B", width: 10 },
      ],
    };
    // 40 characters × 2 digits × 9/11 × 1.02 = 66.8 digits in 10 + 10 + 0.7 − 0.6 = 20.1: 4 lines
    expect(rowHeights(sheet)).toEqual([{ row: 3, height: 47.5 }]); // 12.25 + 3 × 11.7 = 47.35, to the quarter point
  });
});

describe("charts", () => {
  const sheet: Pick<SheetPlan, "blocks" | "columns" | "rowHeights"> = {
    blocks: [{ address: "A1", cells: [["Title"]], style: "title" }],
    columns: [{ column: "A", width: 30 }],
    rowHeights: [{ row: 2, height: 40 }],
  };

  it("sit at their cell, at the size of their cells at the default row height", () => {
    const box = chartBox(sheet, { kind: "Pie", title: "t", source: "A1:B2", from: "C4", to: "D13" });
    expect(box.left).toBeCloseTo(widthToPoints(30) + widthToPoints(8.43), 2); // A and B: 161.23 + 47.99
    expect(box.top).toBe(19.25 + 40 + 15); // the title row (14 pt text), a 40-pt row, a default row
    expect(box.width).toBeCloseTo(2 * widthToPoints(8.43), 2);
    expect(box.height).toBe(10 * 15);
  });

  describe.each(["en", "zh"] as const)("of the baseline (%s)", (lang) => {
    const plan = buildPlan({ lang });
    const withCharts = plan.sheets.filter((s) => s.charts.length > 0);

    it("stand beside their table, right of its last column, never over it", () => {
      expect(withCharts.map((s) => s.key)).toEqual([
        "china_revenue",
        "market_reaction",
        "software_ecosystems",
        "standards_equipment_talent",
        "case_nvidia",
      ]);
      for (const s of withCharts) {
        // no chart covers a cell the sheet writes
        for (const c of s.charts) {
          const box = parseBox(`${c.from}:${c.to}`);
          for (const b of s.blocks) {
            const at = parseBox(b.address);
            b.cells.forEach((row, r) =>
              row.forEach((cell, k) => {
                const [rr, cc] = [at.top + r, at.left + k];
                const inside = rr >= box.top && rr <= box.bottom && cc >= box.left && cc <= box.right;
                if (cell !== null && cell !== "" && inside)
                  throw new Error(`${s.key}: ${c.title} covers row ${rr} col ${cc}`);
              }),
            );
          }
        }
        if (s.tables.length === 0) continue; // the case sheet: beside its scenarios, checked above
        const table = parseBox(s.tables[0].range);
        for (const c of s.charts) expect(parseBox(c.from).left).toBeGreaterThan(table.right);
        // the first beside the first row under the header (one across the header would print on every page)
        expect(parseBox(s.charts[0].from).top).toBe(HEADER_ROW + 1);
      }
    });

    it("show the first chart of each sheet whole in the first screen with the pane open", () => {
      for (const s of withCharts) {
        const box = chartBox(s, s.charts[0]);
        const right = pointsToPixels(box.left + box.width);
        const bottom = pointsToPixels(box.top + box.height);
        expect([s.key, right <= FIRST_SCREEN.width, bottom <= FIRST_SCREEN.height]).toEqual([s.key, true, true]);
      }
      // the figures, for the record: the chart of China revenue spans 1,053–1,437 px across
      const first = chartBox(withCharts[0], withCharts[0].charts[0]);
      expect(pointsToPixels(first.left)).toBeCloseTo(1052.8, 0);
    });

    it("stack without overlapping when a sheet has more than one", () => {
      for (const s of withCharts) {
        const boxes = s.charts.map((c) => chartBox(s, c));
        for (let i = 1; i < boxes.length; i++)
          expect([s.key, i, boxes[i].top >= boxes[i - 1].top + boxes[i - 1].height]).toEqual([s.key, i, true]);
      }
    });
  });
});

describe.each(["en", "zh"] as const)("every sheet of the baseline (%s)", (lang) => {
  const plan = buildPlan({ lang });

  it("prints landscape, one page wide, all it writes and its charts, the header on every page, with a footer", () => {
    for (const s of plan.sheets) {
      const extent = sheetExtent(s);
      expect([s.key, s.page]).toEqual([s.key, pageSetup(s, lang)]);
      expect(s.page).toMatchObject({ orientation: "landscape", fitToWidth: 1 });
      const area = parseBox(s.page!.printArea);
      expect([s.key, area]).toEqual([s.key, extent]);
      for (const b of s.blocks) {
        const box = blockBox(b);
        expect(box.right <= area.right && box.bottom <= area.bottom).toBe(true);
      }
      for (const c of s.charts) expect(parseBox(c.to).right).toBeLessThanOrEqual(area.right);
      expect(s.page!.titleRows).toBe(s.freezeRows > 0 ? `${s.freezeRows}:${s.freezeRows}` : undefined);
      expect(s.page!.footer).toBe(lang === "en" ? "&A — page &P of &N" : "&A — 第 &P 页，共 &N 页");
    }
  });

  it("writes in the language's font, every row as tall as its text", () => {
    for (const s of plan.sheets) {
      expect([s.key, s.font]).toEqual([s.key, FONTS[lang]]);
      expect([s.key, s.rowHeights]).toEqual([s.key, rowHeights(s)]);
      // every row a block writes has its height
      const rows = new Set(s.rowHeights!.map((r) => r.row));
      for (const b of s.blocks) {
        const box = blockBox(b);
        for (let r = box.top; r <= box.bottom; r++) expect([s.key, r, rows.has(r)]).toEqual([s.key, r, true]);
      }
    }
  });
});
