/**
 * The Chinese edition is Chinese throughout: every text cell a sheet shows (ids aside; a formula by
 * the text it prints or the words it can show) has Chinese in it, in the plan and in the .xlsx file the CLI writes from it; so are the words a
 * status formula can show, and the tab names. The English edition, in turn, holds no Chinese.
 */
import ExcelJS from "exceljs";
import { buildPlan } from "../../src/workbook/plan";
import { planToXlsx } from "../../src/workbook/xlsx";
import { t, type Lang } from "../../src/i18n/strings";
import type { SheetPlan, WorkbookPlan } from "../../src/workbook/types";

const CJK = /[\u3400-\u9fff]/;

/**
 * Cells that may stand without Chinese in the Chinese edition: the percent sign as a unit, proper
 * nouns and model names that Chinese text writes in Latin letters, and the valuation multiples'
 * abbreviations (P/E, P/S), which Chinese analysts write in Latin letters too.
 */
const ALLOWED = new Set(["%", "NVIDIA", "H20", "CUDA", "P/E", "P/S"]);

/**
 * The texts a formula can show: its string literals, less "" (an empty cell) and the number format
 * a TEXT() is given (Excel's own notation, not a word).
 */
const formulaTexts = (formula: string) =>
  [...formula.replace(/TEXT\(([^()]|\([^()]*\))*?,"[^"]*"\)/g, "").matchAll(/"([^"]+)"/g)].map((m) => m[1]);

interface TextCell {
  readonly where: string;
  readonly text: string;
}

/** Column offsets (from the block's first column) of a header block's id column. */
function idColumns(sheet: SheetPlan, lang: Lang): Set<string> {
  const cols = new Set<string>();
  for (const b of sheet.blocks.filter((x) => x.style === "header")) {
    const m = /^([A-Z]+)\d+$/.exec(b.address)!;
    b.cells[0].forEach((v, j) => {
      if (v === t("sheet.col.id", lang)) cols.add(String.fromCharCode(m[1].charCodeAt(0) + j));
    });
  }
  return cols;
}

/** Every text a sheet of the plan shows: string cells outside the id column, and the texts inside formulas. */
function planTexts(plan: WorkbookPlan, lang: Lang): TextCell[] {
  const out: TextCell[] = [];
  for (const sheet of plan.sheets) {
    const ids = idColumns(sheet, lang);
    out.push({ where: `${sheet.key} (tab)`, text: sheet.name });
    for (const b of sheet.blocks) {
      const m = /^([A-Z]+)(\d+)$/.exec(b.address)!;
      b.cells.forEach((row, i) =>
        row.forEach((v, j) => {
          const col = String.fromCharCode(m[1].charCodeAt(0) + j);
          const where = `${sheet.key}!${col}${Number(m[2]) + i}`;
          if (typeof v === "string" && !(ids.has(col) && b.style !== "header")) out.push({ where, text: v });
          // a formula that prints a text (an explanation quoting figures, a "fill in") is read by the text
          // it prints; the words another formula can show (a status) are its string constants
          // (an empty result is an empty-looking cell, nothing to read)
          if (v && typeof v === "object" && v.result === "") return;
          if (v && typeof v === "object" && typeof v.result === "string")
            out.push({ where: `${where} (formula)`, text: v.result });
          else if (v && typeof v === "object")
            for (const text of formulaTexts(v.formula)) out.push({ where: `${where} (formula)`, text });
        }),
      );
    }
  }
  return out;
}

const englishOnly = (cells: readonly TextCell[]) =>
  cells.filter((c) => !CJK.test(c.text) && !ALLOWED.has(c.text)).map((c) => `${c.where}: ${c.text}`);

describe("the Chinese edition", () => {
  const plan = buildPlan({ lang: "zh" });
  const cells = planTexts(plan, "zh");

  it("has Chinese in every text cell, ids and formulas aside (allowed: %, NVIDIA, H20, CUDA)", () => {
    expect(cells.length).toBeGreaterThan(500);
    expect(englishOnly(cells)).toEqual([]);
  });

  it("writes units, periods, kinds, locators and statuses in Chinese", () => {
    const texts = new Set(cells.map((c) => c.text));
    for (const word of ["十亿美元", "2025年第一季度", "推算（公式）", "口径不同", "四舍五入后一致", "无法复现"])
      expect(texts.has(word) || cells.some((c) => c.text.includes(word))).toBe(true);
    expect(cells.some((c) => /^第2段（英伟达中国区营收）第一句/.test(c.text))).toBe(true);
  });

  it("keeps the same numbers as the English edition: the unit label carries the difference", () => {
    const en = buildPlan({ lang: "en" });
    const numbers = (p: WorkbookPlan) =>
      p.sheets.flatMap((s) => s.blocks.flatMap((b) => b.cells.flat().filter((v) => typeof v === "number")));
    expect(numbers(plan)).toEqual(numbers(en));
  });

  it("has Chinese in every text cell of the .xlsx the CLI writes", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await planToXlsx(plan)) as unknown as ArrayBuffer);
    const found: TextCell[] = [];
    for (const ws of wb.worksheets) {
      found.push({ where: `${ws.name} (tab)`, text: ws.name });
      const idCols = new Set<number>();
      ws.eachRow((row) =>
        row.eachCell((cell, col) => {
          if (cell.value === t("sheet.col.id", "zh")) idCols.add(col);
        }),
      );
      ws.eachRow((row, r) =>
        row.eachCell((cell, col) => {
          const v = cell.value;
          const where = `'${ws.name}'!${cell.address}`;
          if (typeof v === "string" && !(idCols.has(col) && v !== t("sheet.col.id", "zh")))
            found.push({ where, text: v });
          else if (cell.isMerged && cell.master !== cell) return;
          else if (v && typeof v === "object" && "formula" in v && typeof v.result === "string")
            found.push({ where: `${where} (formula)`, text: v.result });
          else if (v && typeof v === "object" && "formula" in v)
            for (const text of formulaTexts(v.formula ?? "")) found.push({ where: `${where} (formula)`, text });
          else if (typeof v !== "number" && v !== null && !(v instanceof Date) && !idCols.has(col))
            found.push({ where: `${where} (row ${r})`, text: JSON.stringify(v) });
        }),
      );
    }
    expect(found.length).toBeGreaterThan(500);
    expect(englishOnly(found)).toEqual([]);
  });
});

describe("the English edition", () => {
  it("holds no Chinese in its text cells", () => {
    const cells = planTexts(buildPlan({ lang: "en" }), "en");
    expect(cells.filter((c) => CJK.test(c.text)).map((c) => `${c.where}: ${c.text}`)).toEqual([]);
  });
});
