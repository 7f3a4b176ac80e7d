/**
 * The case sheets in a real spreadsheet: the CLI's adapter writes the NVIDIA case (as seeded from
 * the article, in both languages), the same case with the drivers the article does not give filled
 * in, and a blank case for another company; LibreOffice Calc recalculates them headless. Every
 * formula must compute what the model computes (the results the plan stores), no cell may be an
 * error, and changing one driver in the file must change exactly the scenario outputs that depend on it.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { CASE_SCENARIOS, nvidiaDrivers } from "../../src/baseline";
import { type DriverId, OUTPUTS, type OutputId } from "../../src/model/case";
import { CASE_CELLS, type CaseValues, blankCase, nvidiaCase } from "../../src/workbook/case-plan";
import { casePlan } from "../../src/workbook/plan";
import type { WorkbookPlan } from "../../src/workbook/types";
import { finalSheetNames, planToXlsx } from "../../src/workbook/xlsx";
import { ON_CI, SOFFICE_TIMEOUT_MS, type StoredCell, convert, findSoffice, freshProfile, storedCells } from "./soffice";

/** The drivers the article does not give, as this test assumes them (not the article's). */
const FILLED: CaseValues = {
  drivers: {
    ...nvidiaDrivers(),
    ban_probability: 0.5,
    substitution_share: 0.2,
    gross_margin: 0.75,
    tax_rate: 0.15,
    shares_outstanding: 24.4,
    valuation_multiple: 40,
  },
  probabilities: [0.4, 0.2, 0.2, 0.1, 0.1],
};
const MARGIN_FROM = 0.75;
const MARGIN_TO = 0.6;

interface Variant {
  readonly file: string;
  readonly plan: WorkbookPlan;
}

const variants: Record<string, Variant> = {
  seeded_en: { file: "seeded-en", plan: casePlan(nvidiaCase("en"), "en") },
  seeded_zh: { file: "seeded-zh", plan: casePlan(nvidiaCase("zh"), "zh") },
  filled: { file: "filled", plan: casePlan(nvidiaCase("en"), "en", FILLED) },
  blank: { file: "blank", plan: casePlan(blankCase("Acme Robotics", "eur", "31 December"), "en") },
};

/** The plan's formula cells of its one sheet: address → the result the model computed. */
function planResults(plan: WorkbookPlan): Map<string, string | number | boolean | undefined> {
  const out = new Map<string, string | number | boolean | undefined>();
  for (const b of plan.sheets[0].blocks) {
    const m = /^([A-Z]+)(\d+)$/.exec(b.address)!;
    b.cells.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v && typeof v === "object") {
          const col = String.fromCharCode(m[1].charCodeAt(0) + j);
          out.set(`${col}${Number(m[2]) + i}`, v.result);
        }
      }),
    );
  }
  return out;
}

const same = (a: StoredCell["value"], b: string | number | boolean | undefined) =>
  typeof a === "number" && typeof b === "number"
    ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
    : (a ?? "") === (b ?? "");

/** The outputs that read a driver, directly or through earlier outputs (P/E: value reads earnings). */
function dependents(driver: DriverId): OutputId[] {
  const out: OutputId[] = [];
  for (const o of OUTPUTS) {
    if (o.drivers.includes(driver) || o.uses.some((u) => out.includes(u))) out.push(o.id);
  }
  return out;
}

const soffice = findSoffice();

(soffice || ON_CI ? describe : describe.skip)("the case sheets, recalculated by LibreOffice Calc", () => {
  const cells = new Map<string, Map<string, StoredCell>>();
  let work: string | undefined;

  beforeAll(async () => {
    if (!soffice)
      throw new Error("soffice (LibreOffice) is not installed and CI=true: the cases cannot be recalculated.");
    work = fs.mkdtempSync(path.join(os.tmpdir(), "case-recalc-"));
    const inDir = path.join(work, "in");
    const outDir = path.join(work, "out");
    fs.mkdirSync(inDir);
    fs.mkdirSync(outDir);
    const files: string[] = [];
    for (const v of Object.values(variants)) {
      const file = path.join(inDir, `${v.file}.xlsx`);
      fs.writeFileSync(file, await planToXlsx(v.plan));
      files.push(file);
    }
    // one driver changed in the file itself, as an analyst would: gross margin 75% → 60%
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(inDir, "filled.xlsx"));
    const sheetName = finalSheetNames(variants.filled.plan).get(variants.filled.plan.sheets[0].key)!;
    const cell = wb.getWorksheet(sheetName)!.getCell(CASE_CELLS.driver("gross_margin"));
    expect(cell.value).toBe(MARGIN_FROM);
    cell.value = MARGIN_TO;
    const changed = path.join(inDir, "margin.xlsx");
    await wb.xlsx.writeFile(changed);
    files.push(changed);

    const output = await convert(soffice, freshProfile(path.join(work, "profile")), outDir, files, "xlsx");
    for (const f of files) {
      const base = path.basename(f, ".xlsx");
      const converted = path.join(outDir, `${base}.xlsx`);
      if (!fs.existsSync(converted)) throw new Error(`LibreOffice wrote no ${converted}; its output:\n${output}`);
      const plan =
        base === "margin" ? variants.filled.plan : Object.values(variants).find((v) => v.file === base)!.plan;
      cells.set(base, await storedCells(converted, finalSheetNames(plan).get(plan.sheets[0].key)!));
    }
  }, SOFFICE_TIMEOUT_MS + 60_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it.each(Object.values(variants).map((v) => [v.file, v] as const))(
    "%s: no error cell, and every formula computes the result the model stored",
    (file, v) => {
      const got = cells.get(file)!;
      const errors = [...got].filter(([, c]) => typeof c.value === "object" && c.value !== null);
      expect(errors).toEqual([]);
      const wrong: string[] = [];
      const results = planResults(v.plan);
      expect(results.size).toBeGreaterThan(60);
      for (const [address, result] of results) {
        const c = got.get(address);
        if (!c?.formula) wrong.push(`${address}: no formula in the recalculated file`);
        else if (!same(c.value, result))
          wrong.push(`${address}: ${JSON.stringify(c.value)} ≠ model ${JSON.stringify(result)}`);
      }
      expect(wrong).toEqual([]);
    },
  );

  it("computes the full ban and the weighted expectation as worked by hand", () => {
    const got = cells.get("filled")!;
    const full = CASE_SCENARIOS.findIndex((s) => s.id === "full_ban");
    const at = (id: OutputId, s: number | "weighted") => got.get(CASE_CELLS.output(id, s))!.value as number;
    expect(at("revenue_at_risk", full)).toBeCloseTo(17.1, 9); // 17.1 × 1
    expect(at("net_income_at_risk", full)).toBeCloseTo(10.90125, 9); // 17.1 × 0.75 × 0.85
    expect(at("eps_at_risk", full)).toBeCloseTo(0.44677254, 7); // 10.90125 ÷ 24.4
    expect(at("value_at_risk", full)).toBeCloseTo(436.05, 9); // 40 × 10.90125
    // base 17.1 × (0.5 + 0.5 × 0.2) = 10.26; licence 17.1 × (0 + 1 × 0.2) = 3.42; full ban 17.1;
    // substitution 17.1 × (0.5 + 0.5 × 0.4) = 11.97; transshipment 10.26; weighted:
    // 0.4 × 10.26 + 0.2 × 3.42 + 0.2 × 17.1 + 0.1 × 11.97 + 0.1 × 10.26 = 4.104 + 0.684 + 3.42 + 1.197 + 1.026 = 10.431
    expect(at("revenue_at_risk", 1)).toBeCloseTo(3.42, 9);
    expect(at("revenue_at_risk", "weighted")).toBeCloseTo(10.431, 9);
    expect(got.get(CASE_CELLS.probabilityCheck())!.value).toBe("Probabilities sum to 100%");
  });

  it("asks for the drivers the article does not give, in words, where they are needed", () => {
    const got = cells.get("seeded-en")!;
    const full = CASE_SCENARIOS.findIndex((s) => s.id === "full_ban");
    expect(got.get(CASE_CELLS.output("revenue_at_risk", full))!.value).toBeCloseTo(17.1, 9);
    expect(got.get(CASE_CELLS.output("gross_profit_at_risk", full))!.value).toBe("Fill in: Gross margin");
    expect(got.get(CASE_CELLS.output("revenue_at_risk", 0))!.value).toBe("Fill in: Probability the restriction holds");
    expect(cells.get("seeded-zh")!.get(CASE_CELLS.output("gross_profit_at_risk", full))!.value).toBe("请填写：毛利率");
    expect(cells.get("blank")!.get(CASE_CELLS.output("revenue_at_risk", full))!.value).toBe(
      "Fill in: Exposed revenue (China), a year",
    );
  });

  it("changes exactly the outputs that depend on the driver changed in the file", () => {
    const before = cells.get("filled")!;
    const after = cells.get("margin")!;
    // the scenario block; the tornado below it has its own test (tornado.test.ts)
    const aboveTornado = (address: string) => Number(/\d+$/.exec(address)![0]) < CASE_CELLS.tornado.top;
    const changed = [...after]
      .filter(([address]) => aboveTornado(address))
      .filter(([address, c]) => !same(c.value, (before.get(address)?.value ?? undefined) as never))
      .map(([address]) => address)
      .sort();
    const scenarios: (number | "weighted")[] = [...CASE_SCENARIOS.map((_, i) => i), "weighted"];
    const expected = [
      CASE_CELLS.driver("gross_margin"),
      ...dependents("gross_margin").flatMap((id) => scenarios.map((s) => CASE_CELLS.output(id, s))),
    ].sort();
    expect(dependents("gross_margin")).toEqual([
      "gross_profit_at_risk",
      "net_income_at_risk",
      "eps_at_risk",
      "value_at_risk",
      "value_at_risk_share",
    ]);
    expect(changed).toEqual(expected);
    // by hand, full ban: 17.1 × 0.6 × 0.85 = 8.721
    const full = CASE_SCENARIOS.findIndex((s) => s.id === "full_ban");
    expect(after.get(CASE_CELLS.output("net_income_at_risk", full))!.value).toBeCloseTo(8.721, 9);
  });
});
