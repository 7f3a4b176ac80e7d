/**
 * The Office adapter when the workbook changes under it, as it does for real users: a user or a
 * co-author adds a sheet or a name between the insert's read and its write, two inserts run at once,
 * a write stops between two of its operations, and the undo itself fails at any point. What must
 * hold: nothing this run did not write is deleted or changed, and the report says what was left.
 */
import { MARK_KEY, parseMark } from "../../src/workbook/marks";
import { applyPlan } from "../../src/workbook/office";
import { INDEX_SETTING } from "../../src/workbook/sheet-index";
import type { FakeWorkbook } from "../browser/excel-double";
import { MANY, manyPlan, userVisible, wire } from "./office-fixtures";

const PLAN_SHEETS = MANY + 2; // about, the table sheets, checks

/** Sheets a run still has in the workbook: its temporary tabs, or its mark. */
const leftovers = (wb: FakeWorkbook, runId: string) =>
  wb.sheets.filter((s) => s.name.startsWith(`~cew ${runId} `) || parseMark(s.mark(MARK_KEY))?.r === runId);

describe("a change made between the read and the write", () => {
  it("a sheet the user adds meanwhile under a name the insert wanted survives with its contents; the insert runs again beside it", async () => {
    const { wb } = wire();
    wb.beforeSync = (n, w) => {
      if (n === 2) w.addSheet("Table 5", { A1: "my table 5", C3: 42 });
    };
    const report = await applyPlan(manyPlan(), { runId: "runa" });
    expect(report.ok).toBe(true);
    expect(report.attempts).toBe(2);
    // the user's sheet: same contents, no mark, no table of the add-in
    const mine = wb.sheet("Table 5");
    expect(mine.contents()).toEqual({ A1: "my table 5", C3: 42 });
    expect(mine.mark(MARK_KEY)).toBeUndefined();
    expect(mine.tables).toEqual([]);
    // the add-in's sheet took a free name; nothing of the first attempt is left
    expect(report.sheets.find((s) => s.key === "table_5")).toMatchObject({ name: "Table 5 (2)", outcome: "created" });
    expect(leftovers(wb, "runa")).toEqual([]);
    expect(wb.sheets.filter((s) => s.name.startsWith("~cew")).length).toBe(0);
    expect(wb.sheets).toHaveLength(1 + 1 + PLAN_SHEETS); // Sheet1, the user's Table 5, the plan
    expect(wb.names.find((n) => n.name === "bl_table_5_2024")!.formula).toBe("='Table 5 (2)'!$B$5");
  });

  it("when the workbook keeps changing, the insert fails without touching what the user made, and says so", async () => {
    const { wb } = wire();
    // before each write: a new sheet under the name the insert is about to give its own
    wb.beforeSync = (n, w) => {
      if (n === 2) w.addSheet("Table 5", { A1: "first" });
      if (n === 2 + 3 + 1 + 1) w.addSheet("Table 5 (2)", { A1: "second" });
    };
    const before = userVisible(wb);
    const report = await applyPlan(manyPlan(), { runId: "runb" });
    expect(report).toMatchObject({ ok: false, attempts: 2, error: { kind: "conflict" } });
    expect(report.cleanup!.complete).toBe(true);
    expect(report.cleanup!.left).toEqual([{ kind: "sheet", name: "Table 5 (2)", reason: "not_ours" }]);
    expect(wb.sheet("Table 5").contents()).toEqual({ A1: "first" });
    expect(wb.sheet("Table 5 (2)").contents()).toEqual({ A1: "second" });
    // everything else as it was: the user's two sheets are the only change
    const after = userVisible(wb);
    expect(after.sheets.filter((s) => !s.name.startsWith("Table 5"))).toEqual(before.sheets);
    expect(after.names).toEqual(before.names);
    expect(leftovers(wb, "runb")).toEqual([]);
    expect(leftovers(wb, "runb2")).toEqual([]);
  });

  it("a name the user adds meanwhile stays the user's: the insert skips it on its second run", async () => {
    const { wb } = wire(undefined, (w) => w.addSheet("Model", { C3: 99 }));
    wb.beforeSync = (n, w) => {
      if (n === 2) w.names.push({ name: "bl_table_3_2024", formula: "=Model!$C$3", comment: "mine" });
    };
    const report = await applyPlan(manyPlan(), { runId: "runc" });
    expect(report.ok).toBe(true);
    expect(report.attempts).toBe(2);
    expect(report.namesSkipped).toContainEqual({ name: "bl_table_3_2024", reason: "taken" });
    expect(wb.names.filter((n) => n.name === "bl_table_3_2024")).toEqual([
      { name: "bl_table_3_2024", formula: "=Model!$C$3", comment: "mine" },
    ]);
    expect(wb.sheet("Model").contents()).toEqual({ C3: 99 });
  });

  it("a write that stops between adding a sheet and marking it leaves no sheet behind", async () => {
    const probe = wire();
    await applyPlan(manyPlan(), { runId: "rund" });
    const ops = probe.wb.batches.get(2)!;
    const firstAdd = ops.findIndex((w) => w.startsWith("worksheets.add("));
    expect(ops[firstAdd + 1]).toBe(`customProperties.add(${MARK_KEY})`);

    // stop right after the add: the new sheet exists under its temporary name, without a mark
    const { wb } = wire({ faults: [{ sync: 2, afterOps: firstAdd + 1 }] });
    const before = userVisible(wb);
    const report = await applyPlan(manyPlan(), { runId: "rund" });
    expect(report).toMatchObject({ ok: false, error: { kind: "write_failed" }, cleanup: { complete: true } });
    expect(report.cleanup!.deleted).toEqual(["~cew rund 1"]);
    expect(userVisible(wb)).toEqual(before);
  });
});

/** The adapter as a second session loads it: its own module state, the same workbook. */
function secondSession(): typeof import("../../src/workbook/office") {
  let mod: typeof import("../../src/workbook/office") | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    mod = require("../../src/workbook/office");
  });
  return mod!;
}

describe("two inserts at once", () => {
  it("started together in one session, they run one after the other: the second finds the first's sheets", async () => {
    const { wb } = wire({ syncDelayMs: 2 });
    const [a, b] = await Promise.all([
      applyPlan(manyPlan(), { runId: "aaaa" }),
      applyPlan(manyPlan(), { runId: "bbbb" }),
    ]);
    expect(a).toMatchObject({ ok: true, attempts: 1, syncs: 3 });
    expect(b).toMatchObject({ ok: true, attempts: 1, syncs: 3 });
    expect(b.sheets.every((s) => s.outcome === "unchanged")).toBe(true);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", ...a.sheets.map((s) => s.name)]);
  });

  it("from two sessions into an empty workbook: one writes, the other undoes its own and then finds the sheets there", async () => {
    const { wb } = wire({ syncDelayMs: 2 });
    const other = secondSession();
    const [a, b] = await Promise.all([
      applyPlan(manyPlan(), { runId: "aaaa" }),
      other.applyPlan(manyPlan(), { runId: "bbbb" }),
    ]);
    expect(a.ok).toBe(true);
    expect(b.ok).toBe(true);
    const [first, second] = a.attempts === 1 ? [a, b] : [b, a];
    expect(first.attempts).toBe(1);
    expect(second.attempts).toBe(2);
    expect(second.sheets.every((s) => s.outcome === "unchanged")).toBe(true);
    expect(second.sheets.map((s) => s.id)).toEqual(first.sheets.map((s) => s.id));
    // one set of sheets, no copies, no temporary tabs; every name once, on the sheets that stayed
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", ...first.sheets.map((s) => s.name)]);
    expect(wb.names).toHaveLength(MANY);
    for (const n of wb.names) expect(n.formula).not.toContain("#REF!");
    // the document's index lists exactly the sheets there are
    expect(wb.settings.get(INDEX_SETTING)).toEqual(first.sheets.map((s) => ({ id: s.id, key: s.key })));
  });

  it("refreshing from two sessions at once: the workbook ends consistent and the index true", async () => {
    const { wb } = wire({ syncDelayMs: 2 });
    const start = await applyPlan(manyPlan(), { runId: "init" });
    const other = secondSession();
    const [a, b] = await Promise.all([
      applyPlan(manyPlan({ value: 30 }), { runId: "cccc" }),
      other.applyPlan(manyPlan({ value: 30 }), { runId: "dddd" }),
    ]);
    expect([a.ok, b.ok]).toEqual([true, true]);
    expect(wb.sheets.map((s) => s.id)).toEqual([wb.sheet("Sheet1").id, ...start.sheets.map((s) => s.id)]);
    expect(wb.sheet("China revenue").formula("B5")).toBe(30);
    const ids = (wb.settings.get(INDEX_SETTING) as { id: string }[]).map((e) => e.id).sort();
    expect(ids).toEqual(start.sheets.map((s) => s.id).sort());
    // consistent: every mark matches what its sheet holds, so the next insert finds nothing to do
    const next = await applyPlan(manyPlan({ value: 30 }), { runId: "eeee" });
    expect(next.sheets.map((s) => s.outcome)).toEqual(next.sheets.map(() => "unchanged"));
  });

  it("a co-author's finished insert arriving between this insert's read and write: nothing of theirs is deleted", async () => {
    // the co-author's workbook after their insert, with their own document settings
    const theirs = wire();
    await applyPlan(manyPlan(), { runId: "ffff" });
    const { wb } = wire();
    wb.beforeSync = (n, w) => {
      if (n !== 2) return;
      for (const sheet of theirs.wb.sheets.filter((x) => x.name !== "Sheet1")) {
        const copy = w.addSheet(sheet.name);
        for (const [k, c] of sheet.cells) copy.cells.set(k, { ...c });
        for (const [k, v] of sheet.props) copy.props.set(k, { ...v });
        copy.tables = sheet.tables.map((t) => ({ ...t }));
        copy.charts = sheet.charts.map((c) => ({ ...c }));
      }
      w.names.push(...theirs.wb.names.map((x) => ({ ...x })));
    };
    const report = await applyPlan(manyPlan(), { runId: "gggg" });
    // their sheets and names: all there, with their contents, marked as theirs
    const theirSheets = wb.sheets.filter((s) => parseMark(s.mark(MARK_KEY))?.r === "ffff");
    expect(theirSheets.map((s) => s.name)).toEqual(
      theirs.wb.sheets.filter((x) => x.name !== "Sheet1").map((x) => x.name),
    );
    for (const s of theirSheets) expect(s.contents()).toEqual(theirs.wb.sheet(s.name).contents());
    for (const n of theirs.wb.names) expect(wb.names).toContainEqual(n);
    // this insert's first attempt left nothing; its second, not knowing their sheets, wrote beside them
    expect(leftovers(wb, "gggg")).toEqual([]);
    expect(report).toMatchObject({ ok: true, attempts: 2 });
    expect(report.sheets.every((s) => s.outcome === "created" && / \(2\)$/.test(s.name))).toBe(true);
  });
});

describe("a fault at every point of the undo", () => {
  /** The syncs of one undo pass after a write that failed at sync 2: look (3, 4), act (5). */
  const UNDO_SYNCS = [3, 4, 5];

  /** The number of operations in sync `n` of an undo after a write that stopped after `afterOps`. */
  async function opsOf(n: number, afterOps: number): Promise<number> {
    const probe = wire({ faults: [{ sync: 2, afterOps }] });
    await applyPlan(manyPlan(), { runId: "hhhh" });
    return probe.wb.batches.get(n)!.length;
  }

  const POINTS: readonly (number | "half" | "last")[] = [0, 1, "half", "last"];
  it.each(UNDO_SYNCS.flatMap((n) => POINTS.map((at) => [n, at] as const)))(
    "one failure at sync %s after %s operations: the second pass finishes the undo",
    async (n, at) => {
      const afterWrite = 200; // the write stopped once a few sheets were added and partly written
      const total = await opsOf(n, afterWrite);
      const afterOps = at === "half" ? Math.floor(total / 2) : at === "last" ? Math.max(0, total - 1) : at;
      const { wb } = wire({
        faults: [
          { sync: 2, afterOps: afterWrite },
          { sync: n, afterOps },
        ],
      });
      const before = userVisible(wb);
      const report = await applyPlan(manyPlan(), { runId: "hhhh" });
      expect(report).toMatchObject({ ok: false, error: { kind: "write_failed" }, cleanup: { complete: true } });
      expect(userVisible(wb)).toEqual(before);
    },
  );

  it.each(["half", "last"] as const)(
    "both passes fail when acting (after %s of their operations): the report lists exactly the sheets left",
    async (at) => {
      const afterWrite = 200;
      const total = await opsOf(5, afterWrite);
      const afterOps = at === "half" ? Math.floor(total / 2) : total - 1;
      const { wb } = wire({
        faults: [
          { sync: 2, afterOps: afterWrite },
          { sync: 5, afterOps },
          { sync: 8, afterOps: 0 },
        ],
      });
      const report = await applyPlan(manyPlan(), { runId: "iiii" });
      expect(report.error!.kind).toBe("cleanup_incomplete");
      const left = leftovers(wb, "iiii").map((s) => ({ kind: "sheet", name: s.name, reason: "not_removed" }));
      expect(report.cleanup!.left).toEqual(left);
      expect(report.cleanup!.complete).toBe(left.length === 0);
      expect(wb.sheet("Sheet1").contents()).toEqual({ A1: "my own notes" });
    },
  );

  it("when Excel cannot even be asked, every sheet and name of the run is named as unverified", async () => {
    const { wb } = wire({ faults: [{ sync: 2, afterOps: 200 }, { sync: 3 }, { sync: 4 }, { sync: 5 }] });
    const report = await applyPlan(manyPlan(), { runId: "jjjj" });
    expect(report.error!.kind).toBe("cleanup_incomplete");
    expect(report.cleanup!.left.length).toBe(PLAN_SHEETS + MANY);
    expect(report.cleanup!.left.every((l) => l.reason === "unverified")).toBe(true);
    expect(wb.sheet("Sheet1").contents()).toEqual({ A1: "my own notes" });
  });
});
