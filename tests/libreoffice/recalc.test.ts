/**
 * The written workbook in a real spreadsheet: the CLI's adapter writes the full baseline (English
 * and Chinese), LibreOffice Calc recalculates it headless and saves it again, and the saved values
 * are compared with what src/model computes, and with the results the file stored for a viewer that
 * never recalculates. This is what proves the two renderings of each derived figure (the model's
 * number and the plan's Excel formula) agree, and that every text quoting figures prints the same
 * words from the cells as the model does.
 *
 * Needs `soffice` (Debian: libreoffice-calc-nogui; .ci/run installs it). Under CI=true a missing
 * soffice fails the suite; elsewhere the suite is skipped with a warning.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import {
  CHECKS,
  DERIVED,
  FACTS,
  TABLES,
  UNITS,
  derivedValue,
  differenceUnit,
  factById,
  statusText,
  valueOf,
} from "../../src/baseline";
import { t, type Lang, type StringId } from "../../src/i18n/strings";
import { isExposureError } from "../../src/model";
import { HEADER_ROW, buildPlan } from "../../src/workbook/plan";
import type { WorkbookPlan } from "../../src/workbook/types";
import { finalSheetNames, planToXlsx } from "../../src/workbook/xlsx";
import { ON_CI, SOFFICE_TIMEOUT_MS, convert, findSoffice, freshProfile } from "./soffice";

const LANGS: readonly Lang[] = ["en", "zh"];

// ── reading cells ────────────────────────────────────────────────────────────────────────────

type Scalar = number | string | boolean | null | { error: string };

/** A date-formatted number reads back as a Date: turn it into its serial number again. */
const serial = (d: Date) => d.getTime() / 86400000 + 25569;

function isFormulaValue(v: ExcelJS.CellValue): v is ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue {
  return typeof v === "object" && v !== null && ("formula" in v || "sharedFormula" in v);
}

/** What a cell shows: a formula's computed result, or the constant; Dates as serial numbers. */
function shown(v: ExcelJS.CellValue): Scalar | undefined {
  const x = isFormulaValue(v) ? v.result : v;
  if (x === undefined) return undefined;
  if (x instanceof Date) return serial(x);
  if (x === null || typeof x === "number" || typeof x === "string" || typeof x === "boolean") return x;
  if (typeof x === "object" && "error" in x) return { error: String(x.error) };
  if (typeof x === "object" && "richText" in x) return x.richText.map((r) => r.text).join("");
  return String(x);
}

const ERROR_TEXT = /^(#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)|Err:\d+)$/;

function errorOf(s: Scalar | undefined): string | undefined {
  if (s !== null && typeof s === "object") return s.error;
  if (typeof s === "string" && ERROR_TEXT.test(s.trim())) return s;
  return undefined;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a), Math.abs(b));
const show = (s: Scalar | undefined) => (s === undefined ? "nothing" : JSON.stringify(s));
const where = (ws: ExcelJS.Worksheet, address: string) => `'${ws.name}'!${address}`;

/** The columns of a table sheet, found by their header text in this language. */
function headerColumns(ws: ExcelJS.Worksheet, lang: Lang, ids: readonly string[]): Record<string, number> {
  const cols: Record<string, number> = {};
  const row = ws.getRow(HEADER_ROW);
  for (const id of ids) {
    const text = t(`sheet.col.${id}` as StringId, lang);
    let found = 0;
    row.eachCell((cell, col) => {
      if (found === 0 && cell.value === text) found = col;
    });
    if (found === 0) throw new Error(`${where(ws, `${HEADER_ROW}`)}: no "${text}" column in the header row`);
    cols[id] = found;
  }
  return cols;
}

/** Row of every id in the id column below the header. */
function rowsById(ws: ExcelJS.Worksheet, idCol: number): Map<string, number> {
  const rows = new Map<string, number>();
  for (let r = HEADER_ROW + 1; r <= ws.rowCount; r++) {
    const v = ws.getCell(r, idCol).value;
    if (typeof v === "string" && v.trim() !== "") rows.set(v.trim(), r);
  }
  return rows;
}

// ── the suite ────────────────────────────────────────────────────────────────────────────────

const soffice = findSoffice();
if (!soffice && !ON_CI) {
  console.warn(
    "\n*** SKIPPED: LibreOffice (soffice) is not installed, so the written workbook was NOT recalculated in a real\n" +
      "*** spreadsheet. Install it (Debian: apt-get install -y --no-install-recommends libreoffice-calc-nogui)\n" +
      "*** to run tests/libreoffice/recalc.test.ts; under CI=true this suite fails instead of skipping.\n",
  );
}

(soffice || ON_CI ? describe : describe.skip)("the CLI's workbook, recalculated by LibreOffice Calc", () => {
  const plans = new Map<Lang, WorkbookPlan>(LANGS.map((lang) => [lang, buildPlan({ lang, cases: [] })]));
  const books = new Map<Lang, ExcelJS.Workbook>();
  /** the files as written, their formulas with the results the model stored */
  const written = new Map<Lang, ExcelJS.Workbook>();
  let controlValue: Scalar | undefined;

  it("recalculates the formulas of a file rather than keep its stored results", () => {
    expect(controlValue).toBe(2);
  });
  let work: string | undefined;

  beforeAll(async () => {
    if (!soffice) {
      throw new Error(
        "soffice (LibreOffice) is not installed and CI=true: the workbook cannot be recalculated. " +
          "Install libreoffice-calc-nogui (.ci/run does) or set SOFFICE to its path.",
      );
    }
    work = fs.mkdtempSync(path.join(os.tmpdir(), "recalc-"));
    const inDir = path.join(work, "in");
    const outDir = path.join(work, "out");
    fs.mkdirSync(inDir);
    fs.mkdirSync(outDir);
    const files: string[] = [];
    for (const [lang, plan] of plans) {
      const file = path.join(inDir, `baseline-${lang}.xlsx`);
      fs.writeFileSync(file, await planToXlsx(plan));
      files.push(file);
    }
    // a control whose stored result is wrong on purpose (1 + 1 stored as 3): it reads 2 only if
    // LibreOffice computed the formulas rather than kept the stored results
    const control = path.join(inDir, "control.xlsx");
    fs.writeFileSync(
      control,
      await planToXlsx({
        sheets: [
          {
            key: "control",
            name: "Control",
            blocks: [{ address: "A1", cells: [[{ formula: "=1+1", result: 3 }]] }],
            columns: [],
            tables: [],
            charts: [],
            freezeRows: 0,
          },
        ],
        names: [],
      }),
    );
    files.push(control);
    const started = Date.now();
    const output = await convert(soffice, freshProfile(path.join(work, "profile")), outDir, files, "xlsx");
    const recalculated = new ExcelJS.Workbook();
    await recalculated.xlsx.readFile(path.join(outDir, "control.xlsx"));
    controlValue = shown(recalculated.getWorksheet("Control")!.getCell("A1").value);

    console.info(
      `LibreOffice recalculated ${files.length} workbooks (a control among them) in ${Date.now() - started} ms (${soffice})`,
    );
    for (const lang of LANGS) {
      const converted = path.join(outDir, `baseline-${lang}.xlsx`);
      if (!fs.existsSync(converted)) throw new Error(`LibreOffice wrote no ${converted}; its output:\n${output}`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(converted);
      books.set(lang, wb);
      const stored = new ExcelJS.Workbook();
      await stored.xlsx.readFile(path.join(inDir, `baseline-${lang}.xlsx`));
      written.set(lang, stored);
    }
  }, SOFFICE_TIMEOUT_MS + 60_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  describe.each(LANGS)("in %s", (lang) => {
    const plan = plans.get(lang)!;
    const names = finalSheetNames(plan);
    const book = () => books.get(lang)!;
    const sheetOf = (key: string) => {
      const ws = book().getWorksheet(names.get(key)!);
      if (!ws) throw new Error(`the recalculated file has no sheet "${names.get(key)}" (${key})`);
      return ws;
    };

    /** id → where its row is, over every table sheet. */
    const placed = () => {
      const at = new Map<string, { ws: ExcelJS.Worksheet; row: number; cols: Record<string, number> }>();
      for (const s of plan.sheets.filter((x) => TABLES.some((tb) => tb.id === x.key))) {
        const ws = sheetOf(s.key);
        const cols = headerColumns(ws, lang, ["id", "value", "unit", "check"]);
        for (const [id, row] of rowsById(ws, cols.id)) at.set(id, { ws, row, cols });
      }
      return at;
    };

    it("keeps every sheet of the plan", () => {
      expect(book().worksheets.map((w) => w.name)).toEqual(plan.sheets.map((s) => names.get(s.key)));
    });

    it("has no error cell anywhere, and a computed result for every formula", () => {
      const problems: string[] = [];
      let formulas = 0;
      for (const ws of book().worksheets) {
        ws.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: false }, (cell) => {
            // a merged row shows its first cell's value in every cell: count it once
            if (cell.isMerged && cell.master !== cell) return;
            const s = shown(cell.value);
            if (isFormulaValue(cell.value)) {
              formulas++;
              if (s === undefined)
                problems.push(
                  `${where(ws, cell.address)}: formula ${JSON.stringify(cell.value)} has no computed value`,
                );
            }
            const e = errorOf(s);
            if (e)
              problems.push(
                `${where(ws, cell.address)}: ${e}${isFormulaValue(cell.value) ? ` from =${"formula" in cell.value ? cell.value.formula : cell.value.sharedFormula}` : ""}`,
              );
          }),
        );
      }
      expect(problems).toEqual([]);
      const planned = plan.sheets
        .flatMap((s) => s.blocks.flatMap((b) => b.cells.flat()))
        .filter((c) => c !== null && typeof c === "object");
      expect(formulas).toBe(planned.length);
    });

    it("computes every derived figure as src/model does", () => {
      const at = placed();
      const problems: string[] = [];
      let compared = 0;
      for (const table of TABLES.filter((tb) => names.has(tb.id))) {
        for (const r of table.rows) {
          if (!("derived" in r)) continue;
          const p = at.get(r.derived);
          if (!p) {
            problems.push(`${r.derived}: no row on '${names.get(table.id)}' has this id`);
            continue;
          }
          const cell = p.ws.getCell(p.row, p.cols.value);
          const got = shown(cell.value);
          const want = derivedValue(r.derived);
          const label = `${where(p.ws, cell.address)} (${r.derived})`;
          if (!isFormulaValue(cell.value)) problems.push(`${label}: holds ${show(got)}, not a formula`);
          else if (isExposureError(want))
            problems.push(`${label}: the model answers ${want.kind} (${want.message}); the sheet shows ${show(got)}`);
          else if (typeof got !== "number" || !close(got, want))
            problems.push(`${label}: the sheet computes ${show(got)}, the model ${want}`);
          const unit = p.ws.getCell(p.row, p.cols.unit);
          if (shown(unit.value) !== derivedUnit(r.derived, lang))
            problems.push(
              `${where(p.ws, unit.address)} (${r.derived}): unit ${show(shown(unit.value))}, not ${derivedUnit(r.derived, lang)}`,
            );
          compared++;
        }
      }
      expect(problems).toEqual([]);
      const onSheets = DERIVED.filter((d) =>
        TABLES.some((tb) => names.has(tb.id) && tb.rows.some((r) => "derived" in r && r.derived === d.id)),
      );
      expect(compared).toBe(onSheets.length);
      expect(compared).toBeGreaterThan(0);
    });

    it("shows every fact of the baseline with its value and unit", () => {
      const at = placed();
      const problems: string[] = [];
      for (const f of FACTS) {
        const p = at.get(f.id);
        if (!p) {
          problems.push(`${f.id}: on no sheet`);
          continue;
        }
        const cell = p.ws.getCell(p.row, p.cols.value);
        const got = shown(cell.value);
        if (isFormulaValue(cell.value))
          problems.push(`${where(p.ws, cell.address)} (${f.id}): a formula, not the stated figure`);
        if (typeof got !== "number" || !close(got, f.value))
          problems.push(`${where(p.ws, cell.address)} (${f.id}): ${show(got)}, not ${f.value}`);
        const unit = p.ws.getCell(p.row, p.cols.unit);
        // LibreOffice stores text mixing Latin and Chinese ("N（9的个数）") as rich text: compare what it shows
        if (shown(unit.value) !== UNITS[f.unit][lang])
          problems.push(
            `${where(p.ws, unit.address)} (${f.id}): unit ${show(shown(unit.value))}, not ${UNITS[f.unit][lang]}`,
          );
      }
      expect(problems).toEqual([]);
    });

    it("shows each check's status as src/baseline evaluates it, on the table sheets and the checks sheet", () => {
      const at = placed();
      const problems: string[] = [];
      const statusOf = (id: string) => statusText(CHECKS.find((c) => c.id === id)!.status, lang);
      // a row may take part in more than one check: any of their statuses will do there
      const expectedByRow = new Map<string, string[]>();
      const checks = CHECKS.filter((c) => (typeof c.stated === "number" || at.has(c.stated)) && at.has(c.derived));
      for (const c of checks) {
        for (const id of [c.stated, c.derived])
          if (typeof id === "string") expectedByRow.set(id, [...(expectedByRow.get(id) ?? []), statusOf(c.id)]);
      }
      for (const [id, want] of expectedByRow) {
        const p = at.get(id)!;
        const cell = p.ws.getCell(p.row, p.cols.check);
        const got = shown(cell.value);
        if (typeof got !== "string" || !want.includes(got))
          problems.push(
            `${where(p.ws, cell.address)} (${id}): ${show(got)}, the model says ${want.map((w) => JSON.stringify(w)).join(" or ")}`,
          );
      }
      if (checks.length > 0) {
        const ws = sheetOf("checks");
        const cols = headerColumns(ws, lang, ["id", "stated", "derived", "difference", "status"]);
        const rows = rowsById(ws, cols.id);
        for (const c of checks) {
          const row = rows.get(c.id);
          if (row === undefined) {
            problems.push(`${c.id}: no row of '${ws.name}' has this id`);
            continue;
          }
          const status = ws.getCell(row, cols.status);
          if (shown(status.value) !== statusOf(c.id))
            problems.push(
              `${where(ws, status.address)} (${c.id}): ${show(shown(status.value))}, the model says "${statusOf(c.id)}"`,
            );
          const stated = c.statedValue;
          const derived = c.derivedValue;
          // the difference of two shares in points: (0.13 − 0.20) × 100 = −7
          const { scale } = differenceUnit(DERIVED.find((d) => d.id === c.derived)!.unit);
          for (const [col, want] of [
            [cols.stated, stated],
            [cols.derived, derived],
            [cols.difference, (derived - stated) * scale],
          ] as const) {
            const cell = ws.getCell(row, col);
            const got = shown(cell.value);
            if (typeof got !== "number" || !close(got, want))
              problems.push(`${where(ws, cell.address)} (${c.id}): ${show(got)}, the model ${want}`);
          }
        }
      }
      expect(problems).toEqual([]);
    });

    it("stores for every formula the result LibreOffice computes, so a viewer that never recalculates shows it", () => {
      const problems: string[] = [];
      let formulas = 0;
      let stored = 0;
      for (const ws of written.get(lang)!.worksheets) {
        const again = book().getWorksheet(ws.name)!;
        ws.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: false }, (cell) => {
            if (!isFormulaValue(cell.value) || (cell.isMerged && cell.master !== cell)) return;
            formulas++;
            const want = shown(again.getCell(cell.address).value);
            const got = shown(cell.value);
            if (got === undefined || got === null) {
              problems.push(`${where(ws, cell.address)}: no stored result (LibreOffice computes ${show(want)})`);
              return;
            }
            stored++;
            const same = typeof got === "number" && typeof want === "number" ? close(got, want) : got === want;
            if (!same)
              problems.push(`${where(ws, cell.address)}: stored ${show(got)}, LibreOffice computes ${show(want)}`);
          }),
        );
      }
      expect(problems).toEqual([]);
      console.info(`${lang}: ${stored} of ${formulas} formulas carry a stored result, each as LibreOffice computes it`);
      expect(stored).toBe(formulas);
      expect(formulas).toBeGreaterThan(100);
    });

    it("keeps every workbook name on the cell of its figure", () => {
      const problems: string[] = [];
      for (const n of plan.names) {
        const ranges = book().definedNames.getRanges(n.name).ranges;
        const m = ranges.length === 1 ? /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(ranges[0]) : null;
        if (!m) {
          problems.push(`${n.name}: refers to ${JSON.stringify(ranges)}, not one cell`);
          continue;
        }
        const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
        const ws = book().getWorksheet(sheetName);
        const want = valueOf(n.name.replace(/^bl_/, ""));
        const got = ws ? shown(ws.getCell(`${m[3]}${m[4]}`).value) : undefined;
        if (typeof want !== "number") problems.push(`${n.name}: the model has no value for it`);
        else if (typeof got !== "number" || !close(got, want))
          problems.push(`${n.name} → ${ranges[0]}: ${show(got)}, the model ${want}`);
      }
      expect(problems).toEqual([]);
      expect(plan.names.length).toBeGreaterThan(0);
    });
  });
});

/** The unit label a row of `id` shows in `lang`. */
function derivedUnit(id: string, lang: Lang): string {
  const unit = DERIVED.find((d) => d.id === id)?.unit ?? factById(id)?.unit;
  return unit ? UNITS[unit][lang] : "?";
}
