import { FACTS, DERIVED, TABLES, CHECKS, SCENARIOS_ID, derivedValue, factById, statusText } from "../../src/baseline";
import { evaluateDerivation, isExposureError } from "../../src/model";
import { numberFormat } from "../../src/baseline";
import { buildPlan, cellName, CHART_SPECS, HEADER_ROW, withDependencies } from "../../src/workbook/plan";
import { columnLetters, parseCell, referencedSheetKeys, resolveSheetRefs } from "../../src/workbook/address";
import type { PlanCell, SheetPlan, WorkbookPlan } from "../../src/workbook/types";

const parse = parseCell;
const letter = columnLetters;

/** Every written cell of a sheet, by address. */
function cellsOf(sheet: SheetPlan): Map<string, PlanCell> {
  const out = new Map<string, PlanCell>();
  for (const b of sheet.blocks) {
    const { col, row } = parse(b.address);
    b.cells.forEach((r, i) =>
      r.forEach((v, j) => {
        const key = `${letter(col + j)}${row + i}`;
        if (out.has(key)) throw new Error(`${sheet.key}!${key} written twice`);
        out.set(key, v);
      }),
    );
  }
  return out;
}

/** Evaluates a plan formula made of + - * / ^ ( ), ROUND(x,d), numbers, cell refs and {{key}}!refs. */
function evaluate(plan: WorkbookPlan, sheetKey: string, formula: string): number {
  const expr = formula
    .slice(1)
    .replace(/\{\{([a-z0-9_]+)\}\}!([A-Z]+\d+)/g, (_, key: string, ref: string) => String(valueAt(plan, key, ref)))
    .replace(/\b([A-Z]+\d+)\b/g, (_, ref: string) => String(valueAt(plan, sheetKey, ref)))
    .replace(/\bROUND\(/g, "round(")
    .replace(/\^/g, "**");
  if (!/^(?:[-+*/().,\deE\s]|round)+$/.test(expr)) throw new Error(`unexpected formula ${formula} → ${expr}`);
  // Excel's ROUND: halves away from zero
  const round = (x: number, d: number) => (Math.sign(x) * Math.round(Math.abs(x) * 10 ** d)) / 10 ** d;
  return Function("round", `"use strict"; return (${expr});`)(round) as number;
}

function valueAt(plan: WorkbookPlan, sheetKey: string, ref: string): number {
  const sheet = plan.sheets.find((s) => s.key === sheetKey)!;
  const v = cellsOf(sheet).get(ref);
  if (typeof v === "number") return v;
  if (v && typeof v === "object") return evaluate(plan, sheetKey, v.formula);
  throw new Error(`${sheetKey}!${ref} holds no number (${JSON.stringify(v)})`);
}

/** The number format a sheet gives a cell. */
function formatAt(sheet: SheetPlan, a1: string): string | undefined {
  const { row, col } = parse(a1);
  for (const b of sheet.blocks) {
    const o = parse(b.address);
    const [r, c] = [row - o.row, col - o.col];
    if (r < 0 || c < 0 || r >= b.cells.length || c >= b.cells[0].length) continue;
    return typeof b.numberFormat === "string" ? b.numberFormat : b.numberFormat?.[r][c];
  }
  return undefined;
}

/** Row of a fact or derived id on its table sheet, found through the id column (H). */
function rowOf(sheet: SheetPlan, id: string): number | undefined {
  for (const [addr, v] of cellsOf(sheet)) if (addr.startsWith("H") && v === id) return parse(addr).row;
  return undefined;
}

/** The record: every table, no case (the cases have their own tests). */
const plan = buildPlan({ cases: [] });
const tableSheets = plan.sheets.filter((s) => TABLES.some((t) => t.id === s.key));

describe("the workbook plan", () => {
  it("has an About sheet, one sheet per table, the scenarios and the checks", () => {
    expect(plan.sheets.map((s) => s.key)).toEqual(["about", ...TABLES.map((t) => t.id), SCENARIOS_ID, "checks"]);
  });

  it("places every fact exactly once, as a typed-in value with its unit", () => {
    const seen = new Map<string, string>();
    for (const sheet of tableSheets) {
      const cells = cellsOf(sheet);
      for (const [addr, v] of cells) {
        if (!addr.startsWith("H") || typeof v !== "string" || !factById(v)) continue;
        expect(seen.has(v)).toBe(false);
        seen.set(v, `${sheet.key}!${addr}`);
        const row = parse(addr).row;
        expect(cells.get(`B${row}`)).toBe(factById(v)!.value);
        expect(cells.get(`C${row}`)).toBe(factById(v)!.unit);
      }
    }
    expect([...seen.keys()].sort()).toEqual(FACTS.map((f) => f.id).sort());
  });

  it("renders every derived figure as a native formula that computes the model's value", () => {
    let checked = 0;
    for (const sheet of tableSheets) {
      const cells = cellsOf(sheet);
      for (const d of DERIVED) {
        const row = rowOf(sheet, d.id);
        if (row === undefined) continue;
        const cell = cells.get(`B${row}`);
        const expected = derivedValue(d.id);
        if (isExposureError(expected)) throw new Error(`${d.id}: ${expected}`);
        // the formula, and the model's value as its result (what a file stores for it)
        expect(cell).toEqual({ formula: expect.stringMatching(/^=/), result: expected });
        expect(evaluate(plan, sheet.key, (cell as { formula: string }).formula)).toBeCloseTo(expected, 9);
        checked++;
      }
    }
    expect(checked).toBe(DERIVED.length);
  });

  it("writes the write-down ratio as =write-down cell / China revenue cell", () => {
    const sheet = plan.sheets.find((s) => s.key === "china_revenue")!;
    const wd = rowOf(sheet, "h20_inventory_write_down")!;
    const rev = rowOf(sheet, "china_revenue_2024")!;
    const ratio = rowOf(sheet, "write_down_share_of_china_revenue")!;
    // 5.5 ÷ 17.1 = 0.3216…
    expect(cellsOf(sheet).get(`B${ratio}`)).toEqual({ formula: `=B${wd}/B${rev}`, result: 5.5 / 17.1 });
  });

  it("never calls a custom function, so the sheets compute for colleagues without the add-in", () => {
    for (const sheet of plan.sheets) {
      for (const [addr, v] of cellsOf(sheet)) {
        if (v && typeof v === "object") expect(`${sheet.key}!${addr} ${v.formula}`).not.toMatch(/EXPOSURE\.|_xldudf_/i);
      }
    }
  });

  it("refers across sheets only to sheets of the plan", () => {
    const keys = new Set(plan.sheets.map((s) => s.key));
    for (const sheet of plan.sheets) {
      for (const v of cellsOf(sheet).values()) {
        if (v && typeof v === "object") for (const k of referencedSheetKeys(v.formula)) expect(keys.has(k)).toBe(true);
      }
    }
  });

  it("gives each check a live status formula that agrees with the baseline's status", () => {
    const sheet = plan.sheets.find((s) => s.key === "checks")!;
    const cells = cellsOf(sheet);
    CHECKS.forEach((c, i) => {
      const row = HEADER_ROW + 1 + i;
      expect(cells.get(`A${row}`)).toBe(c.id);
      const status = cells.get(`F${row}`);
      expect(valueAt(plan, "checks", `B${row}`)).toBeCloseTo(c.statedValue, 12);
      expect(valueAt(plan, "checks", `C${row}`)).toBeCloseTo(c.derivedValue, 12);
      if (c.status === "not_reproducible" || c.status === "different_bases") {
        // the numbers alone do not decide these: the sheet says what the baseline says
        expect([c.id, status]).toEqual([c.id, statusText(c.status, "en")]);
      } else {
        // the IF formula picks the status text; tests/libreoffice recalculates it
        expect([c.id, (status as { formula: string }).formula]).toEqual([
          c.id,
          expect.stringContaining(`"${statusText(c.status, "en")}"`),
        ]);
      }
    });
  });

  it("defines an Excel table over each table sheet's header and rows, named tbl_<id>", () => {
    for (const sheet of tableSheets) {
      const table = TABLES.find((t) => t.id === sheet.key)!;
      expect(sheet.tables).toEqual([
        {
          name: `tbl_${table.id}`,
          range: `A${HEADER_ROW}:H${HEADER_ROW + table.rows.length}`,
          style: expect.any(String),
        },
      ]);
      const cells = cellsOf(sheet);
      for (let col = 1; col <= 8; col++) expect(typeof cells.get(`${letter(col)}${HEADER_ROW}`)).toBe("string");
    }
  });

  it("formats each value by its unit and freezes the header", () => {
    const sheet = plan.sheets.find((s) => s.key === "china_revenue")!;
    expect(formatAt(sheet, `B${rowOf(sheet, "china_revenue_share_2024")}`)).toBe(numberFormat("%", "en"));
    expect(formatAt(sheet, `B${rowOf(sheet, "china_revenue_2024")}`)).toBe("#,##0.0");
    expect(sheet.freezeRows).toBe(HEADER_ROW);
  });

  it("keeps tab names within Excel's rules and unique", () => {
    for (const lang of ["en", "zh"] as const) {
      const names = buildPlan({ lang }).sheets.map((s) => s.name);
      expect(new Set(names).size).toBe(names.length);
      for (const n of names) expect(n).toMatch(/^[^:\\/?*[\]]{1,31}$/);
    }
  });

  it("names every placed figure's cell with a valid, unique workbook name", () => {
    const names = plan.names.map((n) => n.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain(cellName("china_revenue_2024"));
    for (const n of plan.names) {
      expect(n.name).toMatch(/^bl_[a-z0-9_]+$/);
      const sheet = plan.sheets.find((s) => s.key === n.sheetKey)!;
      expect(cellsOf(sheet).get(`H${parse(n.address).row}`)).toBe(n.name.slice(3));
    }
  });

  it("draws every chart of the specs over a block of formulas on its sheet, each with its value stored", () => {
    const charts = plan.sheets.flatMap((s) => s.charts.map((c) => ({ sheet: s, chart: c })));
    expect(charts).toHaveLength(CHART_SPECS.length);
    for (const { sheet, chart } of charts) {
      const [from, to] = chart.source.split(":").map(parse);
      const cells = cellsOf(sheet);
      for (let r = from.row + 1; r <= to.row; r++) {
        for (let c = from.col + 1; c <= to.col; c++) {
          const cell = cells.get(`${letter(c)}${r}`) as { formula: string; result: number };
          expect(cell).toEqual({ formula: expect.any(String), result: expect.any(Number) });
          expect(evaluate(plan, sheet.key, cell.formula)).toBeCloseTo(cell.result, 12);
        }
      }
    }
  });

  it("charts each series as it reads: years as columns or a line, shares of a whole as shares", () => {
    const kinds = Object.fromEntries(plan.sheets.flatMap((s) => s.charts.map((c) => [c.title, c.kind])));
    expect(kinds).toEqual({
      "NVIDIA China revenue (USD bn)": "ColumnClustered",
      "China's share of NVIDIA revenue": "Pie",
      "NVIDIA market value (USD tn)": "ColumnClustered",
      "MindSpore developers (m)": "LineMarkers",
      "PaddlePaddle market share": "ColumnStacked100",
      "Share of ITU AI standard proposals": "ColumnStacked100",
      "US chip-equipment exports to China (USD bn)": "ColumnClustered",
      "China's chip-equipment purchases by source (USD bn)": "Pie",
    });
    // the rest of a whole is a formula: ITU 2020, 1 − 15% − 45% = 40% for everyone else
    const sheet = plan.sheets.find((s) => s.key === "standards_equipment_talent")!;
    const itu = sheet.charts.find((c) => c.kind === "ColumnStacked100")!;
    const [from] = itu.source.split(":").map(parse);
    const others = cellsOf(sheet).get(`${letter(from.col + 3)}${from.row + 1}`) as { result: number };
    expect(others.result).toBeCloseTo(1 - 0.15 - 0.45, 12);
    // China's equipment purchases 2024 from elsewhere: 42 − 3.1 − 42 × 38% = 22.94 bn
    const pie = sheet.charts.find((c) => c.kind === "Pie")!;
    const [top] = pie.source.split(":").map(parse);
    expect((cellsOf(sheet).get(`B${top.row + 3}`) as { result: number }).result).toBeCloseTo(42 - 3.1 - 42 * 0.38, 12);
  });

  it("brings along the tables a selection's formulas need", () => {
    const sel = withDependencies(["market_reaction"]).map((t) => t.id);
    expect(sel).toContain("market_reaction");
    const small = buildPlan({ tables: ["market_reaction"] });
    const keys = new Set(small.sheets.map((s) => s.key));
    for (const sheet of small.sheets) {
      for (const v of cellsOf(sheet).values()) {
        if (v && typeof v === "object") for (const k of referencedSheetKeys(v.formula)) expect(keys.has(k)).toBe(true);
      }
    }
    expect(keys.has(SCENARIOS_ID)).toBe(false);
  });

  it("writes the Chinese edition with Chinese labels and the same formulas", () => {
    const zh = buildPlan({ lang: "zh" });
    const sheet = zh.sheets.find((s) => s.key === "china_revenue")!;
    const row = rowOf(sheet, "china_revenue_2024")!;
    expect(cellsOf(sheet).get(`A${row}`)).toBe(factById("china_revenue_2024")!.label_zh);
    const en = plan.sheets.find((s) => s.key === "china_revenue")!;
    // formulas of numbers; a status and a text quoting figures print words of their language
    const formulas = (s: SheetPlan) =>
      [...cellsOf(s).values()].filter(
        (v) => v && typeof v === "object" && !/"/.test((v as { formula: string }).formula),
      );
    expect(formulas(sheet)).toEqual(formulas(en));
  });

  it("resolves sheet references to quoted tab names", () => {
    expect(resolveSheetRefs("={{china_revenue}}!B7*2", () => "China revenue")).toBe("='China revenue'!B7*2");
    expect(resolveSheetRefs("={{a}}!B1", () => "O'Neil")).toBe("='O''Neil'!B1");
  });

  it("evaluates the same derivations the baseline declares", () => {
    for (const d of DERIVED)
      expect(evaluateDerivation(d.derivation, (id) => factById(id)?.value ?? derivedValue(id))).toEqual(
        derivedValue(d.id),
      );
  });
});

describe("number formats", () => {
  it("never formats a formula cell as text, which would keep Excel from computing it", () => {
    for (const sheet of buildPlan({ cases: [] }).sheets) {
      for (const b of sheet.blocks) {
        b.cells.forEach((r, i) =>
          r.forEach((v, j) => {
            if (!v || typeof v !== "object") return;
            const fmt = typeof b.numberFormat === "string" ? b.numberFormat : b.numberFormat?.[i][j];
            expect(`${sheet.key}!${b.address}[${i}][${j}] ${fmt}`).not.toMatch(/ @$/);
          }),
        );
      }
    }
  });
  it("keeps periods such as 2024 as text", () => {
    const sheet = buildPlan({ cases: [] }).sheets.find((s) => s.key === "china_revenue")!;
    const row = rowOf(sheet, "china_revenue_2024");
    expect(cellsOf(sheet).get(`D${row}`)).toBe("2024");
    expect(formatAt(sheet, `D${row}`)).toBe("@");
  });
});
