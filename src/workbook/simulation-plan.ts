/**
 * The simulation sheet of a case ("NVIDIA simulation"): what a run gave, as values, so that it reads
 * the same for everyone with or without the add-in — the run (case, output, seed, trials, threshold,
 * time), the summary (the Base scenario's figure, mean, standard deviation, P5, P50, P95, the
 * probability the loss exceeds the threshold), how each driver was drawn, and a histogram with its
 * chart. The add-in's sheet (a record in the sense of decide.ts): running again rewrites it, and a
 * sheet the user changed is kept in a copy. The same run gives the same sheet but for its time.
 */
import { Lang, StringId, t } from "../i18n/strings";
import { type Distribution, type DistributionKind, type DriverId, driverSpec } from "../model";
import type { SimulationSummary } from "../model/simulation";
import { cleanSheetName } from "./address";
import { driverLabel } from "./case-plan";
import { riskOutputLabel } from "./case-tornado";
import type { CellBlock, PlanCell, WorkbookPlan } from "./types";

/** One run of a case's simulation, as the sheet reports it. */
export interface SimulationRun {
  /** the case's key (its sheet's plan key is case_<key>) */
  readonly caseKey: string;
  readonly company: string;
  /** the case sheet's tab name */
  readonly caseSheet: string;
  readonly summary: SimulationSummary;
  /** the unit of money as the case sheet shows it ("USD bn") */
  readonly moneyUnit: string;
  readonly at: Date;
}

export const simulationSheetKey = (caseKey: string): string => `sim_${caseKey}`;

const DISTRIBUTION_NAME = {
  triangular: "sim.dist.triangular",
  uniform: "sim.dist.uniform",
  normal: "sim.dist.normal",
  fixed: "sim.dist.fixed",
} as const satisfies Record<DistributionKind, StringId>;

const MONEY = "#,##0.00";
const SHARE = "0.0%";
const TEXT = "@";
/** The chart and the histogram's share of trials; percent formats for shares, money for the rest. */
const driverFormat = (id: DriverId) => (driverSpec(id).kind === "share" ? SHARE : MONEY);

/** "2025-06-01 14:03 UTC": the time of a run, the same in every time zone. */
export const runTime = (at: Date): string => `${at.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** What a driver was drawn from, as a row: distribution, low, mode or mean, high, sd. */
function distributionRow(d: Distribution | undefined, lang: Lang): PlanCell[] {
  if (!d) return [t("sim.dist.empty", lang), null, null, null, null];
  switch (d.kind) {
    case "fixed":
      return [t(DISTRIBUTION_NAME.fixed, lang), null, d.value, null, null];
    case "uniform":
      return [t(DISTRIBUTION_NAME.uniform, lang), d.low, null, d.high, null];
    case "triangular":
      return [t(DISTRIBUTION_NAME.triangular, lang), d.low, d.mode, d.high, null];
    case "normal":
      return [t(DISTRIBUTION_NAME.normal, lang), d.min, d.mean, d.max === Infinity ? null : d.max, d.sd];
  }
}

/** The simulation sheet of one run, in a language. */
export function simulationPlan(run: SimulationRun, lang: Lang): WorkbookPlan {
  const s = run.summary;
  const output = riskOutputLabel(s.output, lang);
  const unit = s.output === "eps_at_risk" ? t("sim.unit.per_share", lang, { money: run.moneyUnit }) : run.moneyUnit;
  const blocks: CellBlock[] = [
    { address: "A1", cells: [[t("sim.title", lang, { company: run.company, output })]], style: "title" },
    { address: "A2", cells: [[t("sim.subtitle", lang, { case: run.caseSheet })]], style: "subtitle" },
    { address: "A3", cells: [[t("sim.note", lang)]], style: "note" },
    {
      address: "A5",
      cells: [[t("case.col.item", lang), t("sheet.col.value", lang), t("sheet.col.unit", lang)]],
      style: "header",
    },
    {
      address: "A6",
      cells: [
        [t("sim.row.case", lang), run.caseSheet, null],
        [t("sim.row.output", lang), output, unit],
        [t("sim.row.seed", lang), s.seed, null],
        [t("sim.row.trials", lang), s.trials, null],
        [t("sim.row.threshold", lang), s.threshold, unit],
        [t("sim.row.time", lang), runTime(run.at), null],
      ],
      numberFormat: [
        [TEXT, TEXT, TEXT],
        [TEXT, TEXT, TEXT],
        [TEXT, "0", TEXT],
        [TEXT, "#,##0", TEXT],
        [TEXT, MONEY, TEXT],
        [TEXT, TEXT, TEXT],
      ],
      style: "text",
    },
  ];

  const stats = 13;
  const rows: [StringId, number, string][] = [
    ["sim.stat.base", s.base, MONEY],
    ["sim.stat.mean", s.mean, MONEY],
    ["sim.stat.sd", s.sd, MONEY],
    ["sim.stat.p5", s.p5, MONEY],
    ["sim.stat.p50", s.p50, MONEY],
    ["sim.stat.p95", s.p95, MONEY],
    ["sim.stat.above", s.probabilityAbove, SHARE],
  ];
  blocks.push(
    {
      address: `A${stats}`,
      cells: [[t("sim.col.statistic", lang), t("sheet.col.value", lang), t("sheet.col.unit", lang)]],
      style: "header",
    },
    {
      address: `A${stats + 1}`,
      cells: rows.map(([label, value, format]) => [t(label, lang), value, format === SHARE ? "%" : unit]),
      numberFormat: rows.map(([, , format]) => [TEXT, format, TEXT]),
      style: "text",
    },
  );

  const draws = stats + rows.length + 2;
  blocks.push(
    {
      address: `A${draws}`,
      cells: [
        [
          t("case.col.driver", lang),
          t("sim.col.distribution", lang),
          t("case.col.low", lang),
          t("sim.col.centre", lang),
          t("case.col.high", lang),
          t("sim.col.sd", lang),
        ],
      ],
      style: "header",
    },
    {
      address: `A${draws + 1}`,
      cells: s.drivers.map((d) => [driverLabel(d.driver, lang), ...distributionRow(d.distribution, lang)]),
      numberFormat: s.drivers.map((d) => {
        const f = driverFormat(d.driver);
        return [TEXT, TEXT, f, f, f, f];
      }),
      style: "text",
    },
  );

  const histogram = draws + s.drivers.length + 2;
  const bins = s.histogram;
  blocks.push(
    {
      address: `A${histogram}`,
      cells: [
        [
          t("sim.histogram", lang),
          t("sim.col.trials", lang),
          t("sim.col.share", lang),
          t("sim.col.from", lang),
          t("sim.col.to", lang),
        ],
      ],
      style: "header",
    },
    {
      address: `A${histogram + 1}`,
      cells: bins.map((b) => [`${b.from.toFixed(2)}–${b.to.toFixed(2)}`, b.count, b.count / s.trials, b.from, b.to]),
      numberFormat: bins.map(() => [TEXT, "#,##0", SHARE, MONEY, MONEY]),
      style: "text",
    },
  );

  const key = simulationSheetKey(run.caseKey);
  return {
    sheets: [
      {
        key,
        name: cleanSheetName(t("sim.sheet_name", lang, { company: run.company })),
        tabColor: "#7030A0",
        blocks,
        columns: [
          { column: "A", width: 44 },
          { column: "B", width: 22 },
          { column: "C", width: 16 },
          { column: "D", width: 16 },
          { column: "E", width: 16 },
          { column: "F", width: 18 },
        ],
        tables: [],
        charts: [
          {
            kind: "ColumnClustered",
            title: t("sim.chart", lang, { output, unit }),
            source: `A${histogram}:B${histogram + bins.length}`,
            from: "H5",
            to: `O${stats + rows.length + 12}`,
          },
        ],
        freezeRows: 0,
      },
    ],
    names: [],
  };
}
