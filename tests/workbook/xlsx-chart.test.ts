/**
 * The chart parts the file gets: one DrawingML plot per kind of chart, each over its data block.
 */
import { chartXml } from "../../src/workbook/xlsx-chart";
import type { ChartKind, ChartPlan } from "../../src/workbook/types";

const data = {
  seriesNames: [
    { ref: "'S'!$B$1", text: "China" },
    { ref: "'S'!$C$1", text: "US" },
  ],
  categories: { ref: "'S'!$A$2:$A$3", texts: ["2020", "2025"] },
  values: [
    { ref: "'S'!$B$2:$B$3", numbers: [0.15, 0.34], format: "0%" },
    { ref: "'S'!$C$2:$C$3", numbers: [0.45, null], format: "0%" },
  ],
};
const chart = (kind: ChartKind): ChartPlan => ({
  kind,
  title: "Shares & more",
  source: "A1:C3",
  from: "E1",
  to: "J10",
});

describe("a chart part", () => {
  it.each([
    ["ColumnClustered", '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>'],
    ["BarClustered", '<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/>'],
    ["ColumnStacked100", '<c:barChart><c:barDir val="col"/><c:grouping val="percentStacked"/>'],
    ["Line", '<c:lineChart><c:grouping val="standard"/>'],
    ["LineMarkers", '<c:lineChart><c:grouping val="standard"/>'],
    ["Pie", '<c:pieChart><c:varyColors val="1"/>'],
  ] as const)("draws %s as its plot", (kind, plot) => {
    const xml = chartXml(chart(kind), data, "Calibri");
    expect(xml).toContain(plot);
    expect(xml).toContain("<a:t>Shares &amp; more</a:t>");
    expect(xml).toContain('<a:latin typeface="Calibri"/>');
    // two series, each by reference with its values cached; a missing value is no point
    expect(xml.match(/<c:ser>/g)).toHaveLength(2);
    expect(xml).toContain(
      '<c:f>\'S\'!$C$2:$C$3</c:f><c:numCache><c:formatCode>0%</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>0.45</c:v></c:pt></c:numCache>',
    );
    // more than one series: a legend
    expect(xml).toContain('<c:legend><c:legendPos val="b"/>');
  });

  it("stacks 100 % columns on each other, with a percent axis", () => {
    const xml = chartXml(chart("ColumnStacked100"), data, "Calibri");
    expect(xml).toContain('<c:overlap val="100"/>');
    expect(xml).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/><c:majorTickMark');
  });

  it("marks the points of a LineMarkers chart and not those of a Line chart", () => {
    expect(chartXml(chart("LineMarkers"), data, "Calibri")).toContain('<c:symbol val="circle"/>');
    expect(chartXml(chart("Line"), data, "Calibri")).toContain('<c:symbol val="none"/>');
  });

  it("colours each slice of a pie, and has no axes", () => {
    const xml = chartXml(chart("Pie"), data, "Calibri");
    expect(xml.match(/<c:dPt>/g)).toHaveLength(2 * 2); // two categories, in each of the two series
    expect(xml).not.toContain("<c:catAx>");
  });
});
