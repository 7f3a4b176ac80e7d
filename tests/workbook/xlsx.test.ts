/**
 * The exceljs adapter: a plan applied to a file, read back with exceljs. Small hand-made plans
 * pin each feature; the full buildPlan() shows the adapter writes every sheet, formula, format,
 * table and name the plan declares.
 */
import * as ExcelJS from "exceljs";
import { inflateRawSync } from "node:zlib";
import { buildPlan } from "../../src/workbook/plan";
import { absoluteCell, quoteSheetName, resolveSheetRefs, sheetNameProblem } from "../../src/workbook/address";
import type { CellBlock, PlanCell, SheetPlan, WorkbookPlan } from "../../src/workbook/types";
import {
  REPRODUCIBLE_DATE,
  WRITTEN_BY,
  finalSheetNames,
  normalizeZipTimes,
  planToXlsx,
  summarizePlan,
  writePlan,
} from "../../src/workbook/xlsx";

async function roundTrip(plan: WorkbookPlan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await planToXlsx(plan)) as unknown as ArrayBuffer);
  return wb;
}

/** The text of one entry of a zip (enough of the format for the files exceljs writes). */
function zipEntry(zip: Buffer, name: string): string {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = zip.readUInt16LE(eocd + 10); i > 0; i--) {
    const [n, e, c] = [zip.readUInt16LE(p + 28), zip.readUInt16LE(p + 30), zip.readUInt16LE(p + 32)];
    if (zip.toString("utf8", p + 46, p + 46 + n) === name) {
      const local = zip.readUInt32LE(p + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + zip.readUInt32LE(p + 20));
      return (zip.readUInt16LE(p + 10) === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    p += 46 + n + e + c;
  }
  throw new Error(`no ${name} in the zip`);
}

const ws = (wb: ExcelJS.Workbook) => wb.getWorksheet("China's revenue")!;

function sheet(over: Partial<SheetPlan> & Pick<SheetPlan, "key" | "name">): SheetPlan {
  return { blocks: [], columns: [], tables: [], charts: [], freezeRows: 0, ...over };
}

/** Two sheets: inputs with a table, and a sheet whose formulas read the first across sheets. */
const SMALL: WorkbookPlan = {
  sheets: [
    sheet({
      key: "revenue",
      name: "China's revenue",
      tabColor: "#1F3864",
      freezeRows: 2,
      columns: [
        { column: "A", width: 30 },
        { column: "B", width: 12 },
      ],
      blocks: [
        { address: "A1", cells: [["Revenue"]], style: "title" },
        { address: "A2", cells: [["Item", "Value", "Unit"]], style: "header" },
        {
          address: "A3",
          cells: [
            ["China revenue 2023", 10.3, "USD bn"],
            ["China revenue 2024", 17.1, "USD bn"],
          ],
          numberFormat: [
            ["@", "#,##0.0#", "@"],
            ["@", "#,##0.0#", "@"],
          ],
          style: "input",
        },
        {
          address: "A5",
          // 17.1 ÷ 10.3 − 1 = 0.660194…: what the model computes, stored as the cached value
          cells: [["Growth", { formula: "=B4/B3-1", result: 17.1 / 10.3 - 1 }, "%"]],
          numberFormat: "0.0%",
          style: "formula",
        },
        { address: "A7", cells: [["A note as wide as the table, wrapped within it"]], style: "note", span: 3 },
      ],
      tables: [{ name: "tbl_revenue", range: "A2:C5", style: "TableStyleLight9" }],
      charts: [{ kind: "ColumnClustered", title: "China revenue", source: "A2:B4", from: "E2", to: "K12" }],
      font: "Calibri",
      rowHeights: [
        { row: 1, height: 19.25 },
        { row: 7, height: 24 },
      ],
      page: {
        orientation: "landscape",
        fitToWidth: 1,
        printArea: "A1:K12",
        titleRows: "2:2",
        footer: "&A — page &P of &N",
        margins: { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
      },
    }),
    sheet({
      key: "zh",
      name: "营收：中国",
      blocks: [
        {
          address: "B2",
          cells: [[{ formula: "={{revenue}}!B4-{{revenue}}!B3" }, { formula: "=SUM({{revenue}}!B3:B4)" }, true, null]],
        },
      ],
    }),
  ],
  names: [
    { name: "bl_china_revenue_2024", sheetKey: "revenue", address: "B4", comment: "China revenue 2024" },
    { name: "bl_growth", sheetKey: "revenue", address: "B5", comment: "Growth" },
  ],
};

describe("the exceljs adapter on a hand-made plan", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await roundTrip(SMALL);
  });

  it("writes the sheets in plan order under their names", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["China's revenue", "营收：中国"]);
  });

  it("writes constants as they are and leaves null cells empty", () => {
    const ws = wb.getWorksheet("China's revenue")!;
    expect(ws.getCell("A3").value).toBe("China revenue 2023");
    expect(ws.getCell("B4").value).toBe(17.1);
    const zh = wb.getWorksheet("营收：中国")!;
    expect(zh.getCell("D2").value).toBe(true);
    expect(zh.getCell("E2").value).toBeNull();
  });

  it("writes formulas without the leading =, with the result the plan gives as their cached value", () => {
    const v = wb.getWorksheet("China's revenue")!.getCell("B5").value as ExcelJS.CellFormulaValue;
    expect(v.formula).toBe("B4/B3-1");
    expect(v.result).toBeCloseTo(0.660194, 6); // 17.1 ÷ 10.3 − 1
    // a formula the plan gives no result stores none (no figure no spreadsheet computed)
    expect((wb.getWorksheet("营收：中国")!.getCell("B2").value as ExcelJS.CellFormulaValue).result).toBeUndefined();
  });

  it("resolves {{key}} references to the quoted final sheet name, inner quotes doubled", () => {
    const zh = wb.getWorksheet("营收：中国")!;
    expect((zh.getCell("B2").value as ExcelJS.CellFormulaValue).formula).toBe(
      "'China''s revenue'!B4-'China''s revenue'!B3",
    );
    expect((zh.getCell("C2").value as ExcelJS.CellFormulaValue).formula).toBe("SUM('China''s revenue'!B3:B4)");
  });

  it("applies a block's number format, one for the block or one per cell", () => {
    const ws = wb.getWorksheet("China's revenue")!;
    expect(ws.getCell("B3").numFmt).toBe("#,##0.0#");
    expect(ws.getCell("A3").numFmt).toBe("@");
    expect(ws.getCell("B5").numFmt).toBe("0.0%");
    expect(ws.getCell("C5").numFmt).toBe("0.0%");
  });

  it("renders the named styles: bold white header on a fill, blue inputs, a large bold title", () => {
    const ws = wb.getWorksheet("China's revenue")!;
    expect(ws.getCell("B2").font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(ws.getCell("B2").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FF1F3864" } });
    expect(ws.getCell("B3").font).toMatchObject({ color: { argb: "FF0000FF" } });
    expect(ws.getCell("B5").font).toMatchObject({ color: { argb: "FF000000" } });
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
  });

  it("sets column widths, the tab colour and freezes the header rows", () => {
    const ws = wb.getWorksheet("China's revenue")!;
    expect(ws.getColumn("A").width).toBe(30);
    expect(ws.getColumn("B").width).toBe(12);
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F3864" });
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2, topLeftCell: "A3" });
    expect(wb.getWorksheet("营收：中国")!.views[0]?.state).not.toBe("frozen");
  });

  it("defines an Excel table over the cells the blocks wrote, keeping their values and formulas", () => {
    const ws = wb.getWorksheet("China's revenue")!;
    const tables = ws.getTables() as unknown as { table: ExcelJS.TableProperties & { tableRef: string } }[];
    expect(tables).toHaveLength(1);
    const t = tables[0].table;
    expect(t.name).toBe("tbl_revenue");
    expect(t.tableRef).toBe("A2:C5");
    expect(t.style?.theme).toBe("TableStyleLight9");
    expect(t.columns.map((c) => c.name)).toEqual(["Item", "Value", "Unit"]);
    expect(t.totalsRow).toBe(false);
    expect(ws.getCell("A2").value).toBe("Item");
    expect((ws.getCell("B5").value as ExcelJS.CellFormulaValue).formula).toBe("B4/B3-1");
    expect(ws.getCell("B3").numFmt).toBe("#,##0.0#");
    expect(ws.getCell("B2").font?.bold).toBe(true);
  });

  it("defines workbook-scoped names on the cells of the plan", () => {
    expect(wb.definedNames.getRanges("bl_china_revenue_2024").ranges).toEqual(["'China''s revenue'!$B$4"]);
    expect(wb.definedNames.getRanges("bl_growth").ranges).toEqual(["'China''s revenue'!$B$5"]);
  });

  it("asks Excel to recalculate everything on open, and stores exactly the results the plan gives", async () => {
    const bytes = await planToXlsx(SMALL);
    expect(zipEntry(bytes, "xl/workbook.xml")).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
    const xml = zipEntry(bytes, "xl/worksheets/sheet1.xml") + zipEntry(bytes, "xl/worksheets/sheet2.xml");
    expect(xml.match(/<f>/g)).toHaveLength(3);
    expect(xml.match(/<\/f>\s*<v>/g)).toHaveLength(1);
  });

  it("writes every cell in the sheet's font, top-aligned, and wraps a merged note across its columns", () => {
    const ws = wb.getWorksheet("China's revenue")!;
    for (const a of ["A1", "B2", "A3", "B5", "A7"]) expect([a, ws.getCell(a).font?.name]).toEqual([a, "Calibri"]);
    expect(ws.getCell("A3").font).toMatchObject({ size: 11 });
    expect(ws.getCell("A7").font).toMatchObject({ size: 9, italic: true });
    expect(ws.getCell("B3").alignment).toMatchObject({ vertical: "top" });
    expect(ws.getCell("A7").alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell("C7").isMerged).toBe(true);
    expect(ws.getCell("C7").master.address).toBe("A7");
    expect(ws.getRow(7).height).toBe(24);
    expect(ws.getRow(1).height).toBe(19.25);
  });

  it("sets the page: landscape, one page wide, print area and title rows (sheet name quoted), footer, margins", async () => {
    const bytes = await planToXlsx(SMALL);
    const sheetXml = zipEntry(bytes, "xl/worksheets/sheet1.xml");
    expect(sheetXml).toMatch(/<pageSetUpPr fitToPage="1"\/>/);
    expect(sheetXml).toMatch(/<pageSetup[^>]*orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(sheetXml).toMatch(
      /<pageMargins left="0.25" right="0.25" top="0.75" bottom="0.75" header="0.3" footer="0.3"\/>/,
    );
    expect(sheetXml).toContain("<oddFooter>&amp;C&amp;A — page &amp;P of &amp;N</oddFooter>");
    const book = zipEntry(bytes, "xl/workbook.xml");
    // the apostrophe of China's doubled, as a reference writes it (exceljs itself would not)
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">'China''s revenue'!$A$1:$K$12</definedName>`,
    );
    expect(book).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">'China''s revenue'!$2:$2</definedName>`,
    );
    expect(book).not.toMatch(/localSheetId="1"/); // the second sheet has no page setup
    expect(ws(wb).pageSetup).toMatchObject({ printArea: "A1:K12", orientation: "landscape", fitToWidth: 1 });
  });

  it("adds the chart to the package: part, drawing at its cell, relationships, content types", async () => {
    const bytes = await planToXlsx(SMALL);
    const chart = zipEntry(bytes, "xl/charts/chart1.xml");
    expect(chart).toContain('<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart).toContain("<a:t>China revenue</a:t>");
    // the series name, categories and values, by reference and with their values cached
    expect(chart).toContain("<c:f>'China''s revenue'!$B$2</c:f>");
    expect(chart).toContain("<c:f>'China''s revenue'!$A$3:$A$4</c:f>");
    expect(chart).toContain("<c:f>'China''s revenue'!$B$3:$B$4</c:f>");
    expect(chart).toContain('<c:pt idx="0"><c:v>10.3</c:v></c:pt><c:pt idx="1"><c:v>17.1</c:v></c:pt>');
    expect(chart).toContain("<c:formatCode>#,##0.0#</c:formatCode>");
    const drawing = zipEntry(bytes, "xl/drawings/drawing1.xml");
    // E2: column E is index 4, row 2 index 1; 7 columns of 8.43 characters (47.99 pt) by 11 rows of 15 pt
    expect(drawing).toMatch(/<xdr:from><xdr:col>4<\/xdr:col><xdr:colOff>0<\/xdr:colOff><xdr:row>1<\/xdr:row>/);
    expect(drawing).toContain(`<xdr:ext cx="${Math.round(7 * 47.99 * 12700)}" cy="${11 * 15 * 12700}"/>`);
    expect(zipEntry(bytes, "xl/drawings/_rels/drawing1.xml.rels")).toContain('Target="../charts/chart1.xml"');
    const rels = zipEntry(bytes, "xl/worksheets/_rels/sheet1.xml.rels");
    const id = /Id="(rId\d+)"[^>]*relationships\/drawing" Target="..\/drawings\/drawing1.xml"/.exec(rels)?.[1];
    expect(id).toBeDefined();
    // <drawing> after the page setup and before the table parts, as the schema orders them
    expect(zipEntry(bytes, "xl/worksheets/sheet1.xml")).toMatch(
      new RegExp(`<headerFooter>.*</headerFooter><drawing r:id="${id}"/><tableParts`),
    );
    const types = zipEntry(bytes, "[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    expect(() => zipEntry(bytes, "xl/drawings/drawing2.xml")).toThrow(/no xl\/drawings\/drawing2.xml/);
  });

  it("says who wrote the file, with fixed dates", () => {
    expect(wb.creator).toBe(WRITTEN_BY);
    expect(wb.created.toISOString()).toBe(REPRODUCIBLE_DATE.toISOString());
    expect(wb.modified.toISOString()).toBe(REPRODUCIBLE_DATE.toISOString());
    expect(wb.description).toContain("revenue = China's revenue");
  });
});

describe("reproducible output", () => {
  afterEach(() => jest.useRealTimers());

  it("writes the same bytes for the same plan, whenever it runs", async () => {
    jest.useFakeTimers({
      now: new Date("2031-05-06T07:08:09Z"),
      doNotFake: ["nextTick", "setImmediate", "queueMicrotask"],
    });
    const a = await planToXlsx(SMALL);
    jest.setSystemTime(new Date("2040-11-12T13:14:15Z"));
    const b = await planToXlsx(SMALL);
    expect(b.equals(a)).toBe(true);
  });

  it("leaves a zip without entries as it is and rejects bytes that are not a zip", () => {
    const empty = Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
    expect(normalizeZipTimes(empty).equals(empty)).toBe(true);
    expect(() => normalizeZipTimes(Buffer.from("not a zip at all, not at all, no"))).toThrow(/not a zip/);
  });
});

describe("sheet names", () => {
  it("keeps preferred names and makes colliding ones unique, references following", async () => {
    const plan: WorkbookPlan = {
      sheets: [
        sheet({ key: "a", name: "Checks" }),
        sheet({ key: "b", name: "checks", blocks: [{ address: "A1", cells: [[{ formula: "={{a}}!A1+{{b}}!A2" }]] }] }),
      ],
      names: [{ name: "bl_b", sheetKey: "b", address: "A1", comment: "" }],
    };
    expect([...finalSheetNames(plan).values()]).toEqual(["Checks", "checks (2)"]);
    const wb = await roundTrip(plan);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Checks", "checks (2)"]);
    expect((wb.worksheets[1].getCell("A1").value as ExcelJS.CellFormulaValue).formula).toBe(
      "'Checks'!A1+'checks (2)'!A2",
    );
    expect(wb.definedNames.getRanges("bl_b").ranges).toEqual(["'checks (2)'!$A$1"]);
  });

  it("makes an illegal or overlong preferred name legal (31 characters, none of : \\ / ? * [ ])", () => {
    const names = finalSheetNames({
      sheets: [sheet({ key: "x", name: "a/b: c? [d] *e* and a tail that runs past thirty-one characters" })],
      names: [],
    });
    const name = names.get("x")!;
    expect(sheetNameProblem(name)).toBeUndefined();
  });
});

describe("plan bugs are reported, not written", () => {
  const one = (blocks: CellBlock[], extra: Partial<SheetPlan> = {}): WorkbookPlan => ({
    sheets: [sheet({ key: "s", name: "S", blocks, ...extra })],
    names: [],
  });

  it("throws when a formula names a sheet the plan lacks", () => {
    expect(() => writePlan(one([{ address: "A1", cells: [[{ formula: "={{nowhere}}!B2" }]] }]))).toThrow(/nowhere/);
  });

  it("throws on a malformed address", () => {
    expect(() => writePlan(one([{ address: "5A", cells: [[1]] }]))).toThrow(/5A/);
  });

  it("throws on ragged rows and on formats of another shape", () => {
    expect(() => writePlan(one([{ address: "A1", cells: [[1, 2], [3]] }]))).toThrow(/different lengths/);
    expect(() => writePlan(one([{ address: "A1", cells: [[1, 2]], numberFormat: [["0"]] }]))).toThrow(/shape/);
  });

  it("throws on a table whose header cells are empty or repeated", () => {
    const table = { name: "tbl_s", range: "A1:B2", style: "TableStyleLight9" };
    expect(() =>
      writePlan(
        one(
          [
            {
              address: "A1",
              cells: [
                ["x", null],
                [1, 2],
              ],
            },
          ],
          { tables: [table] },
        ),
      ),
    ).toThrow(/B1 must hold a text/);
    expect(() =>
      writePlan(
        one(
          [
            {
              address: "A1",
              cells: [
                ["x", "X"],
                [1, 2],
              ],
            },
          ],
          { tables: [table] },
        ),
      ),
    ).toThrow(/repeated/);
  });

  it("throws on two tables of one name, or a name that is also a table's", () => {
    const table = { name: "tbl_s", range: "A1:A2", style: "TableStyleLight9" };
    const blocks = [{ address: "A1", cells: [["x"], [1]] }];
    const twoTables: WorkbookPlan = {
      sheets: [
        sheet({ key: "s", name: "S", blocks, tables: [table] }),
        sheet({ key: "t", name: "T", blocks, tables: [{ ...table, name: "TBL_S" }] }),
      ],
      names: [],
    };
    expect(() => writePlan(twoTables)).toThrow(/two tables named TBL_S/);
    const clash = {
      ...one(blocks, { tables: [table] }),
      names: [{ name: "tbl_s", sheetKey: "s", address: "A2", comment: "" }],
    };
    expect(() => writePlan(clash)).toThrow(/also the name of a table/);
  });

  it("throws on a name pointing at a sheet the plan lacks, or defined twice", () => {
    const base = one([{ address: "A1", cells: [[1]] }]);
    expect(() =>
      writePlan({ ...base, names: [{ name: "bl_x", sheetKey: "gone", address: "A1", comment: "" }] }),
    ).toThrow(/gone/);
    const twice = [
      { name: "bl_x", sheetKey: "s", address: "A1", comment: "" },
      { name: "BL_X", sheetKey: "s", address: "A1", comment: "" },
    ];
    expect(() => writePlan({ ...base, names: twice })).toThrow(/twice/);
  });

  it("throws on a number no spreadsheet can store", () => {
    expect(() => writePlan(one([{ address: "A1", cells: [[Number.NaN]] }]))).toThrow(/NaN/);
  });
});

describe("the summary the CLI prints", () => {
  it("counts sheets, tables, formulas, their stored results and names, and lists the charts", () => {
    const s = summarizePlan(SMALL);
    expect(s.sheets.map((x) => [x.key, x.name, x.formulas])).toEqual([
      ["revenue", "China's revenue", 1],
      ["zh", "营收：中国", 2],
    ]);
    expect(s.tables).toBe(1);
    expect(s.formulas).toBe(3);
    expect(s.names).toBe(2);
    expect(s.storedResults).toBe(1);
    expect(s.charts).toEqual([{ sheet: "China's revenue", chart: SMALL.sheets[0].charts[0] }]);
  });
});

describe.each(["en", "zh"] as const)("the full baseline plan (%s)", (lang) => {
  const plan = buildPlan({ lang });
  const names = finalSheetNames(plan);
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await roundTrip(plan);
  });

  it("writes every sheet of the plan, in order", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(plan.sheets.map((s) => names.get(s.key)));
  });

  it("writes every cell of every block: constants equal, formulas resolved, formats applied", () => {
    const problems: string[] = [];
    for (const s of plan.sheets) {
      const ws = wb.getWorksheet(names.get(s.key)!)!;
      for (const block of s.blocks) {
        const m = /^([A-Z]+)(\d+)$/.exec(block.address)!;
        const col0 = ws.getColumn(m[1]).number;
        const row0 = Number(m[2]);
        block.cells.forEach((row, r) =>
          row.forEach((cell: PlanCell, c) => {
            const got = ws.getCell(row0 + r, col0 + c);
            const where = `'${ws.name}'!${got.address}`;
            if (cell !== null && typeof cell === "object") {
              const want = resolveSheetRefs(cell.formula.replace(/^=/, ""), (k) => names.get(k));
              const v = got.value as ExcelJS.CellFormulaValue;
              if (v?.formula !== want) problems.push(`${where}: formula ${JSON.stringify(v)} instead of ${want}`);
            } else if (got.value instanceof Date) {
              // a date-formatted serial number reads back as a Date
              const serial = got.value.getTime() / 86400000 + 25569;
              if (serial !== cell) problems.push(`${where}: ${serial} instead of ${cell}`);
            } else if ((got.value ?? null) !== cell) {
              problems.push(`${where}: ${JSON.stringify(got.value)} instead of ${JSON.stringify(cell)}`);
            }
            const fmt =
              block.numberFormat === undefined
                ? undefined
                : typeof block.numberFormat === "string"
                  ? block.numberFormat
                  : block.numberFormat[r][c];
            if (fmt !== undefined && (got.numFmt ?? "General") !== fmt)
              problems.push(`${where}: number format ${got.numFmt} instead of ${fmt}`);
          }),
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it("defines every table of the plan over its range with its style", () => {
    for (const s of plan.sheets) {
      const ws = wb.getWorksheet(names.get(s.key)!)!;
      const tables = (ws.getTables() as unknown as { table: ExcelJS.TableProperties & { tableRef: string } }[]).map(
        (t) => t.table,
      );
      expect(tables.map((t) => [t.name, t.tableRef, t.style?.theme])).toEqual(
        s.tables.map((t) => [t.name, t.range, t.style]),
      );
    }
  });

  it("defines every name of the plan on its cell", () => {
    for (const n of plan.names) {
      const quoted = quoteSheetName(names.get(n.sheetKey)!);
      const abs = absoluteCell(n.address);
      expect([n.name, wb.definedNames.getRanges(n.name).ranges]).toEqual([n.name, [`${quoted}!${abs}`]]);
    }
  });

  it("stores with every formula the result the plan gives, and every text in the edition's font", async () => {
    // Read the sheet XML itself: exceljs's reader drops a stored 0 or "" (<v>0</v>, <v></v>), which
    // Excel reads. Every <f> must be followed by its <v>, typed t="str" where the plan's result is text.
    const bytes = await planToXlsx(plan);
    const missing: string[] = [];
    const fonts = new Set<string>();
    plan.sheets.forEach((s, i) => {
      const xml = zipEntry(bytes, `xl/worksheets/sheet${i + 1}.xml`);
      for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><f>[^<]*<\/f>(<v>[^<]*<\/v>)?/g))
        if (m[3] === undefined) missing.push(`${s.key}!${m[1]}`);
      const ws = wb.getWorksheet(names.get(s.key)!)!;
      ws.eachRow((row) => row.eachCell((cell) => void fonts.add(String(cell.font?.name))));
    });
    const formulas = plan.sheets.flatMap((s) =>
      s.blocks.flatMap((b) => b.cells.flat().filter((c) => c !== null && typeof c === "object")),
    );
    expect(formulas.length).toBeGreaterThan(100);
    const zeroOrEmpty = formulas.filter(
      (c) => (c as { result?: unknown }).result === 0 || (c as { result?: unknown }).result === "",
    );
    expect(zeroOrEmpty.length).toBeGreaterThan(0); // the case has both; they must be stored too
    expect(missing).toEqual([]);
    expect([...fonts]).toEqual([lang === "en" ? "Calibri" : "DengXian"]);
  });

  it("holds a chart part for every chart of the plan, on a drawing of its sheet", async () => {
    const bytes = await planToXlsx(plan);
    const charts = plan.sheets.flatMap((s) => s.charts);
    charts.forEach((c, i) =>
      expect(zipEntry(bytes, `xl/charts/chart${i + 1}.xml`)).toContain(`<a:t>${c.title.replace(/&/g, "&amp;")}</a:t>`),
    );
    expect(() => zipEntry(bytes, `xl/charts/chart${charts.length + 1}.xml`)).toThrow(/no xl/);
    const withCharts = plan.sheets.filter((s) => s.charts.length > 0);
    withCharts.forEach((s, i) => {
      const drawing = zipEntry(bytes, `xl/drawings/drawing${i + 1}.xml`);
      expect([s.key, drawing.match(/<xdr:oneCellAnchor>/g)?.length]).toEqual([s.key, s.charts.length]);
    });
  });

  it("hides the columns the plan hides (the tornado's working, K–V of the case) and no other", () => {
    for (const s of plan.sheets) {
      const ws = wb.getWorksheet(names.get(s.key)!)!;
      const hidden: string[] = [];
      for (let c = 1; c <= ws.columnCount; c++) if (ws.getColumn(c).hidden) hidden.push(ws.getColumn(c).letter);
      expect([s.key, hidden]).toEqual([s.key, s.columns.filter((c) => c.hidden).map((c) => c.column)]);
    }
    const sheet = plan.sheets.find((s) => s.key === "case_nvidia")!;
    expect(sheet.columns.filter((c) => c.hidden).map((c) => c.column)).toEqual("KLMNOPQRSTUV".split(""));
  });

  it("freezes the rows and colours the tabs the plan asks for", () => {
    for (const s of plan.sheets) {
      const ws = wb.getWorksheet(names.get(s.key)!)!;
      if (s.freezeRows > 0)
        expect([s.key, (ws.views[0] as Partial<ExcelJS.WorksheetViewFrozen> | undefined)?.ySplit]).toEqual([
          s.key,
          s.freezeRows,
        ]);
      if (s.tabColor)
        expect([s.key, ws.properties.tabColor?.argb]).toEqual([s.key, `FF${s.tabColor.slice(1).toUpperCase()}`]);
    }
  });
});
