/**
 * How one sheet of the plan is queued onto a worksheet by the Office.js adapter (office.ts), beside
 * its cells: the blocks' styles in the sheet's font, its geometry (wrapping, merged rows, row
 * heights), its charts at their boxes, and its page setup. Queued only: office.ts syncs.
 */
import { boxAddress, columnNumber, parseBox } from "./address";
import { blockBox, chartBox } from "./layout";
import { BASE_SIZE, STYLES } from "./styles";
import type { CellBlock, ChartPlan, PagePlan, SheetPlan } from "./types";

/** A block's style, in the sheet's font, top-aligned (rows that wrap read from the top). */
export function queueStyle(range: Excel.Range, block: CellBlock, fontName: string): void {
  const s = block.style ? STYLES[block.style] : {};
  const font = range.format.font;
  font.name = fontName;
  font.size = s.size ?? BASE_SIZE;
  if (s.bold !== undefined) font.bold = s.bold;
  if (s.italic !== undefined) font.italic = s.italic;
  if (s.color !== undefined) font.color = s.color;
  if (s.fill !== undefined) range.format.fill.color = s.fill;
  if (s.wrap !== undefined || block.span || block.wrap) range.format.wrapText = !!(s.wrap || block.span || block.wrap);
  range.format.verticalAlignment = "Top";
}

/**
 * The sheet's geometry, after its blocks: wrapping in the columns that wrap (within the blocks, so a
 * case's user cells keep theirs), merged rows, and the row heights the plan sets for its texts.
 */
export function queueLayout(sheet: Excel.Worksheet, p: SheetPlan): void {
  const wrapColumns = p.columns.filter((c) => c.wrap).map((c) => columnNumber(c.column));
  for (const block of p.blocks) {
    const box = blockBox(block);
    for (const col of wrapColumns) {
      if (col < box.left || col > box.right || block.span) continue;
      sheet.getRange(boxAddress({ ...box, left: col, right: col })).format.wrapText = true;
    }
    if (block.span) {
      // a case sheet is not cleared when refreshed: its merged rows of last time go first
      const rows = sheet.getRange(boxAddress(box));
      rows.unmerge();
      rows.merge(true);
    }
  }
  // one call per run of consecutive rows of one height
  const heights = p.rowHeights ?? [];
  for (let i = 0; i < heights.length;) {
    let j = i;
    while (
      j + 1 < heights.length &&
      heights[j + 1].row === heights[j].row + 1 &&
      heights[j + 1].height === heights[i].height
    )
      j++;
    sheet.getRange(`${heights[i].row}:${heights[j].row}`).format.rowHeight = heights[i].height;
    i = j + 1;
  }
}

/** A chart at its fixed box (see layout.ts), its legend only where there is more than one series or a slice. */
export function queueChart(sheet: Excel.Worksheet, p: SheetPlan, c: ChartPlan, name: string): void {
  const chart = sheet.charts.add(c.kind, sheet.getRange(c.source), "Columns");
  chart.name = name;
  chart.title.text = c.title;
  const box = chartBox(p, c);
  chart.left = box.left;
  chart.top = box.top;
  chart.width = box.width;
  chart.height = box.height;
  const columns = parseBox(c.source);
  chart.legend.visible = c.kind === "Pie" || columns.right - columns.left > 1;
  chart.legend.position = "Bottom";
  chart.dataLabels.showValue = true;
}

/** How the sheet prints: landscape, one page wide, its print area, the header row on each page, a footer. */
export function queuePage(sheet: Excel.Worksheet, page: PagePlan): void {
  const layout = sheet.pageLayout;
  layout.orientation = page.orientation === "landscape" ? "Landscape" : "Portrait";
  layout.zoom = { horizontalFitToPages: page.fitToWidth, verticalFitToPages: 0 };
  layout.setPrintArea(page.printArea);
  if (page.titleRows) {
    const [first, last] = page.titleRows.split(":");
    layout.setPrintTitleRows(`$${first}:$${last}`);
  }
  layout.headersFooters.defaultForAllPages.centerFooter = page.footer;
  const pt = (inches: number) => Math.round(inches * 72 * 100) / 100;
  layout.leftMargin = pt(page.margins.left);
  layout.rightMargin = pt(page.margins.right);
  layout.topMargin = pt(page.margins.top);
  layout.bottomMargin = pt(page.margins.bottom);
  layout.headerMargin = pt(page.margins.header);
  layout.footerMargin = pt(page.margins.footer);
}
