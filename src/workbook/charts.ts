/**
 * The record's charts: which figures each charts and how, the data block each reads (formulas over
 * the figures' cells, with their values stored, so a picture follows an analyst's overwritten
 * inputs and a viewer that never recalculates draws it too) and where it sits: beside its table,
 * in the first screen with the pane open. Both adapters draw the plan's ChartPlans the same way.
 */
import { PERIODS, derivedById, factById, numberFormat, valueOf } from "../baseline";
import type { Unit } from "../baseline/types";
import { type Lang, type StringId, t } from "../i18n/strings";
import { cellAddress } from "./address";
import type { CellBlock, ChartKind, ChartPlan, PlanCell } from "./types";

/**
 * A point of a series: a figure by id; what is left of a whole (1 for 100 %, or a figure) once
 * other figures are taken out (the rest of a market, the other sources of a total); or no point.
 */
export type ChartPoint = string | { readonly whole: string | 1; readonly less: readonly string[] } | null;

/**
 * A chart of article figures. One series per line of points; the categories are the periods of the
 * first series' figures unless named. The type fits the figures: a series over years as columns or
 * a line, the shares of a whole as 100 % stacked columns or a pie.
 */
export interface ChartSpec {
  readonly title: StringId;
  readonly kind: ChartKind;
  readonly categories?: readonly StringId[];
  readonly series: readonly { readonly name: StringId; readonly points: readonly ChartPoint[] }[];
}

const rest = (whole: string | 1, ...less: string[]): ChartPoint => ({ whole, less });

export const CHART_SPECS: readonly ChartSpec[] = [
  {
    title: "sheet.chart.china_revenue",
    kind: "ColumnClustered",
    series: [{ name: "sheet.chart.series.china_revenue", points: ["china_revenue_2023", "china_revenue_2024"] }],
  },
  {
    title: "sheet.chart.china_share",
    kind: "Pie",
    categories: ["sheet.chart.category.china", "sheet.chart.category.rest_of_world"],
    series: [
      {
        name: "sheet.chart.series.share_2024",
        points: ["china_revenue_share_2024", rest(1, "china_revenue_share_2024")],
      },
    ],
  },
  {
    title: "sheet.chart.market_value",
    kind: "ColumnClustered",
    series: [
      { name: "sheet.chart.series.market_value", points: ["market_value_peak_2025", "market_value_after_fall"] },
    ],
  },
  {
    title: "sheet.chart.mindspore",
    kind: "LineMarkers",
    series: [
      {
        name: "sheet.chart.series.mindspore_cagr",
        points: [
          "mindspore_developers_2023",
          "mindspore_developers_2025",
          "mindspore_developers_2027_at_observed_cagr",
        ],
      },
      {
        name: "sheet.chart.series.mindspore_stated",
        points: [
          "mindspore_developers_2023",
          "mindspore_developers_2025_at_stated_growth",
          "mindspore_developers_2027_at_stated_growth",
        ],
      },
    ],
  },
  {
    title: "sheet.chart.paddlepaddle",
    kind: "ColumnStacked100",
    series: [
      { name: "sheet.chart.series.paddlepaddle", points: ["paddlepaddle_share_2022", "paddlepaddle_share_2025"] },
      {
        name: "sheet.chart.series.other_frameworks",
        points: [rest(1, "paddlepaddle_share_2022"), rest(1, "paddlepaddle_share_2025")],
      },
    ],
  },
  {
    title: "sheet.chart.itu",
    kind: "ColumnStacked100",
    series: [
      {
        name: "sheet.chart.category.china",
        points: ["itu_ai_standard_share_china_2020", "itu_ai_standard_share_china_2025"],
      },
      { name: "sheet.chart.series.us", points: ["itu_ai_standard_share_us_2020", "itu_ai_standard_share_us_2025"] },
      {
        name: "sheet.chart.series.others",
        points: [
          rest(1, "itu_ai_standard_share_china_2020", "itu_ai_standard_share_us_2020"),
          rest(1, "itu_ai_standard_share_china_2025", "itu_ai_standard_share_us_2025"),
        ],
      },
    ],
  },
  {
    title: "sheet.chart.us_equipment",
    kind: "ColumnClustered",
    series: [
      {
        name: "sheet.chart.series.us_equipment",
        points: ["us_equipment_exports_china_2021", "us_equipment_exports_china_2024"],
      },
    ],
  },
  {
    title: "sheet.chart.equipment_sources",
    kind: "Pie",
    categories: ["sheet.chart.category.us_exports", "sheet.chart.category.domestic", "sheet.chart.category.elsewhere"],
    series: [
      {
        name: "sheet.chart.series.purchases_2024",
        points: [
          "us_equipment_exports_china_2024",
          "domestic_equipment_purchases_2024",
          rest(
            "china_equipment_purchases_2024",
            "us_equipment_exports_china_2024",
            "domestic_equipment_purchases_2024",
          ),
        ],
      },
    ],
  },
];

/** The ids a point reads. */
export const pointIds = (p: ChartPoint): string[] =>
  p === null ? [] : typeof p === "string" ? [p] : [...(typeof p.whole === "string" ? [p.whole] : []), ...p.less];

/** The ids a chart reads, its first figure first. */
export const chartIds = (spec: ChartSpec): string[] => spec.series.flatMap((s) => s.points.flatMap(pointIds));

const figure = (id: string) => {
  const x = factById(id) ?? derivedById(id);
  if (!x) throw new Error(`a chart names "${id}", which is no figure of the baseline`);
  return x;
};

const number = (id: string): number => {
  const v = valueOf(id);
  if (typeof v !== "number") throw new Error(`a chart reads "${id}", which has no value`);
  return v;
};

/** Where the charts of a sheet sit: from this column, beside the table, stacked from its header row. */
export const CHART_COLUMN = 10; // J
/** A chart's size in default columns and rows (6 × 64 px by 11 × 20 px: 384 × 220 px). */
export const CHART_COLUMNS = 6;
export const CHART_ROWS = 11;

export interface ChartsOfSheet {
  readonly blocks: CellBlock[];
  readonly charts: ChartPlan[];
}

/**
 * The charts whose first figure sits on a sheet (and all of whose figures are placed): their data
 * blocks from row `dataRow` down in the first columns (a header row of title and series names, a
 * row per category, a blank row between charts), and the charts stacked beside the table from
 * `topRow`. `ref` answers the cell of a placed figure as seen from this sheet.
 */
export function chartsOfSheet(
  onSheet: (id: string) => boolean,
  placed: (id: string) => boolean,
  ref: (id: string) => string,
  lang: Lang,
  dataRow: number,
  topRow: number,
): ChartsOfSheet {
  const mine = CHART_SPECS.filter((c) => onSheet(chartIds(c)[0]) && chartIds(c).every(placed));
  const blocks: CellBlock[] = [];
  const charts: ChartPlan[] = [];
  let row = dataRow;
  mine.forEach((spec, i) => {
    const points = spec.series[0].points.length;
    const categories = spec.categories
      ? spec.categories.map((c) => t(c, lang))
      : spec.series[0].points.map((p) => (typeof p === "string" ? PERIODS[figure(p).period][lang] : ""));
    const unitOf = (p: ChartPoint): Unit | undefined => {
      const id = pointIds(p)[0];
      return id === undefined ? undefined : figure(id).unit;
    };
    const cell = (p: ChartPoint): PlanCell => {
      if (p === null) return null;
      if (typeof p === "string") return { formula: `=${ref(p)}`, result: number(p) };
      const whole = p.whole === 1 ? "1" : ref(p.whole);
      const value = (p.whole === 1 ? 1 : number(p.whole)) - p.less.reduce((s, id) => s + number(id), 0);
      return { formula: `=${whole}-${p.less.map(ref).join("-")}`, result: value };
    };
    const right = spec.series.length;
    blocks.push(
      {
        address: cellAddress(row, 1),
        cells: [[t(spec.title, lang), ...spec.series.map((s) => t(s.name, lang))]],
        style: "header",
      },
      {
        address: cellAddress(row + 1, 1),
        cells: categories.map((c, k) => [c, ...spec.series.map((s) => cell(s.points[k]))]),
        numberFormat: categories.map((_, k) => [
          "@",
          ...spec.series.map((s) => {
            const u = unitOf(s.points[k]);
            return u ? numberFormat(u, lang) : "General";
          }),
        ]),
        style: "formula",
      },
    );
    const top = topRow + i * (CHART_ROWS + 1);
    charts.push({
      kind: spec.kind,
      title: t(spec.title, lang),
      source: `${cellAddress(row, 1)}:${cellAddress(row + points, 1 + right)}`,
      from: cellAddress(top, CHART_COLUMN),
      to: cellAddress(top + CHART_ROWS - 1, CHART_COLUMN + CHART_COLUMNS - 1),
    });
    row += points + 2;
  });
  return { blocks, charts };
}
