/** The one address and sheet-name module, at Excel's limits. */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  absoluteCell,
  blockAddress,
  boxAddress,
  cellAddress,
  cleanSheetName,
  columnLetters,
  columnNumber,
  freeIdentifier,
  freeSheetName,
  isCellAddress,
  localAddress,
  offsetCell,
  parseBox,
  parseCell,
  quoteSheetName,
  referencedSheetKeys,
  resolveSheetRefs,
  sheetNameProblem,
  sheetOfReference,
  sheetReference,
} from "../../src/workbook/address";

describe("columns and cells", () => {
  it("numbers columns from A = 1 to XFD = 16384 and back, for every column", () => {
    expect(columnNumber("A")).toBe(1);
    expect(columnNumber("z")).toBe(26);
    expect(columnNumber("AA")).toBe(27);
    expect(columnNumber("XFD")).toBe(MAX_COLUMNS);
    const wrong: number[] = [];
    for (let n = 1; n <= MAX_COLUMNS; n++) if (columnNumber(columnLetters(n)) !== n) wrong.push(n);
    expect(wrong).toEqual([]);
  });

  it("refuses a column beyond XFD or outside 1…16384", () => {
    expect(() => columnNumber("XFE")).toThrow(/beyond XFD/);
    expect(() => columnNumber("AAAA")).toThrow();
    expect(() => columnNumber("")).toThrow();
    expect(() => columnLetters(0)).toThrow();
    expect(() => columnLetters(MAX_COLUMNS + 1)).toThrow();
    expect(() => columnLetters(1.5)).toThrow();
  });

  it("reads cells, absolute or not, up to XFD1048576", () => {
    expect(parseCell("C5")).toEqual({ row: 5, col: 3 });
    expect(parseCell("$C$5")).toEqual({ row: 5, col: 3 });
    expect(parseCell(" xfd1048576 ")).toEqual({ row: MAX_ROWS, col: MAX_COLUMNS });
    expect(cellAddress(MAX_ROWS, MAX_COLUMNS)).toBe("XFD1048576");
    expect(absoluteCell("b6")).toBe("$B$6");
    expect(isCellAddress("A1048576")).toBe(true);
  });

  it("refuses row 0, a row past 1048576, leading zeros and text", () => {
    for (const bad of ["A0", "A1048577", "A01", "XFE1", "1A", "A", "A1:B2", "", "Sheet1!A1"]) {
      expect(isCellAddress(bad)).toBe(false);
    }
    expect(() => cellAddress(0, 1)).toThrow();
    expect(() => cellAddress(MAX_ROWS + 1, 1)).toThrow();
  });

  it("reads and writes ranges, with or without a sheet, corners in any order", () => {
    expect(parseBox("'China revenue'!H9:A1")).toEqual({ top: 1, left: 1, bottom: 9, right: 8 });
    expect(parseBox("B2")).toEqual({ top: 2, left: 2, bottom: 2, right: 2 });
    expect(boxAddress({ top: 1, left: 1, bottom: 1, right: 1 })).toBe("A1");
    expect(boxAddress(parseBox("A1:XFD1048576"))).toBe("A1:XFD1048576");
    expect(localAddress("'O''Brien'!A1:B2")).toBe("A1:B2");
    expect(() => parseBox("A1:B2:C3")).toThrow();
  });

  it("lays a block out from its top-left cell, and refuses one that runs off the grid", () => {
    expect(blockAddress("A5", 3, 8)).toBe("A5:H7");
    expect(blockAddress("Z1", 1, 2)).toBe("Z1:AA1");
    expect(blockAddress("XFD1048576", 1, 1)).toBe("XFD1048576");
    expect(() => blockAddress("XFD1", 1, 2)).toThrow();
    expect(() => blockAddress("A1048576", 2, 1)).toThrow();
    expect(offsetCell("B5", 1, 2)).toBe("D6");
  });
});

describe("sheet names", () => {
  it("follows Excel's rule: 1–31 characters, none of : \\ / ? * [ ], no apostrophe at either end, History reserved", () => {
    expect(sheetNameProblem("China revenue")).toBeUndefined();
    expect(sheetNameProblem("x".repeat(31))).toBeUndefined();
    expect(sheetNameProblem("O'Brien")).toBeUndefined();
    expect(sheetNameProblem("中国区营收")).toBeUndefined();
    expect(sheetNameProblem("")).toMatch(/empty/);
    expect(sheetNameProblem("x".repeat(32))).toMatch(/31/);
    for (const ch of [":", "\\", "/", "?", "*", "[", "]"])
      expect(sheetNameProblem(`a${ch}b`)).toMatch(/cannot contain/);
    expect(sheetNameProblem("'quoted")).toMatch(/apostrophe/);
    expect(sheetNameProblem("quoted'")).toMatch(/apostrophe/);
    expect(sheetNameProblem("HISTORY")).toMatch(/reserved/);
  });

  it("cleans a title into a legal name", () => {
    expect(cleanSheetName("Standards, equipment: talent?")).toBe("Standards, equipment talent");
    expect(cleanSheetName("  'Quoted'  ")).toBe("Quoted");
    expect(cleanSheetName("a".repeat(30) + " 'b")).toBe("a".repeat(30));
    expect(cleanSheetName("[]*?")).toBe("Sheet");
    // a character outside the basic plane is never cut in two
    const emoji = "x".repeat(30) + "😀";
    expect(cleanSheetName(emoji)).toBe("x".repeat(30));
  });

  it("picks a free name, ignoring case, suffixed within 31 characters, never History", () => {
    expect(freeSheetName("China revenue", ["china REVENUE", "China revenue (2)"])).toBe("China revenue (3)");
    expect(freeSheetName("History", [])).toBe("History (2)");
    const long = "A very long sheet name that is too";
    const first = freeSheetName(long, []);
    expect(first).toBe("A very long sheet name that is");
    expect(freeSheetName(long, [first])).toBe("A very long sheet name that (2)");
    expect(freeSheetName(long, [first]).length).toBeLessThanOrEqual(31);
    // shortening for the suffix never leaves an apostrophe before it
    const quoted = "x".repeat(26) + "'abcd";
    expect(freeSheetName(quoted, [quoted])).toBe("x".repeat(26) + " (2)");
  });

  it("quotes names in references as Excel does", () => {
    expect(quoteSheetName("O'Brien")).toBe("'O''Brien'");
    expect(sheetReference("Checks")).toBe("Checks");
    expect(sheetReference("China revenue")).toBe("'China revenue'");
    expect(sheetReference("A1")).toBe("'A1'");
    expect(sheetReference("R1C1")).toBe("'R1C1'");
    expect(sheetReference("2024")).toBe("'2024'");
    expect(sheetOfReference("='O''Brien'!$B$6")).toBe("O'Brien");
    expect(sheetOfReference("=Model!$C$3")).toBe("Model");
    expect(sheetOfReference("=42")).toBeUndefined();
  });

  it("picks a free table or name identifier, ignoring case", () => {
    expect(freeIdentifier("tbl_x", new Set(["tbl_x", "tbl_x_2"]))).toBe("tbl_x_3");
    expect(freeIdentifier("tbl_y", new Set(["tbl_x"]))).toBe("tbl_y");
  });

  it("resolves {{key}} references to quoted names, and refuses an unknown key", () => {
    const names = new Map([["china_revenue", "China revenue"]]);
    expect(referencedSheetKeys("={{china_revenue}}!B5/{{checks}}!C2")).toEqual(["china_revenue", "checks"]);
    expect(resolveSheetRefs("={{china_revenue}}!B5*2", (k) => names.get(k))).toBe("='China revenue'!B5*2");
    expect(() => resolveSheetRefs("={{nowhere}}!A1", (k) => names.get(k))).toThrow(/not in the plan/);
  });
});
