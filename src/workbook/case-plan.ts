/**
 * A case as a sheet of the plan: the user's drivers (blue inputs, each with its unit, meaning,
 * source and validation), the scenarios (their probabilities and overrides, also inputs), and every
 * output as a native Excel formula over the driver cells, rendered from the declarations of
 * src/model/case.ts, each with the result the model computes for it. The sheet is the user's
 * (owner "case"): inserting again refreshes its formulas and labels and never writes its inputs.
 */
import {
  CASE_SCENARIOS,
  type CaseScenario,
  type Lang,
  NVIDIA_CASE,
  PERIODS,
  SCENARIOS,
  type Seed,
  UNITS,
  factById,
  derivedById,
  inLang,
  nvidiaDrivers,
  scenarioOverrides,
  seedValue,
} from "../baseline";
import {
  type Bounds,
  type CaseDrivers,
  DISTRIBUTION_KINDS,
  DRIVERS,
  type DistributionKind,
  type DriverId,
  type DriverKind,
  MULTIPLE_CHOICES,
  type NumericDriverId,
  OUTPUTS,
  type OutputId,
  type OutputValue,
  type RiskOutputId,
  SCENARIO_DRIVERS,
  type ScenarioDriverId,
  type ScenarioOverrides,
  driverSpec,
  evaluateScenario,
  expectation,
  expectationFormula,
  isMissing,
  outputFormula,
  usedDrivers,
  usedFormula,
} from "../model";
import { isExposureError } from "../model";
import { StringId, t } from "../i18n/strings";
import { absoluteCell, cleanSheetName, columnLetters } from "./address";
import { tornadoLayout, tornadoSection } from "./case-tornado";
import type { CellBlock, NamedCell, PlanCell, SheetPlan, ValidationPlan } from "./types";

/** A case to write: whose, in which currency, and whether the article seeds it. */
export interface CaseSpec {
  /** stable, [a-z0-9_]: the sheet's plan key is `case_<key>`, its names `case_<key>_<driver>` */
  readonly key: string;
  readonly company: string;
  /** ISO 4217 code, e.g. USD */
  readonly currency: string;
  readonly fiscalYearEnd: string;
  /** "article": NVIDIA, seeded from the article; "blank": every input empty but the scenarios' own */
  readonly seed: "article" | "blank";
}

/** The article's case, in a language. */
export function nvidiaCase(lang: Lang): CaseSpec {
  return {
    key: NVIDIA_CASE.key,
    company: NVIDIA_CASE.company[lang],
    currency: NVIDIA_CASE.currency,
    fiscalYearEnd: NVIDIA_CASE.fiscalYearEnd[lang],
    seed: "article",
  };
}

/** A key for a company: its letters and digits, lower case ("Advanced Micro Devices" → advanced_micro_devices). */
export function caseKey(company: string): string {
  const slug = company
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
  if (slug !== "") return /^[0-9]/.test(slug) ? `co_${slug}` : slug;
  // no Latin letters (华为): a short stable code from the name
  let h = 0;
  for (const ch of company) h = (Math.imul(h, 31) + ch.codePointAt(0)!) >>> 0;
  return `co_${h.toString(36)}`;
}

/** A blank case for a company the user names. */
export function blankCase(company: string, currency: string, fiscalYearEnd: string): CaseSpec {
  return {
    key: caseKey(company),
    company: company.trim(),
    currency: currency.trim().toUpperCase(),
    fiscalYearEnd,
    seed: "blank",
  };
}

export const caseSheetKey = (spec: Pick<CaseSpec, "key">): string => `case_${spec.key}`;
export const caseName = (spec: Pick<CaseSpec, "key">, driver: DriverId): string => `case_${spec.key}_${driver}`;

// ── layout ───────────────────────────────────────────────────────────────────────────────────

const HEADER = 5;
const FIRST_DRIVER = HEADER + 1;
const driverRow = (id: DriverId) => FIRST_DRIVER + DRIVERS.findIndex((d) => d.id === id);
const LAST_DRIVER = FIRST_DRIVER + DRIVERS.length - 1;
const SCENARIO_TITLE = LAST_DRIVER + 2;
const SCENARIO_HEADER = SCENARIO_TITLE + 1;
/** The scenario chart's height in default rows. */
const CASE_CHART_ROWS = 13;
const PROBABILITY_ROW = SCENARIO_HEADER + 1;
const OVERRIDE_ROW = PROBABILITY_ROW + 1;
const overrideRow = (id: ScenarioDriverId) => OVERRIDE_ROW + SCENARIO_DRIVERS.indexOf(id);
const USED_ROW = OVERRIDE_ROW + SCENARIO_DRIVERS.length;
const usedRow = (id: ScenarioDriverId) => USED_ROW + SCENARIO_DRIVERS.indexOf(id);
const OUTPUT_ROW = USED_ROW + SCENARIO_DRIVERS.length;
const outputRow = (id: OutputId) => OUTPUT_ROW + OUTPUTS.findIndex((o) => o.id === id);
const LAST_OUTPUT = OUTPUT_ROW + OUTPUTS.length - 1;
const DESCRIPTION_HEADER = LAST_OUTPUT + 2;
const CHART_DATA = DESCRIPTION_HEADER + CASE_SCENARIOS.length + 2;
const TORNADO = CHART_DATA + CASE_SCENARIOS.length + 2;

/** Columns: the driver label, then value, unit, low, high, distribution; the scenarios' columns are B onwards. */
const VALUE = "B";
const LOW = "D";
const HIGH = "E";
const DISTRIBUTION = "F";
const SOURCE = "H";
const MEANING = "I";
const scenarioColumn = (i: number) => columnLetters(2 + i);
const WEIGHTED = scenarioColumn(CASE_SCENARIOS.length);
/** The sheet's columns, A to I: the notes at the top merge across all of them. */
const SHEET_COLUMNS = 9;
/** What each scenario assumes merges across the scenario columns, B to the weighted one. */
const ASSUMES_SPAN = CASE_SCENARIOS.length + 1;
const at = (col: string, row: number) => `${col}${row}`;
const abs = (col: string, row: number) => absoluteCell(at(col, row));

/** Where things stand on a case sheet: a driver's value, a scenario's probability and override, an output. */
export const CASE_CELLS = {
  driver: (id: DriverId): string => at(VALUE, driverRow(id)),
  low: (id: DriverId): string => at(LOW, driverRow(id)),
  high: (id: DriverId): string => at(HIGH, driverRow(id)),
  distribution: (id: DriverId): string => at(DISTRIBUTION, driverRow(id)),
  /** the Base scenario's overrides, in SCENARIO_DRIVERS order */
  baseOverrides: (): string => `B${OVERRIDE_ROW}:B${USED_ROW - 1}`,
  probability: (scenario: number): string => at(scenarioColumn(scenario), PROBABILITY_ROW),
  probabilityCheck: (): string => at(WEIGHTED, PROBABILITY_ROW),
  override: (id: ScenarioDriverId, scenario: number): string => at(scenarioColumn(scenario), overrideRow(id)),
  output: (id: OutputId, scenario: number | "weighted"): string =>
    at(scenario === "weighted" ? WEIGHTED : scenarioColumn(scenario), outputRow(id)),
  /** the tornado's rows and cells (see case-tornado.ts) */
  tornado: tornadoLayout(TORNADO),
};

/**
 * The cells of a case the user owns: driver values, lows, highs and distributions, scenario
 * probabilities and overrides, the output the tornado measures.
 */
export function caseInputs(): string[] {
  const lastScenario = scenarioColumn(CASE_SCENARIOS.length - 1);
  return [
    `${VALUE}${FIRST_DRIVER}:${VALUE}${LAST_DRIVER}`,
    `${LOW}${FIRST_DRIVER}:${DISTRIBUTION}${LAST_DRIVER}`,
    `B${PROBABILITY_ROW}:${lastScenario}${USED_ROW - 1}`,
    CASE_CELLS.tornado.picker,
  ];
}

// ── texts ────────────────────────────────────────────────────────────────────────────────────

/** How a Chinese analyst names a currency; other codes stay codes. */
const CURRENCY_ZH: Readonly<Record<string, string>> = {
  USD: "美元",
  EUR: "欧元",
  CNY: "元",
  RMB: "元",
  JPY: "日元",
  GBP: "英镑",
  HKD: "港元",
  KRW: "韩元",
  TWD: "新台币",
  CHF: "瑞士法郎",
};
const currencyIn = (code: string, lang: Lang) => (lang === "zh" ? (CURRENCY_ZH[code] ?? code) : code);

// each family of texts spelled out, so the compiler finds a missing one and a test an unused one
const DRIVER_LABEL = {
  exposed_revenue: "case.driver.exposed_revenue",
  global_revenue: "case.driver.global_revenue",
  orders_at_risk: "case.driver.orders_at_risk",
  ban_probability: "case.driver.ban_probability",
  substitution_share: "case.driver.substitution_share",
  recapture_share: "case.driver.recapture_share",
  gross_margin: "case.driver.gross_margin",
  tax_rate: "case.driver.tax_rate",
  shares_outstanding: "case.driver.shares_outstanding",
  multiple_type: "case.driver.multiple_type",
  valuation_multiple: "case.driver.valuation_multiple",
  inventory_write_down: "case.driver.inventory_write_down",
  market_value: "case.driver.market_value",
} as const satisfies Record<DriverId, StringId>;
const DRIVER_MEANING = {
  exposed_revenue: "case.meaning.exposed_revenue",
  global_revenue: "case.meaning.global_revenue",
  orders_at_risk: "case.meaning.orders_at_risk",
  ban_probability: "case.meaning.ban_probability",
  substitution_share: "case.meaning.substitution_share",
  recapture_share: "case.meaning.recapture_share",
  gross_margin: "case.meaning.gross_margin",
  tax_rate: "case.meaning.tax_rate",
  shares_outstanding: "case.meaning.shares_outstanding",
  multiple_type: "case.meaning.multiple_type",
  valuation_multiple: "case.meaning.valuation_multiple",
  inventory_write_down: "case.meaning.inventory_write_down",
  market_value: "case.meaning.market_value",
} as const satisfies Record<DriverId, StringId>;
const OUTPUT_LABEL = {
  revenue_at_risk: "case.output.revenue_at_risk",
  gap_share: "case.output.gap_share",
  orders_lost: "case.output.orders_lost",
  gross_profit_at_risk: "case.output.gross_profit_at_risk",
  net_income_at_risk: "case.output.net_income_at_risk",
  eps_at_risk: "case.output.eps_at_risk",
  value_at_risk: "case.output.value_at_risk",
  value_at_risk_share: "case.output.value_at_risk_share",
  write_down: "case.output.write_down",
} as const satisfies Record<OutputId, StringId>;

/** A text as an Excel string literal: quoted, inner quotes doubled. */
const quoted = (text: string) => `"${text.replace(/"/g, '""')}"`;

interface Texts {
  readonly lang: Lang;
  readonly currency: string;
  fillIn(driver: DriverId): string;
  missing: string;
  notOne: string;
}

function textsFor(spec: CaseSpec, lang: Lang): Texts {
  const fillIn = (d: DriverId) => t("case.fill_in", lang, { driver: t(DRIVER_LABEL[d], lang) });
  return {
    lang,
    currency: currencyIn(spec.currency, lang),
    fillIn,
    missing: t("case.probabilities.missing", lang),
    notOne: t("case.probabilities.must", lang),
  };
}

// ── formats and rules ────────────────────────────────────────────────────────────────────────

const FORMAT: Record<DriverKind | "per_share", string> = {
  money: "#,##0.00",
  share: "0.0%",
  count: "#,##0.00",
  multiple: '0.0"x"',
  choice: "@",
  per_share: "#,##0.00",
};

const UNIT_TEXT: Record<Exclude<DriverKind, "share"> | "per_share", StringId> = {
  money: "case.unit.money",
  count: "case.unit.count",
  multiple: "case.unit.multiple",
  choice: "case.unit.choice",
  per_share: "case.unit.per_share",
};

function unitOf(kind: DriverKind | "per_share", tx: Texts): string {
  return kind === "share" ? UNITS["%"][tx.lang] : t(UNIT_TEXT[kind], tx.lang, { currency: tx.currency });
}

function ruleFor(id: DriverId, range: string, lang: Lang): ValidationPlan {
  const spec = driverSpec(id);
  const title = t(DRIVER_LABEL[id], lang);
  if (spec.kind === "choice") {
    return {
      range,
      rule: { kind: "list", values: Object.values(MULTIPLE_CHOICES) },
      title,
      message: t("case.valid.choice", lang),
    };
  }
  if (spec.kind === "share") {
    return { range, rule: { kind: "decimal", min: 0, max: 1 }, title, message: t("case.valid.share", lang) };
  }
  if (spec.positive) {
    return {
      range,
      rule: { kind: "decimal", min: 0, minExclusive: true },
      title,
      message: t("case.valid.positive", lang),
    };
  }
  return { range, rule: { kind: "decimal", min: 0 }, title, message: t("case.valid.not_negative", lang) };
}

// ── values ───────────────────────────────────────────────────────────────────────────────────

/** What the sheet starts with: the article's seeds for NVIDIA, nothing for a blank case. */
function seededDrivers(spec: CaseSpec): CaseDrivers {
  return spec.seed === "article" ? nvidiaDrivers() : {};
}

/** A scenario's overrides as the sheet starts with them: its own numbers, and the article's figures for NVIDIA. */
function seededOverrides(spec: CaseSpec, s: CaseScenario): ScenarioOverrides {
  if (spec.seed === "article") return scenarioOverrides(s);
  const own: ScenarioOverrides = {};
  for (const [id, v] of Object.entries(s.overrides) as [ScenarioDriverId, number | Seed][])
    if (typeof v === "number") own[id] = v;
  return own;
}

/** An output's value as a cell shows it: a number, or the text that asks for a driver (an error as its code). */
function shown(v: OutputValue | { reason: string }, tx: Texts): string | number {
  if (typeof v === "number") return v;
  if (isMissing(v)) return tx.fillIn(v.missing);
  if (isExposureError(v)) return v.kind;
  return v.reason === "probabilities_missing" ? tx.missing : tx.notOne;
}

/** Where a seed comes from, in words: the fact's label and period (and its unit when converted). */
function sourceText(seed: Seed | undefined, currency: string, lang: Lang): string {
  if (!seed) return t("case.source.input", lang);
  if (seed.reading) return t("case.source.reading", lang, { reading: seed.reading[lang] });
  const f = factById(seed.from);
  const d = derivedById(seed.from);
  const label = f ? inLang(f, "label", lang) : d ? inLang(d, "label", lang) : seed.from;
  const periodKey = (f?.period ?? d?.period ?? "") as keyof typeof PERIODS;
  const period = PERIODS[periodKey]?.[lang] ?? String(periodKey);
  if (seed.scale && f) {
    return t("case.source.scaled", lang, { label, period, value: f.value, unit: UNITS[f.unit][lang], currency });
  }
  return t("case.source.article", lang, { label, period });
}

// ── the sheet ────────────────────────────────────────────────────────────────────────────────

/** Inputs to write instead of the seeds (a reset writes seeds; tests and scripts may write others). */
export interface CaseValues {
  readonly drivers?: CaseDrivers;
  /** per scenario, in CASE_SCENARIOS order */
  readonly overrides?: readonly ScenarioOverrides[];
  readonly probabilities?: readonly (number | undefined)[];
  /** typed lows and highs (columns D and E), and how each driver varies in a simulation (F) */
  readonly lows?: Bounds;
  readonly highs?: Bounds;
  readonly distributions?: Partial<Record<NumericDriverId, DistributionKind>>;
  /** the output the tornado measures (revenue at risk when not given) */
  readonly tornadoOutput?: RiskOutputId;
}

/** The case's sheet and its workbook names. */
export function caseSheet(
  spec: CaseSpec,
  lang: Lang,
  values: CaseValues = {},
): { sheet: SheetPlan; names: NamedCell[] } {
  const tx = textsFor(spec, lang);
  const drivers = values.drivers ?? seededDrivers(spec);
  const seeds: Partial<Record<DriverId, Seed>> = spec.seed === "article" ? NVIDIA_CASE.seeds : {};
  const blocks: CellBlock[] = [];
  const validations: ValidationPlan[] = [];
  const company = spec.company;

  blocks.push(
    { address: "A1", cells: [[t("case.title", lang, { company })]], style: "title", span: SHEET_COLUMNS },
    {
      address: "A2",
      cells: [[t("case.subtitle", lang, { currency: tx.currency, fiscal_year_end: spec.fiscalYearEnd })]],
      style: "subtitle",
      span: SHEET_COLUMNS,
    },
    { address: "A3", cells: [[t("case.note", lang)]], style: "note", span: SHEET_COLUMNS },
    {
      address: at("A", HEADER),
      cells: [
        [
          t("case.col.driver", lang),
          t("sheet.col.value", lang),
          t("sheet.col.unit", lang),
          t("case.col.low", lang),
          t("case.col.high", lang),
          t("case.col.distribution", lang),
          null,
          t("case.col.source", lang),
          t("case.col.meaning", lang),
        ],
      ],
      style: "header",
    },
  );

  // drivers: label | value | unit | low | high | distribution | · | source | meaning
  const driverCells: PlanCell[][] = DRIVERS.map((d) => {
    const numeric = d.id === "multiple_type" ? undefined : d.id;
    const v =
      numeric === undefined ? drivers.multiple_type && MULTIPLE_CHOICES[drivers.multiple_type] : drivers[numeric];
    return [
      t(DRIVER_LABEL[d.id], lang),
      v ?? null,
      unitOf(d.kind, tx),
      (numeric && values.lows?.[numeric]) ?? null,
      (numeric && values.highs?.[numeric]) ?? null,
      (numeric && values.distributions?.[numeric]) ?? null,
      null,
      sourceText(seeds[d.id], tx.currency, lang),
      t(DRIVER_MEANING[d.id], lang),
    ];
  });
  blocks.push({
    address: at("A", FIRST_DRIVER),
    cells: driverCells,
    numberFormat: DRIVERS.map((d) => ["@", FORMAT[d.kind], "@", FORMAT[d.kind], FORMAT[d.kind], "@", "@", "@", "@"]),
    style: "input",
  });
  for (const d of DRIVERS) {
    const row = driverRow(d.id);
    validations.push(ruleFor(d.id, `${VALUE}${row}`, lang), ruleFor(d.id, `${LOW}${row}:${HIGH}${row}`, lang));
    if (d.kind !== "choice") {
      validations.push({
        range: at(DISTRIBUTION, row),
        rule: { kind: "list", values: DISTRIBUTION_KINDS },
        title: t("case.col.distribution", lang),
        message: t("case.valid.distribution", lang),
      });
    }
  }

  // scenarios: probabilities and overrides (inputs), values used, outputs (formulas)
  const scenarioNames = CASE_SCENARIOS.map((s) => s.name[lang]);
  blocks.push(
    { address: at("A", SCENARIO_TITLE), cells: [[t("case.scenarios", lang)]], style: "subtitle" },
    {
      address: at("A", SCENARIO_HEADER),
      cells: [[t("case.col.item", lang), ...scenarioNames, t("case.col.weighted", lang)]],
      style: "header",
    },
  );
  const overrides = values.overrides ?? CASE_SCENARIOS.map((s) => seededOverrides(spec, s));
  const probabilities = values.probabilities ?? CASE_SCENARIOS.map(() => undefined as number | undefined);
  const probRefs = CASE_SCENARIOS.map((_, i) => abs(scenarioColumn(i), PROBABILITY_ROW));
  const probCheck = probabilityCheck(probRefs, tx);
  blocks.push({
    address: at("A", PROBABILITY_ROW),
    wrap: true, // a "Fill in" stays in its cell, the row grows
    cells: [
      [
        t("case.row.probability", lang),
        ...probabilities.map((p) => p ?? null),
        { formula: probCheck, result: probabilityCheckValue(probabilities, tx) },
      ],
      ...SCENARIO_DRIVERS.map((id): PlanCell[] => [
        t("case.row.override", lang, { driver: t(DRIVER_LABEL[id], lang) }),
        ...overrides.map((o) => o[id] ?? null),
        null,
      ]),
    ],
    numberFormat: [
      ["@", ...CASE_SCENARIOS.map(() => FORMAT.share), "General"],
      ...SCENARIO_DRIVERS.map((id) => ["@", ...CASE_SCENARIOS.map(() => FORMAT[driverSpec(id).kind]), "General"]),
    ],
    style: "input",
  });
  const lastScenario = scenarioColumn(CASE_SCENARIOS.length - 1);
  validations.push({
    range: `B${PROBABILITY_ROW}:${lastScenario}${PROBABILITY_ROW}`,
    rule: { kind: "decimal", min: 0, max: 1 },
    title: t("case.row.probability", lang),
    message: t("case.valid.share", lang),
  });
  for (const id of SCENARIO_DRIVERS)
    validations.push(ruleFor(id, `B${overrideRow(id)}:${lastScenario}${overrideRow(id)}`, lang));

  const used = CASE_SCENARIOS.map((_, i) => usedDrivers(drivers, overrides[i]));
  blocks.push({
    address: at("A", USED_ROW),
    wrap: true, // a "Fill in" stays in its cell, the row grows
    cells: SCENARIO_DRIVERS.map((id): PlanCell[] => [
      t("case.row.used", lang, { driver: t(DRIVER_LABEL[id], lang) }),
      ...CASE_SCENARIOS.map((_, i) => ({
        formula: usedFormula(id, at(scenarioColumn(i), overrideRow(id)), abs(VALUE, driverRow(id))),
        result: used[i][id] ?? "",
      })),
      null,
    ]),
    numberFormat: SCENARIO_DRIVERS.map((id) => [
      "@",
      ...CASE_SCENARIOS.map(() => FORMAT[driverSpec(id).kind]),
      "General",
    ]),
    style: "formula",
  });

  const results = CASE_SCENARIOS.map((_, i) => evaluateScenario(drivers, overrides[i]));
  const fillIn = (d: DriverId) => quoted(tx.fillIn(d));
  blocks.push({
    address: at("A", OUTPUT_ROW),
    wrap: true, // a "Fill in" stays in its cell, the row grows
    cells: OUTPUTS.map((o): PlanCell[] => {
      const row: PlanCell[] = [t(OUTPUT_LABEL[o.id], lang)];
      CASE_SCENARIOS.forEach((_, i) => {
        const col = scenarioColumn(i);
        const refs = (id: DriverId | OutputId): string => {
          if ((SCENARIO_DRIVERS as readonly string[]).includes(id)) return at(col, usedRow(id as ScenarioDriverId));
          if (OUTPUTS.some((x) => x.id === id)) return at(col, outputRow(id as OutputId));
          return abs(VALUE, driverRow(id as DriverId));
        };
        row.push({ formula: outputFormula(o, refs, fillIn), result: shown(results[i][o.id], tx) });
      });
      const values = CASE_SCENARIOS.map((_, i) => at(scenarioColumn(i), outputRow(o.id)));
      row.push({
        formula: expectationFormula(probRefs, values, quoted(tx.missing), quoted(tx.notOne)),
        result: shown(
          expectation(
            probabilities,
            results.map((r) => r[o.id]),
          ),
          tx,
        ),
      });
      return row;
    }),
    numberFormat: OUTPUTS.map((o) => ["@", ...CASE_SCENARIOS.map(() => FORMAT[o.unit]), FORMAT[o.unit]]),
    style: "formula",
  });

  // what each scenario assumes, and where the article has it
  blocks.push(
    { address: at("A", DESCRIPTION_HEADER), cells: [[t("case.col.item", lang)]], style: "header" },
    // the description merged across the scenario columns (B to G), wrapping there
    {
      address: at(VALUE, DESCRIPTION_HEADER),
      cells: [[t("case.col.assumes", lang)]],
      style: "header",
      span: ASSUMES_SPAN,
    },
    {
      address: at(SOURCE, DESCRIPTION_HEADER),
      cells: [[t("case.col.article", lang)]],
      style: "header",
    },
    {
      address: at("A", DESCRIPTION_HEADER + 1),
      cells: CASE_SCENARIOS.map((s) => [s.name[lang]]),
      numberFormat: "@",
      style: "text",
    },
    ...CASE_SCENARIOS.map((s, i): CellBlock => ({
      address: at(VALUE, DESCRIPTION_HEADER + 1 + i),
      cells: [[s.description[lang]]],
      numberFormat: "@",
      style: "text",
      span: ASSUMES_SPAN,
    })),
    {
      address: at(SOURCE, DESCRIPTION_HEADER + 1),
      cells: CASE_SCENARIOS.map((s) => [articleScenario(s, lang) || null]),
      numberFormat: "@",
      style: "text",
    },
  );

  // the chart's data: each scenario's revenue at risk, by formula
  const revenue = outputRow("revenue_at_risk");
  blocks.push(
    {
      address: at("A", CHART_DATA),
      cells: [[t("case.col.item", lang), t(OUTPUT_LABEL.revenue_at_risk, lang)]],
      style: "header",
    },
    {
      address: at("A", CHART_DATA + 1),
      cells: CASE_SCENARIOS.map((s, i) => [
        s.name[lang],
        { formula: `=${at(scenarioColumn(i), revenue)}`, result: shown(results[i].revenue_at_risk, tx) },
      ]),
      numberFormat: CASE_SCENARIOS.map(() => ["@", FORMAT.money]),
      style: "formula",
    },
  );

  // the tornado: each driver at its low and high, around the Base scenario (case-tornado.ts)
  const tornado = tornadoSection({
    top: TORNADO,
    lang,
    usedRef: (id) =>
      (SCENARIO_DRIVERS as readonly string[]).includes(id)
        ? abs("B", usedRow(id as ScenarioDriverId))
        : abs(VALUE, driverRow(id)),
    lowRef: (id) => abs(LOW, driverRow(id)),
    highRef: (id) => abs(HIGH, driverRow(id)),
    multipleTypeRef: abs(VALUE, driverRow("multiple_type")),
    baseOutput: (id) => CASE_CELLS.output(id, 0),
    driverLabel: (id) => t(DRIVER_LABEL[id], lang),
    outputLabel: (id) => t(OUTPUT_LABEL[id], lang),
    text: quoted,
    fillIn,
    show: (v) => shown(v, tx),
    driverFormat: (id) => FORMAT[driverSpec(id).kind],
    used: used[0],
    type: drivers.multiple_type ?? "pe",
    lows: values.lows ?? {},
    highs: values.highs ?? {},
    pick: values.tornadoOutput ?? "revenue_at_risk",
  });
  blocks.push(...tornado.blocks);
  validations.push(tornado.validation);

  const key = caseSheetKey(spec);
  const sheet: SheetPlan = {
    key,
    owner: "case",
    inputs: caseInputs(),
    validations,
    name: cleanSheetName(t("case.sheet_name", lang, { company })),
    tabColor: "#0000FF",
    blocks,
    // labels, sources and meanings wrap in their columns, the scenarios' blocks in their cells:
    // rows grow to fit (src/workbook/layout.ts sizes them from the texts and the stored results)
    columns: [
      { column: "A", width: 40, wrap: true },
      ...CASE_SCENARIOS.map((_, i) => ({ column: scenarioColumn(i), width: 15 })),
      { column: WEIGHTED, width: 17 },
      { column: SOURCE, width: 44, wrap: true },
      { column: MEANING, width: 70, wrap: true },
      ...tornado.columns,
    ],
    tables: [],
    charts: [
      {
        kind: "ColumnClustered",
        title: t("case.chart", lang, { currency: tx.currency }),
        source: `A${CHART_DATA}:B${CHART_DATA + CASE_SCENARIOS.length}`,
        // beside the scenarios, in the empty Source column (H, 313 px), 13 default rows (260 px) tall:
        // whole in the first screen with the pane open, and clear of the driver notes above it
        from: at(SOURCE, SCENARIO_HEADER),
        to: at(SOURCE, SCENARIO_HEADER + CASE_CHART_ROWS - 1),
      },
      tornado.chart,
    ],
    freezeRows: 0,
  };
  const names: NamedCell[] = DRIVERS.map((d) => ({
    name: caseName(spec, d.id),
    sheetKey: key,
    address: at(VALUE, driverRow(d.id)),
    comment: `${company}: ${t(DRIVER_LABEL[d.id], "en")}`,
  }));
  return { sheet, names };
}

/** The probability check of a case as a formula: the sum is 100%, or what is wrong with it. */
function probabilityCheck(refs: readonly string[], tx: Texts): string {
  const range = `${refs[0]}:${refs[refs.length - 1]}`;
  const [before, after] = t("case.probabilities.not_one", tx.lang, { sum: "\u0000" }).split("\u0000");
  return (
    `=IF(COUNT(${range})<${refs.length},${quoted(tx.missing)},` +
    `IF(ABS(SUM(${range})-1)<=1E-9,${quoted(t("case.probabilities.ok", tx.lang))},` +
    `${quoted(before)}&TEXT(SUM(${range}),"0.0%")&${quoted(after)}))`
  );
}

/** What the probability check shows for these probabilities (the formula's result, computed here). */
function probabilityCheckValue(probabilities: readonly (number | undefined)[], tx: Texts): string {
  if (probabilities.some((p) => p === undefined)) return tx.missing;
  const sum = (probabilities as number[]).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) <= 1e-9) return t("case.probabilities.ok", tx.lang);
  return t("case.probabilities.not_one", tx.lang, { sum: `${(sum * 100).toFixed(1)}%` });
}

/** Which of the article's scenarios a case scenario makes numeric, and how. */
function articleScenario(s: CaseScenario, lang: Lang): string {
  const qualitative = SCENARIOS.find((q) => q.id === s.article);
  const reading = Object.values(s.overrides).find(
    (v): v is Seed => typeof v === "object" && v !== null && "reading" in v,
  );
  return [qualitative ? inLang(qualitative, "name", lang) : "", reading?.reading?.[lang] ?? ""]
    .filter((x) => x !== "")
    .join("; ");
}

/**
 * What "Reset to article" writes: each driver the article seeds, at its cell, with its value (and
 * the scenarios' overrides the article gives). Only the NVIDIA case has seeds.
 */
export function caseSeedCells(
  spec: CaseSpec,
  drivers?: readonly DriverId[],
): { address: string; value: number; driver: DriverId }[] {
  if (spec.seed !== "article") return [];
  const out: { address: string; value: number; driver: DriverId }[] = [];
  for (const [id, seed] of Object.entries(NVIDIA_CASE.seeds) as [DriverId, Seed][]) {
    if (drivers && !drivers.includes(id)) continue;
    out.push({ address: at(VALUE, driverRow(id)), value: seedValue(seed), driver: id });
  }
  return out;
}

/** A driver's label, for the pane. */
export const driverLabel = (id: DriverId, lang: Lang): string => t(DRIVER_LABEL[id], lang);
