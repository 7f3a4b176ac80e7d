/**
 * Charts in the .xlsx file. exceljs writes no charts, so once it has written the workbook this adds
 * the parts a chart is made of to the package (the zip, through JSZip, which exceljs itself uses;
 * xlsx-package.ts opens and closes it):
 * for each sheet with charts a drawing (xl/drawings/drawingN.xml, each chart at its cell, at the
 * size layout.ts gives it), the charts (xl/charts/chartN.xml: DrawingML over the chart's data block, with
 * the values stored as the chart's cache so a viewer that never recalculates draws them), their
 * relationships, the sheet's <drawing> element and the content types. Excel and LibreOffice draw
 * them; tests/libreoffice finds them in LibreOffice's PDF export.
 */
import type JSZip from "jszip";
import { absoluteCell, cellAddress, parseBox, parseCell, quoteSheetName } from "./address";
import { chartBox, type ChartBox } from "./layout";
import { DEFAULT_FONT } from "./styles";
import type { ChartKind, ChartPlan, PlanCell, SheetPlan } from "./types";

/** A sheet as exceljs wrote it: its part number (xl/worksheets/sheetN.xml), tab name and plan. */
export interface WrittenSheet {
  readonly id: number;
  readonly name: string;
  readonly plan: SheetPlan;
}

const NS = {
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
};
const REL = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};
const CONTENT = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Series and slice colours, in order: the sheets' navy first. */
export const CHART_COLORS = ["1F3864", "C55A11", "A5A5A5", "2E75B6", "BF9000", "70AD47"];

/** Points to EMU, DrawingML's unit. */
const emu = (pt: number) => Math.round(pt * 12700);

/** Text for an element or a double-quoted attribute. */
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** What a chart draws, read from its data block on the sheet's plan. */
interface ChartData {
  readonly seriesNames: readonly { readonly ref: string; readonly text: string }[];
  readonly categories: { readonly ref: string; readonly texts: readonly string[] };
  readonly values: readonly {
    readonly ref: string;
    readonly numbers: readonly (number | null)[];
    readonly format: string;
  }[];
}

/** Every cell a sheet's blocks write, with its number format, by A1 address. */
function planCells(sheet: SheetPlan): Map<string, { cell: PlanCell; format?: string }> {
  const out = new Map<string, { cell: PlanCell; format?: string }>();
  for (const b of sheet.blocks) {
    const o = parseCell(b.address);
    b.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const f = b.numberFormat;
        const format = f === undefined ? undefined : typeof f === "string" ? f : f[r]?.[c];
        out.set(cellAddress(o.row + r, o.col + c), { cell, format });
      }),
    );
  }
  return out;
}

/** What a cell shows: its constant or a formula's stored result. */
const shown = (cell: PlanCell | undefined): string | number | boolean | null =>
  cell === undefined || cell === null ? null : typeof cell === "object" ? (cell.result ?? null) : cell;

function chartData(sheet: SheetPlan, sheetName: string, chart: ChartPlan): ChartData {
  const box = parseBox(chart.source);
  if (box.right <= box.left || box.bottom <= box.top) {
    throw new Error(
      `chart "${chart.title}": its data ${chart.source} needs a header row, a category column and a series`,
    );
  }
  const cells = planCells(sheet);
  const at = (row: number, col: number) => cells.get(cellAddress(row, col));
  const ref = (top: number, left: number, bottom: number, right: number) =>
    `${quoteSheetName(sheetName)}!${absoluteCell(cellAddress(top, left))}` +
    (top === bottom && left === right ? "" : `:${absoluteCell(cellAddress(bottom, right))}`);
  const series: number[] = [];
  for (let c = box.left + 1; c <= box.right; c++) series.push(c);
  const rows: number[] = [];
  for (let r = box.top + 1; r <= box.bottom; r++) rows.push(r);
  return {
    seriesNames: series.map((c) => ({
      ref: ref(box.top, c, box.top, c),
      text: String(shown(at(box.top, c)?.cell) ?? ""),
    })),
    categories: {
      ref: ref(box.top + 1, box.left, box.bottom, box.left),
      texts: rows.map((r) => String(shown(at(r, box.left)?.cell) ?? "")),
    },
    values: series.map((c) => ({
      ref: ref(box.top + 1, c, box.bottom, c),
      numbers: rows.map((r) => {
        const v = shown(at(r, c)?.cell);
        return typeof v === "number" && Number.isFinite(v) ? v : null;
      }),
      format: at(box.top + 1, c)?.format ?? "General",
    })),
  };
}

// ── DrawingML ───────────────────────────────────────────────────────────────────────────────

const textProps = (font: string, size: number, bold = false) =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}">` +
  `<a:solidFill><a:srgbClr val="404040"/></a:solidFill>` +
  `<a:latin typeface="${esc(font)}"/><a:ea typeface="${esc(font)}"/><a:cs typeface="${esc(font)}"/>` +
  `</a:defRPr></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;

const fill = (color: string) => `<c:spPr><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></c:spPr>`;

const strCache = (texts: readonly string[]) =>
  `<c:strCache><c:ptCount val="${texts.length}"/>` +
  texts.map((s, i) => `<c:pt idx="${i}"><c:v>${esc(s)}</c:v></c:pt>`).join("") +
  `</c:strCache>`;

const numCache = (numbers: readonly (number | null)[], format: string) =>
  `<c:numCache><c:formatCode>${esc(format)}</c:formatCode><c:ptCount val="${numbers.length}"/>` +
  numbers.map((n, i) => (n === null ? "" : `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>`)).join("") +
  `</c:numCache>`;

/** Data labels showing each value in its cell's format. */
const labels = (format: string, position: string | undefined, font: string) =>
  `<c:dLbls><c:numFmt formatCode="${esc(format)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>` +
  textProps(font, 9) +
  (position ? `<c:dLblPos val="${position}"/>` : "") +
  `<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/>` +
  `<c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`;

function seriesXml(kind: ChartKind, data: ChartData, i: number, font: string): string {
  const name = data.seriesNames[i];
  const values = data.values[i];
  const color = CHART_COLORS[i % CHART_COLORS.length];
  const head =
    `<c:idx val="${i}"/><c:order val="${i}"/>` +
    `<c:tx><c:strRef><c:f>${esc(name.ref)}</c:f>${strCache([name.text])}</c:strRef></c:tx>`;
  const cat = `<c:cat><c:strRef><c:f>${esc(data.categories.ref)}</c:f>${strCache(data.categories.texts)}</c:strRef></c:cat>`;
  const val = `<c:val><c:numRef><c:f>${esc(values.ref)}</c:f>${numCache(values.numbers, values.format)}</c:numRef></c:val>`;
  switch (kind) {
    case "Pie":
      return (
        `<c:ser>${head}` +
        data.categories.texts
          .map(
            (_, k) =>
              `<c:dPt><c:idx val="${k}"/><c:bubble3D val="0"/>${fill(CHART_COLORS[k % CHART_COLORS.length])}</c:dPt>`,
          )
          .join("") +
        `${labels(values.format, "bestFit", font)}${cat}${val}</c:ser>`
      );
    case "Line":
    case "LineMarkers":
      return (
        `<c:ser>${head}<c:spPr><a:ln w="28575"><a:solidFill><a:srgbClr val="${color}"/></a:solidFill></a:ln></c:spPr>` +
        (kind === "LineMarkers"
          ? `<c:marker><c:symbol val="circle"/><c:size val="6"/>${fill(color)}</c:marker>`
          : `<c:marker><c:symbol val="none"/></c:marker>`) +
        `${labels(values.format, "t", font)}${cat}${val}<c:smooth val="0"/></c:ser>`
      );
    default:
      return (
        `<c:ser>${head}${fill(color)}<c:invertIfNegative val="0"/>` +
        `${labels(values.format, kind === "ColumnStacked100" ? "ctr" : "outEnd", font)}${cat}${val}</c:ser>`
      );
  }
}

const CAT_AX = 500100;
const VAL_AX = 500200;

function axesXml(data: ChartData, kind: ChartKind, font: string): string {
  const valFormat = kind === "ColumnStacked100" ? "0%" : (data.values[0]?.format ?? "General");
  const horizontal = kind === "BarClustered";
  return (
    `<c:catAx><c:axId val="${CAT_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "l" : "b"}"/><c:numFmt formatCode="General" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    textProps(font, 9) +
    `<c:crossAx val="${VAL_AX}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    `<c:valAx><c:axId val="${VAL_AX}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${horizontal ? "b" : "l"}"/>` +
    `<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>` +
    `<c:numFmt formatCode="${esc(valFormat)}" sourceLinked="0"/>` +
    `<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    textProps(font, 9) +
    `<c:crossAx val="${CAT_AX}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

function plotXml(kind: ChartKind, data: ChartData, font: string): string {
  const series = data.values.map((_, i) => seriesXml(kind, data, i, font)).join("");
  const axIds = `<c:axId val="${CAT_AX}"/><c:axId val="${VAL_AX}"/>`;
  switch (kind) {
    case "Pie":
      return `<c:pieChart><c:varyColors val="1"/>${series}<c:firstSliceAng val="0"/></c:pieChart>`;
    case "Line":
    case "LineMarkers":
      return (
        `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${series}<c:marker val="1"/>${axIds}</c:lineChart>` +
        axesXml(data, kind, font)
      );
    default: {
      const stacked = kind === "ColumnStacked100";
      return (
        `<c:barChart><c:barDir val="${kind === "BarClustered" ? "bar" : "col"}"/>` +
        `<c:grouping val="${stacked ? "percentStacked" : "clustered"}"/><c:varyColors val="0"/>${series}` +
        `<c:gapWidth val="${stacked ? 60 : 80}"/>${stacked ? '<c:overlap val="100"/>' : ""}${axIds}</c:barChart>` +
        axesXml(data, kind, font)
      );
    }
  }
}

/** A chart part: its title, plot, legend (when there is more than one series or slice) and font. */
export function chartXml(chart: ChartPlan, data: ChartData, font: string): string {
  const legend = chart.kind === "Pie" || data.values.length > 1;
  return (
    XML_HEAD +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1100" b="1"/></a:pPr>` +
    `<a:r><a:rPr lang="en-US" sz="1100" b="1"><a:solidFill><a:srgbClr val="1F3864"/></a:solidFill>` +
    `<a:latin typeface="${esc(font)}"/><a:ea typeface="${esc(font)}"/></a:rPr><a:t>${esc(chart.title)}</a:t></a:r></a:p>` +
    `</c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plotXml(chart.kind, data, font)}</c:plotArea>` +
    (legend ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${textProps(font, 9)}</c:legend>` : "") +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="6350"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>` +
    textProps(font, 10) +
    `</c:chartSpace>`
  );
}

/**
 * A drawing: each chart anchored at the top-left corner of its `from` cell, at its fixed size (a
 * one-cell anchor: it moves with its cell, never stretches), by relationship id (rId1 … in order).
 */
export function drawingXml(frames: readonly { name: string; from: string; box: ChartBox }[]): string {
  return (
    XML_HEAD +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">` +
    frames
      .map((f, i) => {
        const at = parseCell(f.from);
        return (
          `<xdr:oneCellAnchor><xdr:from><xdr:col>${at.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff>` +
          `<xdr:row>${at.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
          `<xdr:ext cx="${emu(f.box.width)}" cy="${emu(f.box.height)}"/>` +
          `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="${esc(f.name)}"/>` +
          `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
          `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
          `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="rId${i + 1}"/>` +
          `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor>`
        );
      })
      .join("") +
    `</xdr:wsDr>`
  );
}

const relationships = (rels: readonly { id: string; type: string; target: string }[]) =>
  XML_HEAD +
  `<Relationships xmlns="${NS.rels}">` +
  rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join("") +
  `</Relationships>`;

/** Elements a worksheet may hold after <drawing>, in schema order: <drawing> goes before the first. */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

function withDrawingElement(sheetXml: string, relId: string): string {
  if (sheetXml.includes("<drawing ")) throw new Error("the worksheet already has a drawing");
  const element = `<drawing r:id="${relId}"/>`;
  for (const tag of AFTER_DRAWING) {
    const at = sheetXml.indexOf(`<${tag}`);
    if (at >= 0) return sheetXml.slice(0, at) + element + sheetXml.slice(at);
  }
  const end = sheetXml.lastIndexOf("</worksheet>");
  if (end < 0) throw new Error("the worksheet part has no </worksheet>");
  return sheetXml.slice(0, end) + element + sheetXml.slice(end);
}

/** The Relationship elements of a rels part, as id → target, to pick an unused id. */
const relIds = (xml: string) => new Set([...xml.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));

/**
 * Adds the charts of `sheets` to a loaded package: their parts, relationships, the sheets'
 * <drawing> elements and content types. Throws on a package that is not as exceljs writes it (so a
 * silent file without charts is never the result).
 */
export async function addChartParts(zip: JSZip, sheets: readonly WrittenSheet[], date: Date): Promise<void> {
  const withCharts = sheets.filter((s) => s.plan.charts.length > 0);
  if (withCharts.length === 0) return;
  if (Object.keys(zip.files).some((f) => f.startsWith("xl/drawings/") || f.startsWith("xl/charts/"))) {
    throw new Error("the workbook already has drawings or charts");
  }
  const text = async (path: string) => {
    const file = zip.file(path);
    if (!file) throw new Error(`the written workbook lacks ${path}`);
    return file.async("string");
  };
  const put = (path: string, content: string) => zip.file(path, content, { date });
  const overrides: string[] = [];
  let chartNo = 0;
  for (const [d, sheet] of withCharts.entries()) {
    const drawingNo = d + 1;
    const font = sheet.plan.font ?? DEFAULT_FONT;
    const frames = sheet.plan.charts.map((chart, i) => {
      chartNo++;
      put(`xl/charts/chart${chartNo}.xml`, chartXml(chart, chartData(sheet.plan, sheet.name, chart), font));
      overrides.push(`<Override PartName="/xl/charts/chart${chartNo}.xml" ContentType="${CONTENT.chart}"/>`);
      return {
        name: `${sheet.plan.key}.${i + 1}`,
        from: chart.from,
        box: chartBox(sheet.plan, chart),
        target: `../charts/chart${chartNo}.xml`,
      };
    });
    put(`xl/drawings/drawing${drawingNo}.xml`, drawingXml(frames));
    put(
      `xl/drawings/_rels/drawing${drawingNo}.xml.rels`,
      relationships(frames.map((f, i) => ({ id: `rId${i + 1}`, type: REL.chart, target: f.target }))),
    );
    overrides.push(`<Override PartName="/xl/drawings/drawing${drawingNo}.xml" ContentType="${CONTENT.drawing}"/>`);

    const sheetPath = `xl/worksheets/sheet${sheet.id}.xml`;
    const relsPath = `xl/worksheets/_rels/sheet${sheet.id}.xml.rels`;
    const rels = zip.file(relsPath) ? await text(relsPath) : relationships([]);
    const taken = relIds(rels);
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const relId = `rId${n}`;
    const rel = `<Relationship Id="${relId}" Type="${REL.drawing}" Target="../drawings/drawing${drawingNo}.xml"/>`;
    put(relsPath, rels.replace("</Relationships>", `${rel}</Relationships>`));
    put(sheetPath, withDrawingElement(await text(sheetPath), relId));
  }
  const types = await text("[Content_Types].xml");
  if (!types.includes("</Types>")) throw new Error("[Content_Types].xml is malformed");
  put("[Content_Types].xml", types.replace("</Types>", `${overrides.join("")}</Types>`));
}
