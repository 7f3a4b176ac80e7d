/**
 * The workbook plan: a declarative description of the sheets the add-in writes. plan.ts builds
 * it from the baseline; office.ts (Excel.run) and xlsx.ts (exceljs) apply the same plan. Nothing
 * here knows Office.js. Addresses are A1-style and relative to their own sheet.
 */

/**
 * A cell's content: a constant, or a native Excel formula ("=C5/C6"); null leaves it empty.
 * A formula that refers to another sheet of the plan writes `{{key}}!C5`: the adapter replaces
 * `{{key}}` by the quoted name that sheet got in this workbook (see resolveSheetRefs in address.ts).
 * `result` is what the formula computes, as the model computes it, where the plan knows it: a file
 * can carry it so that a viewer that never recalculates still shows the figure.
 */
export type PlanCell =
  string | number | boolean | null | { readonly formula: string; readonly result?: string | number | boolean };

/** Named styles, rendered by each adapter the same way (see STYLES in styles.ts). */
export type StyleId =
  | "title"
  | "subtitle"
  | "header"
  | "input" // a stated figure typed in: blue font, the sell-side convention
  | "formula" // a derived figure: black font
  | "text"
  | "note"
  | "check"
  | "source"; // where a figure stands in the article, its id: small grey print

export interface CellBlock {
  /** top-left cell, e.g. "A5" */
  readonly address: string;
  /** rows of cells; every row the same length */
  readonly cells: readonly (readonly PlanCell[])[];
  /** one Excel number format per cell (same shape as cells), or one for the whole block */
  readonly numberFormat?: string | readonly (readonly string[])[];
  readonly style?: StyleId;
  /**
   * a one-column block whose every row is one cell merged across this many columns, its text
   * wrapped (a title or a note as wide as the table below it)
   */
  readonly span?: number;
  /** its texts wrap within their cells (the rows grow), whatever its style and its columns */
  readonly wrap?: boolean;
}

export interface TablePlan {
  /** Excel table name, unique in the workbook (letters, digits, underscore; no spaces) */
  readonly name: string;
  /** the whole table, header row included, e.g. "A4:H12"; its cells are written by blocks */
  readonly range: string;
  readonly style: string; // e.g. "TableStyleLight9"
}

/**
 * Chart types, as Office.js names them: columns over periods, 100 % stacked columns for shares of a
 * whole, lines (with markers where the points are few) for a series over years, a pie for the parts
 * of one whole.
 */
export type ChartKind = "ColumnClustered" | "ColumnStacked100" | "BarClustered" | "Line" | "LineMarkers" | "Pie";

export interface ChartPlan {
  readonly kind: ChartKind;
  readonly title: string;
  /** the data, on the same sheet: the first column holds category labels, the others series (a header row first) */
  readonly source: string;
  /**
   * where it sits, as the cells it covers on a sheet of default row height (15 pt): the adapters
   * place it there at a fixed size (see chartBox in layout.ts), so rows that grow with wrapped text
   * move or stretch nothing
   */
  readonly from: string;
  readonly to: string;
}

export interface ColumnWidth {
  /** column letter, e.g. "A" */
  readonly column: string;
  /** width in characters of the default font (exceljs' unit; office.ts converts to points) */
  readonly width: number;
  /** long texts wrap within the column (the row grows) instead of being cut off */
  readonly wrap?: boolean;
  /** working columns a reader need not see: hidden (unhide to audit), so they neither show nor print */
  readonly hidden?: boolean;
}

/**
 * How a sheet prints: one page wide (as many tall as it takes), its print area, the rows repeated
 * on each page, and a footer. Both adapters apply it (Office.js pageLayout, exceljs pageSetup).
 */
export interface PagePlan {
  readonly orientation: "landscape" | "portrait";
  /** pages across: the sheet is scaled to fit them; its height takes the pages it needs */
  readonly fitToWidth: number;
  /** what prints, e.g. "A1:P40" */
  readonly printArea: string;
  /** rows repeated at the top of every page, e.g. "5:5" */
  readonly titleRows?: string;
  /** the centre footer in Excel's codes: &A the sheet's name, &P the page, &N the pages */
  readonly footer: string;
  /** margins in inches (Excel's unit in a file; Office.js takes points) */
  readonly margins: PageMargins;
}

export interface PageMargins {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly header: number;
  readonly footer: number;
}

/**
 * A rule the spreadsheet enforces when someone types into a range: a number within bounds, or one
 * of a list. `message` is what Excel says when the rule is broken.
 */
export interface ValidationPlan {
  /** a range of the sheet, e.g. "C6:C18" */
  readonly range: string;
  readonly rule:
    | { readonly kind: "decimal"; readonly min?: number; readonly max?: number; readonly minExclusive?: boolean }
    | { readonly kind: "list"; readonly values: readonly string[] };
  readonly title: string;
  readonly message: string;
}

/**
 * Who a sheet belongs to once written. "record" (the default): the add-in's; inserting again brings
 * it back to the plan, and a copy keeps whatever the user had changed on it. "case": the user's; its
 * `inputs` are written only when the sheet is made (or on an explicit reset) and never again, the
 * rest is refreshed in place, and a sheet changed outside its inputs is left as it is.
 */
export type SheetOwner = "record" | "case";

export interface SheetPlan {
  /** stable key of this sheet in the plan (a table id, "about", "checks"); stored on the sheet */
  readonly key: string;
  readonly owner?: SheetOwner;
  /** for a case: the cells the user owns (A1 cells or ranges), seeded when the sheet is made */
  readonly inputs?: readonly string[];
  readonly validations?: readonly ValidationPlan[];
  /** preferred tab name (≤ 31 characters, none of : \ / ? * [ ]) */
  readonly name: string;
  readonly tabColor?: string;
  readonly blocks: readonly CellBlock[];
  readonly columns: readonly ColumnWidth[];
  readonly tables: readonly TablePlan[];
  readonly charts: readonly ChartPlan[];
  /** rows frozen at the top (the title and header) */
  readonly freezeRows: number;
  /** the font of every cell the sheet writes (each style adds size, weight and colour) */
  readonly font?: string;
  /** the height in points of each row the blocks write, as its wrapped text needs (see layout.ts) */
  readonly rowHeights?: readonly RowHeight[];
  /** how it prints; see pageSetup in layout.ts, which derives it for any sheet */
  readonly page?: PagePlan;
}

export interface RowHeight {
  readonly row: number;
  /** points */
  readonly height: number;
}

/** A workbook-scoped name for one cell, so analysts can write =bl_china_revenue_2024. */
export interface NamedCell {
  readonly name: string;
  readonly sheetKey: string;
  readonly address: string;
  readonly comment: string;
}

export interface WorkbookPlan {
  readonly sheets: readonly SheetPlan[];
  readonly names: readonly NamedCell[];
}
