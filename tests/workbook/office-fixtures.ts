/**
 * Hand-built plans and a wired double for the office.ts and sharing.ts tests: Excel and Office are
 * office-addin-mock objects whose run / settings delegate to the recording double of
 * tests/browser/excel-double.ts; every context's sync is wrapped in jest.fn to count it.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { CellBlock, SheetPlan, WorkbookPlan } from "../../src/workbook/types";
import { FakeWorkbook, fakeSettings, type DoubleOptions } from "../browser/excel-double";

/** One table sheet: title, header, two stated rows, one derived row, a table, a chart, a name. */
export function tableSheet(key: string, name: string, opts: { value?: number; extra?: CellBlock[] } = {}): SheetPlan {
  const v = opts.value ?? 17.1;
  return {
    key,
    name,
    tabColor: "#1F3864",
    blocks: [
      { address: "A1", cells: [[name]], style: "title" },
      { address: "A3", cells: [["Item", "Value", "Unit", "Period"]], style: "header" },
      {
        address: "A4",
        cells: [
          ["Revenue 2023", 10.3, "USD bn", "2023"],
          ["Revenue 2024", v, "USD bn", "2024"],
        ],
        numberFormat: [
          ["@", "#,##0.0", "@", "@"],
          ["@", "#,##0.0", "@", "@"],
        ],
        style: "input",
      },
      {
        address: "A6",
        cells: [["Growth", { formula: "=B5/B4-1" }, "%", "2024"]],
        numberFormat: [["@", "0.0%", "@", "@"]],
        style: "formula",
      },
      ...(opts.extra ?? []),
    ],
    columns: [
      { column: "A", width: 30 },
      { column: "B", width: 12 },
    ],
    tables: [{ name: `tbl_${key}`, range: "A3:D6", style: "TableStyleLight9" }],
    charts: [{ kind: "ColumnClustered", title: `${name} (USD bn)`, source: "A3:B5", from: "F3", to: "L15" }],
    freezeRows: 3,
  };
}

/** The one-table plan. */
export function smallPlan(value?: number): WorkbookPlan {
  return {
    sheets: [tableSheet("china_revenue", "China revenue", { value })],
    names: [{ name: "bl_china_revenue_2024", sheetKey: "china_revenue", address: "B5", comment: "China revenue 2024" }],
  };
}

export const MANY = 12;

/** An about sheet with formulas over every table sheet, `MANY` table sheets, and a checks sheet. */
export function manyPlan(opts: { lang?: "en" | "zh"; value?: number } = {}): WorkbookPlan {
  const zh = opts.lang === "zh";
  const keys = Array.from({ length: MANY }, (_, i) => (i === 0 ? "china_revenue" : `table_${i}`));
  const title = (i: number) => (i === 0 ? (zh ? "中国区营收" : "China revenue") : zh ? `表 ${i}` : `Table ${i}`);
  const about: SheetPlan = {
    key: "about",
    name: zh ? "说明" : "About",
    blocks: [
      { address: "A1", cells: [[zh ? "基准数据" : "Baseline"]], style: "title" },
      {
        address: "A3",
        cells: keys.map((k, i) => [title(i), { formula: `={{${k}}}!B5` }]),
        numberFormat: keys.map(() => ["@", "#,##0.0"]),
        style: "text",
      },
    ],
    columns: [{ column: "A", width: 40 }],
    tables: [],
    charts: [],
    freezeRows: 0,
  };
  const checks: SheetPlan = {
    key: "checks",
    name: zh ? "核对" : "Checks",
    blocks: [
      { address: "A1", cells: [["id", "stated", "status"]], style: "header" },
      {
        address: "A2",
        cells: [
          [
            "growth",
            { formula: "={{china_revenue}}!B6" },
            { formula: '=IF({{china_revenue}}!B6>0,"consistent","inconsistent")' },
          ],
        ],
        numberFormat: [["@", "0.0%", "@"]],
        style: "formula",
      },
    ],
    columns: [],
    tables: [{ name: "tbl_checks", range: "A1:C2", style: "TableStyleLight11" }],
    charts: [],
    freezeRows: 1,
  };
  return {
    sheets: [about, ...keys.map((k, i) => tableSheet(k, title(i), { value: opts.value })), checks],
    names: keys.map((k) => ({ name: `bl_${k}_2024`, sheetKey: k, address: "B5", comment: `${k} 2024` })),
  };
}

export interface Wired {
  wb: FakeWorkbook;
  /** one jest.fn per Excel.run context, wrapping its sync */
  syncSpies: jest.Mock[];
  syncCalls(): number;
}

/** A fresh double installed as the Excel and Office globals. */
export function wire(options: DoubleOptions = {}, setup?: (wb: FakeWorkbook) => void): Wired {
  const wb = new FakeWorkbook(options);
  if (setup) setup(wb);
  else wb.addSheet("Sheet1", { A1: "my own notes" });
  const syncSpies: jest.Mock[] = [];
  wb.onContext = (ctx) => {
    const spy = jest.fn(ctx.sync.bind(ctx));
    ctx.sync = spy;
    syncSpies.push(spy);
  };
  const g = globalThis as Record<string, unknown>;
  g.Excel = new OfficeMockObject({ run: (batch: (c: unknown) => Promise<unknown>) => wb.run(batch) });
  g.Office = new OfficeMockObject({
    context: {
      document: { settings: fakeSettings(wb) },
      requirements: { isSetSupported: () => true },
    },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  });
  return { wb, syncSpies, syncCalls: () => syncSpies.reduce((n, s) => n + s.mock.calls.length, 0) };
}

/** What must not change when an insert fails: sheets in order, their cells, tables, marks; names. */
export function userVisible(wb: FakeWorkbook) {
  return {
    sheets: wb.sheets.map((s) => ({
      id: s.id,
      name: s.name,
      cells: s.contents(),
      tables: s.tables.map((t) => `${t.name}@${t.address}:${t.style}`).sort(),
      charts: s.charts.length,
      mark: s.mark("ChinaExposureWorkbench"),
      tabColor: s.tabColor,
    })),
    names: wb.names.map((n) => `${n.name}=${n.formula}`).sort(),
  };
}
