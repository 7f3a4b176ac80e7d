/**
 * The tornado of a case sheet, as native formulas (src/model/risk.ts rendered): the output picked
 * in an input cell; each driver at its low and at its high (the case's columns D and E, or ±20% of
 * the value the Base scenario uses), every other driver at the Base scenario's values; the swing;
 * the drivers sorted by swing with formulas LibreOffice 7.4 and any Excel compute (a rank by
 * SUMPRODUCT with the case's order breaking ties, then INDEX/MATCH, no dynamic arrays); and the
 * data of a bar chart beside it, largest swing at the top. Every formula cell carries the result
 * the model computes. The section knows the case sheet only through TornadoContext.
 *
 * Columns: A–F the tables a reader reads; K–V the working (each output of the chain with the
 * driver at its low, then at its high, and the rank).
 */
import { Lang, StringId, t } from "../i18n/strings";
import {
  type Bounds,
  type DriverId,
  type MultipleType,
  NUMERIC_DRIVERS,
  type NumericDriverId,
  type OutputId,
  type OutputValue,
  RISK_CHAIN,
  RISK_OUTPUTS,
  type RiskOutputId,
  type TornadoRow,
  type UsedValues,
  HIGH_FACTOR,
  LOW_FACTOR,
  RANK_DECIMALS,
  domainOf,
  outputFormula,
  outputSpec,
  rankKey,
  tornado,
} from "../model";
import { columnLetters } from "./address";
import type { CellBlock, ChartPlan, ColumnWidth, PlanCell, ValidationPlan } from "./types";

/** How the sheet names the four outputs a tornado or a simulation measures (the picker's list). */
const RISK_OUTPUT_LABEL = {
  revenue_at_risk: "case.risk_output.revenue_at_risk",
  net_income_at_risk: "case.risk_output.net_income_at_risk",
  eps_at_risk: "case.risk_output.eps_at_risk",
  value_at_risk: "case.risk_output.value_at_risk",
} as const satisfies Record<RiskOutputId, StringId>;
export const riskOutputLabel = (id: RiskOutputId, lang: Lang): string => t(RISK_OUTPUT_LABEL[id], lang);

/** What the section needs of the case sheet around it. */
export interface TornadoContext {
  /** the row of its title; it ends at `bottom` */
  readonly top: number;
  readonly lang: Lang;
  /** the cell (absolute) of the value the Base scenario uses for a driver */
  readonly usedRef: (id: NumericDriverId) => string;
  /** the cells (absolute) of a driver's typed low and high */
  readonly lowRef: (id: NumericDriverId) => string;
  readonly highRef: (id: NumericDriverId) => string;
  readonly multipleTypeRef: string;
  /** the Base scenario's cell of an output */
  readonly baseOutput: (id: OutputId) => string;
  readonly driverLabel: (id: DriverId) => string;
  readonly outputLabel: (id: OutputId) => string;
  /** an Excel text literal */
  readonly text: (s: string) => string;
  /** the quoted text asking to fill a driver in */
  readonly fillIn: (id: DriverId) => string;
  /** an output's value as its cell shows it */
  readonly show: (v: OutputValue) => string | number;
  readonly driverFormat: (id: NumericDriverId) => string;
  /** the model's view of the same cells, for the results */
  readonly used: UsedValues;
  readonly type: MultipleType;
  readonly lows: Bounds;
  readonly highs: Bounds;
  readonly pick: RiskOutputId;
}

export interface TornadoSection {
  readonly blocks: CellBlock[];
  readonly validation: ValidationPlan;
  readonly chart: ChartPlan;
  /** the picker: the user's cell */
  readonly picker: string;
  readonly columns: ColumnWidth[];
  readonly bottom: number;
}

const MONEY = "#,##0.00";
const GENERAL = "General";
/** working columns: K the rank key, L the rank, then the chain at the low, then at the high */
const KEY = "K";
const RANK = "L";
const lowColumn = (i: number) => columnLetters(13 + i); // M…
const highColumn = (i: number) => columnLetters(13 + RISK_CHAIN.length + i); // R…
const abs = (col: string, row: number) => `$${col}$${row}`;

/** Where the section's parts stand, from the row of its title. */
export function tornadoLayout(top: number) {
  const n = NUMERIC_DRIVERS.length;
  const header = top + 5;
  const first = header + 1;
  const sortedHeader = first + n + 1;
  const chartHeader = sortedHeader + n + 2;
  return {
    /** the row of the section's title */
    top,
    /** the output picked: the user's cell */
    picker: `B${top + 2}`,
    pickerRow: top + 2,
    /** the output at the Base scenario's values */
    base: `B${top + 3}`,
    baseRow: top + 3,
    header,
    /** the drivers in the case's order, from `first` (NUMERIC_DRIVERS order) to `last` */
    first,
    last: first + n - 1,
    sortedHeader,
    /** rank 1 at `sortedFirst` */
    sortedFirst: sortedHeader + 1,
    chartHeader,
    chartFirst: chartHeader + 1,
    bottom: chartHeader + n,
  } as const;
}

/** The tornado section of a case sheet (see the top). */
export function tornadoSection(ctx: TornadoContext): TornadoSection {
  const { top, lang } = ctx;
  const {
    picker,
    pickerRow,
    baseRow,
    header,
    first,
    last,
    sortedHeader,
    sortedFirst,
    chartHeader,
    chartFirst,
    bottom,
  } = tornadoLayout(top);
  const pick = abs(KEY, pickerRow);
  const pickText = ctx.text(t("case.tornado.pick", lang, { cell: picker }));
  const model = tornado(ctx.used, ctx.type, ctx.pick, ctx.lows, ctx.highs);
  const show = (v: OutputValue) => ctx.show(v);

  /** The output picked, from the cells of the four outputs (in RISK_OUTPUTS order). */
  const picked = (cells: Record<RiskOutputId, string>) =>
    `IF(${pick}=0,${pickText},CHOOSE(${pick},${RISK_OUTPUTS.map((id) => cells[id]).join(",")}))`;
  // the picker's number: the label in the sheet's language, empty meaning the first
  const choice = RISK_OUTPUTS.reduceRight((rest, id, i) => {
    const is = `$B$${pickerRow}=${ctx.text(riskOutputLabel(id, lang))}`;
    return `IF(${i === 0 ? `OR(LEN($B$${pickerRow})=0,${is})` : is},${i + 1},${rest})`;
  }, "0");

  const blocks: CellBlock[] = [
    { address: `A${top}`, cells: [[t("case.tornado.title", lang)]], style: "subtitle" },
    // the note merged across the tornado's columns, A to F (the chart stands from H)
    { address: `A${top + 1}`, cells: [[t("case.tornado.note", lang, { cell: picker })]], style: "note", span: 6 },
    { address: `A${pickerRow}`, cells: [[t("case.tornado.output", lang)]], style: "text" },
    {
      address: picker,
      cells: [[riskOutputLabel(ctx.pick, lang)]],
      numberFormat: "@",
      style: "input",
    },
    {
      address: `A${baseRow}`,
      cells: [
        [
          t("case.tornado.base", lang),
          {
            formula: `=${picked(Object.fromEntries(RISK_OUTPUTS.map((id) => [id, ctx.baseOutput(id)])) as Record<RiskOutputId, string>)}`,
            result: show(model.base),
          },
        ],
      ],
      numberFormat: [["@", MONEY]],
      style: "formula",
    },
    { address: `${KEY}${top + 1}`, cells: [[t("case.tornado.working.pick", lang)]], style: "header" },
    {
      address: `${KEY}${pickerRow}`,
      cells: [[{ formula: `=${choice}`, result: RISK_OUTPUTS.indexOf(ctx.pick) + 1 }]],
      numberFormat: GENERAL,
      style: "formula",
    },
  ];

  // each driver in the case's order: low, high, the output at each, the swing; the working to the right
  blocks.push({
    address: `A${header}`,
    cells: [
      [
        t("case.col.driver", lang),
        t("case.col.low", lang),
        t("case.col.high", lang),
        t("case.tornado.col.at_low", lang),
        t("case.tornado.col.at_high", lang),
        t("case.tornado.col.swing", lang),
      ],
    ],
    style: "header",
  });
  blocks.push({
    address: `${KEY}${header}`,
    cells: [
      [
        t("case.tornado.working.key", lang),
        t("case.tornado.working.rank", lang),
        ...RISK_CHAIN.map((id) => t("case.tornado.working.low", lang, { output: ctx.outputLabel(id) })),
        ...RISK_CHAIN.map((id) => t("case.tornado.working.high", lang, { output: ctx.outputLabel(id) })),
      ],
    ],
    style: "header",
  });
  const rowOf = (i: number) => first + i;
  const driverCells: PlanCell[][] = [];
  const workingCells: PlanCell[][] = [];
  NUMERIC_DRIVERS.forEach((id, i) => {
    const r = rowOf(i);
    const m = model.rows[i];
    const used = ctx.usedRef(id);
    const max = domainOf(id)[1];
    const high = max === Infinity ? `${used}*${HIGH_FACTOR}` : `MIN(${max},${used}*${HIGH_FACTOR})`;
    const chainCells = (col: (k: number) => string, at: string) => {
      const refs = (x: DriverId | OutputId): string => {
        if (x === id) return at;
        if (x === "multiple_type") return ctx.multipleTypeRef;
        const k = RISK_CHAIN.indexOf(x as OutputId);
        return k >= 0 ? `${col(k)}${r}` : ctx.usedRef(x as NumericDriverId);
      };
      return RISK_CHAIN.map((o) => outputFormula(outputSpec(o), refs, ctx.fillIn));
    };
    const cellsOf = (col: (k: number) => string) =>
      Object.fromEntries(RISK_OUTPUTS.map((o) => [o, `${col(RISK_CHAIN.indexOf(o))}${r}`])) as Record<
        RiskOutputId,
        string
      >;
    driverCells.push([
      ctx.driverLabel(id),
      {
        formula: `=IF(ISNUMBER(${ctx.lowRef(id)}),${ctx.lowRef(id)},IF(ISNUMBER(${used}),${used}*${LOW_FACTOR},""))`,
        result: m.low ?? "",
      },
      {
        formula: `=IF(ISNUMBER(${ctx.highRef(id)}),${ctx.highRef(id)},IF(ISNUMBER(${used}),${high},""))`,
        result: m.high ?? "",
      },
      { formula: `=${picked(cellsOf(lowColumn))}`, result: show(m.outLow) },
      { formula: `=${picked(cellsOf(highColumn))}`, result: show(m.outHigh) },
      {
        formula: `=IF(ISNUMBER(D${r}),IF(ISNUMBER(E${r}),ABS(E${r}-D${r}),E${r}),D${r})`,
        result: show(m.swing),
      },
    ]);
    const ties = i === 0 ? "" : `+SUMPRODUCT(--(${abs(KEY, first)}:${KEY}${r - 1}=${KEY}${r}))`;
    workingCells.push([
      { formula: `=IF(ISNUMBER(F${r}),ROUND(F${r},${RANK_DECIMALS}),-1)`, result: rankKey(m.swing) },
      {
        formula: `=1+SUMPRODUCT(--(${abs(KEY, first)}:${abs(KEY, last)}>${KEY}${r}))${ties}`,
        result: m.rank,
      },
      ...chainCells(lowColumn, `B${r}`).map((f, k) => ({ formula: f, result: show(m.atLow[RISK_CHAIN[k]]) })),
      ...chainCells(highColumn, `C${r}`).map((f, k) => ({ formula: f, result: show(m.atHigh[RISK_CHAIN[k]]) })),
    ]);
  });
  blocks.push(
    {
      address: `A${first}`,
      cells: driverCells,
      numberFormat: NUMERIC_DRIVERS.map((id) => ["@", ctx.driverFormat(id), ctx.driverFormat(id), MONEY, MONEY, MONEY]),
      style: "formula",
    },
    {
      address: `${KEY}${first}`,
      cells: workingCells,
      numberFormat: NUMERIC_DRIVERS.map(() => [
        GENERAL,
        "0",
        ...RISK_CHAIN.map(() => MONEY),
        ...RISK_CHAIN.map(() => MONEY),
      ]),
      style: "formula",
    },
  );

  // sorted by rank; then the chart's data, smallest swing first (a bar chart draws its first category at the bottom)
  const byRank = (k: number, col: string) =>
    `INDEX(${abs(col, first)}:${abs(col, last)},MATCH(${k},${abs(RANK, first)}:${abs(RANK, last)},0))`;
  const sortedRow = (k: number) => sortedFirst + k - 1;
  const label = (r: TornadoRow) => ctx.driverLabel(r.driver);
  blocks.push(
    {
      address: `A${sortedHeader}`,
      cells: [
        [
          t("case.tornado.sorted", lang),
          t("case.tornado.col.at_low", lang),
          t("case.tornado.col.at_high", lang),
          t("case.tornado.col.swing", lang),
        ],
      ],
      style: "header",
    },
    {
      address: `A${sortedFirst}`,
      cells: model.sorted.map((r, i) => [
        { formula: `=${byRank(i + 1, "A")}`, result: label(r) },
        { formula: `=${byRank(i + 1, "D")}`, result: show(r.outLow) },
        { formula: `=${byRank(i + 1, "E")}`, result: show(r.outHigh) },
        { formula: `=${byRank(i + 1, "F")}`, result: show(r.swing) },
      ]),
      numberFormat: model.sorted.map(() => [GENERAL, MONEY, MONEY, MONEY]),
      style: "formula",
    },
  );
  const change = (v: OutputValue) => (typeof v === "number" && typeof model.base === "number" ? v - model.base : 0);
  const ascending = [...model.sorted].reverse();
  blocks.push(
    {
      address: `A${chartHeader}`,
      cells: [
        [t("case.tornado.chart_data", lang), t("case.tornado.series.low", lang), t("case.tornado.series.high", lang)],
      ],
      style: "header",
    },
    {
      address: `A${chartFirst}`,
      cells: ascending.map((r, j) => {
        const s = sortedRow(NUMERIC_DRIVERS.length - j);
        const delta = (col: string) =>
          `=IF(AND(ISNUMBER(${col}${s}),ISNUMBER(${abs("B", baseRow)})),${col}${s}-${abs("B", baseRow)},0)`;
        return [
          { formula: `=A${s}`, result: label(r) },
          { formula: delta("B"), result: change(r.outLow) },
          { formula: delta("C"), result: change(r.outHigh) },
        ];
      }),
      numberFormat: ascending.map(() => [GENERAL, MONEY, MONEY]),
      style: "formula",
    },
  );

  return {
    blocks,
    picker,
    validation: {
      range: picker,
      rule: { kind: "list", values: RISK_OUTPUTS.map((id) => riskOutputLabel(id, lang)) },
      title: t("case.tornado.output", lang),
      message: t("case.tornado.valid", lang),
    },
    chart: {
      kind: "BarClustered",
      title: t("case.tornado.chart", lang),
      source: `A${chartHeader}:C${bottom}`,
      from: `H${top}`,
      to: `I${sortedFirst + NUMERIC_DRIVERS.length - 1}`,
    },
    columns: [KEY, RANK, ...RISK_CHAIN.map((_, k) => lowColumn(k)), ...RISK_CHAIN.map((_, k) => highColumn(k))].map(
      (column) => ({ column, width: 18, hidden: true }),
    ),
    bottom,
  };
}
