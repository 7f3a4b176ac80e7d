/**
 * The geometry of a sheet, derived the same way for any SheetPlan (record or case) and applied by
 * both adapters: the height of each row, as its wrapped text needs (merged or not), where a
 * chart sits in points, and how the sheet prints (landscape, one page wide, its print area, the
 * header row on every page, a footer with the sheet's name and page number). Pure: no Office types.
 */
import { t, type Lang } from "../i18n/strings";
import { type Box, blockAddress, boxAddress, cellAddress, columnNumber, parseBox, parseCell } from "./address";
import { widthToPoints } from "./arrays";
import { BASE_SIZE, FONTS, STYLES } from "./styles";
import type { CellBlock, ChartPlan, PagePlan, PlanCell, RowHeight, SheetPlan } from "./types";

/** Excel's default row height for 11-point text, in points. */
export const DEFAULT_ROW_HEIGHT = 15;
/** Excel's default column width, in characters. */
export const DEFAULT_COLUMN_WIDTH = 8.43;

/** Points to screen pixels at 100 % zoom (96 dpi). */
export const pointsToPixels = (pt: number): number => (pt * 4) / 3;

/** The width of each column of a sheet in points, by column number. */
export function columnWidths(sheet: Pick<SheetPlan, "columns">): (col: number) => number {
  const widths = new Map(sheet.columns.map((c) => [columnNumber(c.column), c.hidden ? 0 : widthToPoints(c.width)]));
  const fallback = widthToPoints(DEFAULT_COLUMN_WIDTH);
  return (col) => widths.get(col) ?? fallback;
}

/** A line of text of `size` points, in points: Excel gives 11-point text a 15-point row. */
const lineHeight = (size: number) => Math.ceil(size * 1.36 * 4) / 4;
/** `lines` lines of `size`-point text, in points: each line after the first adds 1.3 times the size (14.3 for 11 points). */
const textHeight = (lines: number, size: number) => Math.ceil((lineHeight(size) + (lines - 1) * size * 1.3) * 4) / 4;

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * The width of a character in the unit of column widths (the default font's digit at 11 points),
 * the larger of what the sans fonts a viewer may use give it (Calibri in Excel, DejaVu Sans where
 * LibreOffice has no Calibri): both measure much the same in digits.
 */
function charWidth(ch: string): number {
  if (WIDE.test(ch)) return 2;
  if (/[ijl|!.,:;'`\s]/.test(ch)) return 0.5;
  if (/[-()[\]{}frt]/.test(ch)) return 0.7;
  if (/[mwMW]/.test(ch)) return 1.6;
  if (/[A-Z]/.test(ch)) return 1.15;
  if (/[csvxyz]/.test(ch)) return 0.85;
  return 0.97;
}

/** The width of a text at `size` points, in digits. */
function textWidth(text: string, size: number, bold: boolean): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return (w * size * (bold ? 1.07 : 1.02)) / BASE_SIZE;
}

/**
 * How many lines `text` takes in a cell `width` digits wide (a column width; merged columns added
 * up) at `size` points: words fill a line greedily, a word longer than a line breaks anywhere, and
 * Chinese breaks between any two characters, as Excel and LibreOffice wrap.
 */
export function textLines(text: string, width: number, size: number, bold = false): number {
  const usable = Math.max(1, width - 0.6);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    // pieces that cannot be split: Latin words (with the space after them), single Chinese characters
    const pieces =
      paragraph.match(
        /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[^\s\u2e80-\u9fff\uff00-\uffef]+\s*|\s+/g,
      ) ?? [];
    let n = 1;
    let used = 0;
    for (const piece of pieces) {
      const w = textWidth(piece, size, bold);
      const visible = textWidth(piece.trimEnd(), size, bold);
      if (used + visible <= usable) {
        used += w;
        continue;
      }
      if (used > 0) n++;
      used = 0;
      // a piece wider than the line breaks across lines
      let rest = visible;
      while (rest > usable) {
        n++;
        rest -= usable;
      }
      used = rest + (w - visible);
    }
    lines += n;
  }
  return lines;
}

/** The text a cell shows: its value, or a formula's stored result. */
function shownText(cell: PlanCell): string {
  if (cell === null) return "";
  if (typeof cell === "object") return cell.result === undefined ? "" : String(cell.result);
  return String(cell);
}

/** The box of cells a block covers, its merged columns included. */
export function blockBox(block: CellBlock): Box {
  const box = parseBox(blockAddress(block.address, block.cells.length, block.cells[0]?.length ?? 1));
  return block.span ? { ...box, right: box.left + block.span - 1 } : box;
}

/**
 * The height of every row a sheet's blocks write, in points: tall enough for the lines its wrapped
 * texts take (a merged row across its columns, a wrapping column within its width) and for its
 * largest font. Set by both adapters, so a row never clips its text, whatever the viewer (neither
 * LibreOffice nor every Excel sizes rows to wrapped text when it opens a file).
 */
export function rowHeights(sheet: Pick<SheetPlan, "blocks" | "columns">): RowHeight[] {
  const chars = new Map(sheet.columns.map((c) => [columnNumber(c.column), c.width]));
  const digits = (col: number) => chars.get(col) ?? DEFAULT_COLUMN_WIDTH;
  const wrapColumns = new Set(sheet.columns.filter((c) => c.wrap).map((c) => columnNumber(c.column)));
  const heights = new Map<number, number>();
  const fit = (row: number, h: number) => heights.set(row, Math.max(heights.get(row) ?? DEFAULT_ROW_HEIGHT, h));
  for (const block of sheet.blocks) {
    const style = block.style ? STYLES[block.style] : {};
    const size = style.size ?? BASE_SIZE;
    const box = blockBox(block);
    block.cells.forEach((row, i) =>
      row.forEach((cell, j) => {
        const col = box.left + j;
        const wraps = !!block.span || !!style.wrap || !!block.wrap || wrapColumns.has(col);
        // merged columns add their widths and the padding between them (5 px, about 0.7 digit)
        let across = 0;
        for (let c = col; c <= (block.span ? box.right : col); c++) across += digits(c) + (c > col ? 0.7 : 0);
        const lines = wraps ? textLines(shownText(cell), across, size, style.bold) : 1;
        fit(box.top + i, textHeight(lines, size));
      }),
    );
  }
  return [...heights].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
}

/** The height of a row in points: as set, or one line of its largest font. */
function rowHeightOf(sheet: Pick<SheetPlan, "blocks" | "rowHeights">): (row: number) => number {
  const set = new Map((sheet.rowHeights ?? []).map((r) => [r.row, r.height]));
  const sizes = new Map<number, number>();
  for (const b of sheet.blocks) {
    const size = (b.style && STYLES[b.style].size) ?? BASE_SIZE;
    const box = blockBox(b);
    for (let r = box.top; r <= box.bottom; r++) sizes.set(r, Math.max(sizes.get(r) ?? 0, size));
  }
  return (row) => set.get(row) ?? Math.max(DEFAULT_ROW_HEIGHT, lineHeight(sizes.get(row) ?? BASE_SIZE));
}

/** Where a chart sits and how large it is, in points from the sheet's top-left corner. */
export interface ChartBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A chart's box: its top-left corner is that of its `from` cell (the columns' widths and the rows'
 * heights before it), its size that of its cells at the default row height. A fixed size: a row
 * beside it that grows with wrapped text does not stretch it.
 */
export function chartBox(sheet: Pick<SheetPlan, "blocks" | "columns" | "rowHeights">, chart: ChartPlan): ChartBox {
  const width = columnWidths(sheet);
  const height = rowHeightOf(sheet);
  const from = parseCell(chart.from);
  const to = parseCell(chart.to);
  let left = 0;
  for (let c = 1; c < from.col; c++) left += width(c);
  let across = 0;
  for (let c = from.col; c <= to.col; c++) across += width(c);
  let top = 0;
  for (let r = 1; r < from.row; r++) top += height(r);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    left: round(left),
    top: round(top),
    width: round(across),
    height: round((to.row - from.row + 1) * DEFAULT_ROW_HEIGHT),
  };
}

/** Space between two charts stacked in a column, in points. */
const CHART_GAP = 6;

/**
 * The charts with each one that would overlap the one above it in the same column moved down to
 * the first row that starts below it (rows sized to wrapped text are taller than the default).
 */
export function stackCharts(sheet: Pick<SheetPlan, "blocks" | "columns" | "rowHeights" | "charts">): ChartPlan[] {
  const height = rowHeightOf(sheet);
  const out: ChartPlan[] = [];
  for (const chart of sheet.charts) {
    let from = parseCell(chart.from);
    const to = parseCell(chart.to);
    const above = out.filter((c) => parseCell(c.from).col === from.col);
    const prev = above[above.length - 1];
    if (prev) {
      const b = chartBox(sheet, prev);
      let top = 0;
      let row = 1;
      for (; top < b.top + b.height + CHART_GAP; row++) top += height(row);
      if (row > from.row) from = { ...from, row };
    }
    const moved = from.row - parseCell(chart.from).row;
    out.push({ ...chart, from: cellAddress(from.row, from.col), to: cellAddress(to.row + moved, to.col) });
  }
  return out;
}

/** The cells a sheet writes and its charts cover, from A1. */
export function sheetExtent(sheet: Pick<SheetPlan, "blocks" | "charts">): Box {
  let right = 1;
  let bottom = 1;
  for (const b of sheet.blocks) {
    const box = blockBox(b);
    right = Math.max(right, box.right);
    bottom = Math.max(bottom, box.bottom);
  }
  for (const c of sheet.charts) {
    const box = parseBox(`${c.from}:${c.to}`);
    right = Math.max(right, box.right);
    bottom = Math.max(bottom, box.bottom);
  }
  return { top: 1, left: 1, bottom, right };
}

/**
 * How a sheet prints: landscape, one page wide, everything it writes and its charts, its header
 * row (the last frozen one) repeated on every page, and a footer naming the sheet and the page.
 */
export function pageSetup(sheet: Pick<SheetPlan, "blocks" | "charts" | "freezeRows">, lang: Lang): PagePlan {
  return {
    orientation: "landscape",
    fitToWidth: 1,
    printArea: boxAddress(sheetExtent(sheet)),
    ...(sheet.freezeRows > 0 ? { titleRows: `${sheet.freezeRows}:${sheet.freezeRows}` } : {}),
    footer: t("sheet.footer", lang),
    margins: PAGE_MARGINS,
  };
}

/** Narrow margins (Excel's "Narrow", in inches): more of a wide sheet on each page. */
export const PAGE_MARGINS = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;

/** A sheet as the adapters write it: in its language's font, merged rows sized, set up to print. */
export function laidOut(sheet: SheetPlan, lang: Lang): SheetPlan {
  const sized = { ...sheet, font: sheet.font ?? FONTS[lang], rowHeights: sheet.rowHeights ?? rowHeights(sheet) };
  const placed = { ...sized, charts: stackCharts(sized) };
  return { ...placed, page: sheet.page ?? pageSetup(placed, lang) };
}
