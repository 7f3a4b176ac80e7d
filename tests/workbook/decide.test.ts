/**
 * The pure decision of an insert, on plain data (no Office double): what happens to each sheet of
 * the plan and each workbook name, given what the read found.
 */
import { decide, type OwnSheetState, type WorkbookState } from "../../src/workbook/decide";
import { addinCells } from "../../src/workbook/arrays";
import { contentFingerprint, markValue, parseMark, planFingerprint } from "../../src/workbook/marks";
import type { SheetPlan } from "../../src/workbook/types";
import { manyPlan, smallPlan, tableSheet } from "./office-fixtures";

const empty: WorkbookState = {
  structureProtected: false,
  sheets: [{ id: "s1", name: "Sheet1" }],
  tableNames: [],
  names: [],
  own: [],
  gone: [],
};

/** An own sheet as the read finds it: written from `plan` under `name`, edited or not. */
function own(
  plan: SheetPlan,
  name: string,
  opts: { id?: string; edited?: boolean; protectedSheet?: boolean; planHash?: string } = {},
): OwnSheetState {
  const value = markValue(
    { plan, planHash: opts.planHash ?? planFingerprint(plan), name, tableNames: plan.tables.map((t) => t.name) },
    "f00d",
    "old1",
  );
  return {
    id: opts.id ?? `id-${plan.key}`,
    name,
    position: 1,
    tabColor: "#1F3864",
    visible: true,
    protected: opts.protectedSheet ?? false,
    mark: parseMark(value)!,
    markValue: value,
    tables: plan.tables.map((t) => ({ name: t.name, style: t.style })),
    charts: [],
    allCharts: [],
    comments: 0,
    fingerprint: opts.edited ? "beef" : "f00d",
  };
}

const withOwn = (...sheets: OwnSheetState[]): WorkbookState => ({
  ...empty,
  sheets: [...empty.sheets, ...sheets.map((s) => ({ id: s.id, name: s.name }))],
  tableNames: sheets.flatMap((s) => s.tables.map((t) => t.name)),
  own: sheets,
});

describe("deciding what to write", () => {
  it("creates every sheet of the plan in a workbook without its sheets, each under a temporary name of the run", () => {
    const d = decide(manyPlan(), empty, "r1");
    expect(d.error).toBeUndefined();
    expect(d.tasks.map((t) => t.outcome)).toEqual(d.tasks.map(() => "created"));
    expect(d.tasks.map((t) => t.tempName)).toEqual(d.tasks.map((_, i) => `~cew r1 ${i + 1}`));
    // formulas name the other new sheets as they are called while written: by their temporary names
    const about = d.tasks[0];
    expect(about.arrays[1].formulas[0][1]).toBe("='~cew r1 2'!B5");
    expect(d.names.map((n) => n.formula)[0]).toBe("='China revenue'!$B$5");
  });

  it("never targets a sheet of the plan's name that is not its own: the new one gets a free name", () => {
    const state = { ...empty, sheets: [...empty.sheets, { id: "u", name: "china REVENUE" }] };
    const d = decide(smallPlan(), state, "r1");
    expect(d.tasks[0]).toMatchObject({ outcome: "created", name: "China revenue (2)" });
    expect(d.tasks[0].target).toBeUndefined();
  });

  it("leaves an own sheet written from the same plan unchanged, and refreshes one written from another", () => {
    const plan = smallPlan();
    const same = decide(plan, withOwn(own(plan.sheets[0], "China revenue")), "r1");
    expect(same.tasks[0]).toMatchObject({ outcome: "unchanged", name: "China revenue" });
    const other = decide(smallPlan(20), withOwn(own(plan.sheets[0], "China revenue")), "r1");
    expect(other.tasks[0]).toMatchObject({ outcome: "refreshed", name: "China revenue" });
    expect(other.tasks[0].tempName).toBeUndefined();
    // the refreshed sheet's own table name is free again
    expect(other.tasks[0].tableNames).toEqual(["tbl_china_revenue"]);
  });

  it("brings a record sheet the user changed back to the plan in place, keeping the changes in a copy beside it", () => {
    const plan = smallPlan();
    const edited = own(plan.sheets[0], "China revenue", { edited: true });
    const state: WorkbookState = {
      ...withOwn(edited),
      names: [{ name: "bl_china_revenue_2024", formula: "='China revenue'!$B$5", comment: "" }],
    };
    const d = decide(plan, state, "r1");
    expect(d.tasks[0]).toMatchObject({
      outcome: "reset",
      name: "China revenue",
      target: edited,
      copyName: "China revenue (edited)",
    });
    expect(d.tasks[0].tableNames).toEqual(["tbl_china_revenue"]);
    // the names stay on the record
    expect(d.names.map((n) => [n.name, n.formula])).toEqual([["bl_china_revenue_2024", "='China revenue'!$B$5"]]);
    // a copy name already taken gets the next free one
    const taken = { ...state, sheets: [...state.sheets, { id: "u", name: "China revenue (edited)" }] };
    expect(decide(plan, taken, "r1").tasks[0].copyName).toBe("China revenue (edited) (2)");
  });

  it("refreshes a case in place without writing its inputs, and leaves one changed outside its inputs as it is", () => {
    const base = smallPlan();
    const casePlan: typeof base = {
      ...base,
      sheets: [{ ...base.sheets[0], key: "case_x", owner: "case", inputs: ["B4:B5"] }],
      names: [{ name: "case_x_revenue", sheetKey: "case_x", address: "B5", comment: "" }],
    };
    // what the add-in wrote, then the user changed an input (B5: 17.1 → 99)
    const written = [
      ["Case"],
      [""],
      ["Item", "Value", "Unit", "Period"],
      ["Revenue 2023", 10.3, "USD bn", "2023"],
      ["Revenue 2024", 99, "USD bn", "2024"],
      ["Growth", "=B5/B4-1", "%", "2024"],
    ];
    const sheetPlan = casePlan.sheets[0];
    const fp = contentFingerprint("A1:D6", written, new Map(), addinCells(sheetPlan));
    const value = markValue(
      { plan: sheetPlan, planHash: "old", name: "Case X", tableNames: ["tbl_case_x"] },
      fp,
      "old1",
    );
    const caseSheet: OwnSheetState = {
      ...own(sheetPlan, "Case X"),
      mark: parseMark(value)!,
      markValue: value,
      usedAddress: "A1:D6",
      formulas: written,
    };
    const d = decide(casePlan, withOwn(caseSheet), "r1");
    expect(d.tasks[0]).toMatchObject({ outcome: "refreshed", target: caseSheet });
    // the inputs are left alone: null in the arrays, values and formats both
    const rows = d.tasks[0].arrays[2];
    expect(rows.address).toBe("A4:D5");
    expect(rows.formulas.map((r) => r[1])).toEqual([null, null]);
    expect(rows.formatsBefore!.map((r) => r[1])).toEqual([null, null]);
    expect(d.names.map((n) => n.name)).toEqual(["case_x_revenue"]);

    // the user changed a label, which is the add-in's part: the case is left as it is, its names too
    const relabelled = { ...caseSheet, formulas: written.map((r, i) => (i === 3 ? ["My revenue", ...r.slice(1)] : r)) };
    const k = decide(casePlan, withOwn(relabelled), "r1");
    expect(k.tasks).toEqual([]);
    expect(k.kept).toEqual([{ key: "case_x", name: "Case X", id: caseSheet.id }]);
    expect(k.names).toEqual([]);
    expect(k.skipped).toEqual([{ name: "case_x_revenue", reason: "sheet_not_inserted" }]);
  });

  it("re-points a name of its own, and skips a name the user made or a table holds", () => {
    const plan = manyPlan();
    const cr = own(plan.sheets[1], "China revenue");
    const state: WorkbookState = {
      ...withOwn(cr),
      names: [
        { name: "bl_china_revenue_2024", formula: "='China revenue'!$B$9", comment: "old" },
        { name: "bl_table_1_2024", formula: "=Model!$C$3", comment: "mine" },
      ],
      tableNames: [...withOwn(cr).tableNames, "bl_table_2_2024"],
    };
    const d = decide(plan, state, "r1");
    expect(d.names.find((n) => n.name === "bl_china_revenue_2024")).toMatchObject({
      formula: "='China revenue'!$B$5",
      existing: { formula: "='China revenue'!$B$9" },
    });
    expect(d.skipped).toEqual(
      expect.arrayContaining([
        { name: "bl_table_1_2024", reason: "taken" },
        { name: "bl_table_2_2024", reason: "taken" },
      ]),
    );
  });

  it("follows a language switch by renaming its own sheet, unless the user renamed it or the name is taken", () => {
    const plan = smallPlan();
    const zh: typeof plan = { ...plan, sheets: [{ ...plan.sheets[0], name: "中国区营收" }] };
    expect(decide(zh, withOwn(own(plan.sheets[0], "China revenue")), "r1").tasks[0].name).toBe("中国区营收");
    const renamed = { ...own(plan.sheets[0], "China revenue"), name: "CN rev" };
    expect(decide(zh, withOwn(renamed), "r1").tasks[0].name).toBe("CN rev");
    const taken = withOwn(own(plan.sheets[0], "China revenue"));
    const blocked = { ...taken, sheets: [...taken.sheets, { id: "u", name: "中国区营收" }] };
    expect(decide(zh, blocked, "r1").tasks[0].name).toBe("China revenue");
  });

  it("refuses a protected own sheet, and a protected structure when a sheet must be added", () => {
    const plan = smallPlan();
    const locked = decide(smallPlan(20), withOwn(own(plan.sheets[0], "China revenue", { protectedSheet: true })), "r1");
    expect(locked.error).toMatchObject({ kind: "sheet_protected", sheet: "China revenue" });
    expect(decide(plan, { ...empty, structureProtected: true }, "r1").error).toMatchObject({
      kind: "workbook_protected",
    });
    // refreshing in place needs no structural change
    const refresh = decide(
      smallPlan(20),
      { ...withOwn(own(plan.sheets[0], "China revenue")), structureProtected: true },
      "r1",
    );
    expect(refresh.error).toBeUndefined();
  });

  it("stops on a formula that names a sheet the plan lacks, before anything is written", () => {
    const bad = {
      sheets: [{ ...tableSheet("x", "X"), blocks: [{ address: "A1", cells: [[{ formula: "={{nowhere}}!A1" }]] }] }],
      names: [],
    };
    expect(decide(bad, empty, "r1").error).toMatchObject({ kind: "invalid_plan" });
  });
});
