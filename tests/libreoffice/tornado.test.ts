/**
 * The tornado of a case sheet in a real spreadsheet: the CLI's adapter writes the NVIDIA case and a
 * second company's case with their drivers filled in; LibreOffice Calc recalculates them headless.
 * The sorted table must be the tornado worked by hand (tests/model/risk.test.ts), and changing the
 * output picked or a driver in the file, as an analyst would, must re-sort it: native formulas, no
 * add-in.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { NUMERIC_DRIVERS } from "../../src/model";
import { CASE_CELLS, type CaseValues, blankCase, driverLabel, nvidiaCase } from "../../src/workbook/case-plan";
import { riskOutputLabel } from "../../src/workbook/case-tornado";
import { casePlan } from "../../src/workbook/plan";
import type { WorkbookPlan } from "../../src/workbook/types";
import { finalSheetNames, planToXlsx } from "../../src/workbook/xlsx";
import { nvidiaAssumed } from "../model/nvidia-assumptions";
import { ON_CI, SOFFICE_TIMEOUT_MS, type StoredCell, convert, findSoffice, freshProfile, storedCells } from "./soffice";

/** NVIDIA: the article's figures, and this test's assumptions for the rest; gross margin and tax rate with typed bounds. */
const NVIDIA: CaseValues = {
  drivers: nvidiaAssumed(),
  lows: { gross_margin: 0.65, tax_rate: 0.1 },
  highs: { gross_margin: 0.8, tax_rate: 0.25 },
  tornadoOutput: "net_income_at_risk",
};
/** Acme Robotics, EUR: every figure this test's own; valued at a P/S of 3. */
const ACME: CaseValues = {
  drivers: {
    exposed_revenue: 2,
    global_revenue: 10,
    ban_probability: 0.3,
    substitution_share: 0.1,
    recapture_share: 0.2,
    gross_margin: 0.4,
    tax_rate: 0.25,
    shares_outstanding: 0.5,
    multiple_type: "ps",
    valuation_multiple: 3,
    market_value: 25,
  },
  tornadoOutput: "value_at_risk",
};

const plans: Record<string, WorkbookPlan> = {
  nvidia: casePlan(nvidiaCase("en"), "en", NVIDIA),
  acme: casePlan(blankCase("Acme Robotics", "EUR", "31 December"), "en", ACME),
};
const sheetOf = (plan: WorkbookPlan) => finalSheetNames(plan).get(plan.sheets[0].key)!;
const T = CASE_CELLS.tornado;

const soffice = findSoffice();

(soffice || ON_CI ? describe : describe.skip)("the tornado, recalculated by LibreOffice Calc", () => {
  const cells = new Map<string, Map<string, StoredCell>>();
  let work: string | undefined;

  beforeAll(async () => {
    if (!soffice)
      throw new Error("soffice (LibreOffice) is not installed and CI=true: the tornado cannot be recalculated.");
    work = fs.mkdtempSync(path.join(os.tmpdir(), "tornado-recalc-"));
    const inDir = path.join(work, "in");
    const outDir = path.join(work, "out");
    fs.mkdirSync(inDir);
    fs.mkdirSync(outDir);
    const files: string[] = [];
    for (const [name, plan] of Object.entries(plans)) {
      const file = path.join(inDir, `${name}.xlsx`);
      fs.writeFileSync(file, await planToXlsx(plan));
      files.push(file);
    }
    // an analyst picks another output, or changes a driver, in the file itself
    const edit = async (name: string, change: (ws: ExcelJS.Worksheet) => void) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(inDir, "nvidia.xlsx"));
      change(wb.getWorksheet(sheetOf(plans.nvidia))!);
      const file = path.join(inDir, `${name}.xlsx`);
      await wb.xlsx.writeFile(file);
      files.push(file);
    };
    await edit("eps", (ws) => (ws.getCell(T.picker).value = riskOutputLabel("eps_at_risk", "en")));
    await edit("revenue20", (ws) => (ws.getCell(CASE_CELLS.driver("exposed_revenue")).value = 20));
    const output = await convert(soffice, freshProfile(path.join(work, "profile")), outDir, files, "xlsx");
    for (const f of files) {
      const base = path.basename(f, ".xlsx");
      const converted = path.join(outDir, `${base}.xlsx`);
      if (!fs.existsSync(converted)) throw new Error(`LibreOffice wrote no ${converted}; its output:\n${output}`);
      cells.set(base, await storedCells(converted, sheetOf(base === "acme" ? plans.acme : plans.nvidia)));
    }
  }, SOFFICE_TIMEOUT_MS + 60_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  /** The sorted table as LibreOffice computed it: [driver label, swing rounded to 9 places]. */
  const sorted = (file: string) =>
    NUMERIC_DRIVERS.map((_, k) => {
      const row = T.sortedFirst + k;
      const got = cells.get(file)!;
      const swing = got.get(`D${row}`)!.value as number;
      return [got.get(`A${row}`)!.value, Math.round(swing * 1e9) / 1e9];
    });
  const value = (file: string, address: string) => cells.get(file)!.get(address)!.value;

  it("sorts NVIDIA's net income at risk as worked by hand, the largest swing on top", () => {
    expect(value("nvidia", T.base)).toBeCloseTo(6.54075, 9); // 17.1 × 0.6 × 0.75 × 0.85
    expect(sorted("nvidia").slice(0, 6)).toEqual([
      [driverLabel("exposed_revenue", "en"), 2.6163], // 0.4 × 6.54075
      [driverLabel("ban_probability", "en"), 1.7442], // 17.1 × 0.2 × 0.6 × 0.6375
      [driverLabel("gross_margin", "en"), 1.30815], // 10.26 × 0.15 × 0.85
      [driverLabel("tax_rate", "en"), 1.15425], // 10.26 × 0.75 × 0.15
      [driverLabel("substitution_share", "en"), 0.43605], // 17.1 × 0.5 × 0.08 × 0.6375
      [driverLabel("global_revenue", "en"), 0], // not read; the zeros follow in the case's order
    ]);
    // the chart's data: smallest swing first, so that the bar chart puts the largest on top
    expect(value("nvidia", `A${T.bottom}`)).toBe(driverLabel("exposed_revenue", "en"));
    expect(value("nvidia", `B${T.bottom}`)).toBeCloseTo(5.2326 - 6.54075, 9);
    expect(value("nvidia", `C${T.bottom}`)).toBeCloseTo(7.8489 - 6.54075, 9);
  });

  it("re-sorts when the analyst picks EPS at risk in the file: shares outstanding moves to the top", () => {
    // EPS = net income ÷ 24.4 = 0.268063; shares 19.52–29.28: 6.54075 ÷ 19.52 − 6.54075 ÷ 29.28 = 0.335079 − 0.223386 = 0.111693
    expect(value("eps", T.base)).toBeCloseTo(6.54075 / 24.4, 9);
    expect(sorted("eps").slice(0, 3)).toEqual([
      [driverLabel("shares_outstanding", "en"), Math.round((6.54075 / 19.52 - 6.54075 / 29.28) * 1e9) / 1e9],
      [driverLabel("exposed_revenue", "en"), Math.round((2.6163 / 24.4) * 1e9) / 1e9], // 0.107225
      [driverLabel("ban_probability", "en"), Math.round((1.7442 / 24.4) * 1e9) / 1e9], // 0.071484
    ]);
  });

  it("follows a driver changed in the file: China revenue 20 gives a swing of 0.4 × 20 × 0.6 × 0.6375 = 3.06", () => {
    expect(value("revenue20", T.base)).toBeCloseTo(7.65, 9); // 20 × 0.6 × 0.6375
    expect(sorted("revenue20")[0]).toEqual([driverLabel("exposed_revenue", "en"), 3.06]);
  });

  it("sorts a second company's market value at risk at a P/S multiple, as worked by hand", () => {
    // revenue at risk 2 × (0.3 + 0.7 × 0.1) × (1 − 0.2) = 0.592; value 3 × 0.592 = 1.776
    expect(value("acme", T.base)).toBeCloseTo(1.776, 9);
    expect(sorted("acme").slice(0, 6)).toEqual([
      [driverLabel("exposed_revenue", "en"), 0.7104], // 0.4 × 1.776
      [driverLabel("valuation_multiple", "en"), 0.7104], // the same swing: a tie, in the case's order
      [driverLabel("ban_probability", "en"), 0.5184], // 3 × 2 × 0.8 × (0.424 − 0.316)
      [driverLabel("recapture_share", "en"), 0.1776], // 3 × 2 × 0.37 × (0.84 − 0.76)
      [driverLabel("substitution_share", "en"), 0.1344], // 3 × 2 × 0.8 × 0.7 × (0.12 − 0.08)
      [driverLabel("global_revenue", "en"), 0], // P/S: margin, tax and shares are not read either
    ]);
  });
});
