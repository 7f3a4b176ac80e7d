/**
 * What the pane says: plain words for every outcome and error, in both languages, from strings.ts.
 */
import * as fs from "fs";
import * as path from "path";
import { TABLE_SUMMARIES } from "../../src/baseline";
import { STRINGS } from "../../src/i18n/strings";
import {
  cleanupNotes,
  confirmText,
  convertText,
  initialLang,
  insertErrorText,
  nameNotes,
  outcomeText,
  progressText,
  replaceLabel,
  sharingNotes,
} from "../../src/taskpane/view";
import type { InsertErrorKind, InsertReport } from "../../src/workbook/report";

const langs = ["en", "zh"] as const;
const failed = (kind: InsertErrorKind, sheet?: string): InsertReport => ({
  ok: false,
  sheets: [],
  namesWritten: 0,
  namesSkipped: [],
  syncs: 1,
  attempts: 1,
  error: { kind, sheet, detail: "x" },
});

describe("the pane's words", () => {
  it("has every pane string in English and Simplified Chinese", () => {
    const pane = Object.entries(STRINGS).filter(([k]) => k.startsWith("pane."));
    expect(pane.length).toBeGreaterThan(40);
    for (const [, v] of pane) {
      expect((v as { en: string }).en.trim()).not.toBe("");
      expect((v as { zh: string }).zh.trim()).not.toBe("");
    }
  });

  it("writes no user-visible text into taskpane.html: every element's words come from strings.ts", () => {
    const html = fs.readFileSync(path.join(__dirname, "../../src/taskpane/taskpane.html"), "utf8");
    const body = html.slice(html.indexOf("<body>"), html.indexOf("</body>"));
    const text = body
      .replace(/<!--[\s\S]*?-->/g, "")
      .replace(/<[^>]+>/g, "")
      .trim();
    expect(text).toBe("");
    for (const m of body.matchAll(/data-i18n="([^"]+)"/g)) expect(STRINGS).toHaveProperty([m[1]]);
  });

  it("names an error in plain words for each kind, the sheet included", () => {
    const kinds: InsertErrorKind[] = [
      "not_supported",
      "cell_edit_mode",
      "workbook_protected",
      "sheet_protected",
      "read_failed",
      "conflict",
      "write_failed",
      "cleanup_incomplete",
      "invalid_plan",
    ];
    for (const lang of langs) {
      for (const kind of kinds) {
        const text = insertErrorText(failed(kind, "China revenue"), lang)!;
        expect(text).toBeTruthy();
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
    expect(insertErrorText(failed("sheet_protected", "China revenue"), "en")).toContain("“China revenue” is protected");
    expect(insertErrorText(failed("write_failed"), "en")).toMatch(/undone/);
  });

  it("lists what an undo left, and why, in both languages", () => {
    const report: InsertReport = {
      ...failed("cleanup_incomplete"),
      cleanup: {
        deleted: [],
        restored: [],
        namesDeleted: [],
        namesRestored: [],
        complete: false,
        left: [
          { kind: "sheet", name: "~cew ab12cd34 3", reason: "not_removed" },
          { kind: "sheet", name: "China revenue", reason: "not_restored" },
          { kind: "name", name: "bl_x", reason: "unverified" },
          { kind: "sheet", name: "Table 5", reason: "not_ours" },
          { kind: "name", name: "bl_y", reason: "changed_since" },
        ],
      },
    };
    expect(cleanupNotes(report, "en")).toEqual([
      "Sheet “~cew ab12cd34 3”: written by this attempt and could not be removed; delete it if you do not need it.",
      "Sheet “China revenue”: the add-in's own, could not be put back as it was; insert again to rewrite it.",
      "Name bl_x: Excel could not be asked whether this attempt left it; check it.",
      "Sheet “Table 5”: made by someone else meanwhile; left alone.",
      "Name bl_y: changed by someone else meanwhile; left as they left it.",
    ]);
    for (const line of cleanupNotes(report, "zh")) expect(line).toMatch(/[\u4e00-\u9fff]/);
    expect(cleanupNotes(failed("write_failed"), "en")).toEqual([]);
  });

  it("says what happened to each sheet", () => {
    const r = {
      key: "k",
      name: "China revenue",
      id: "1",
      outcome: "reset" as const,
      copy: "China revenue (edited)",
    };
    expect(outcomeText(r, "en")).toBe("Back to the article; your changes are kept in “China revenue (edited)”");
    expect(outcomeText({ ...r, outcome: "kept" }, "en")).toBe("Left as it is: you changed it outside its inputs");
    expect(outcomeText({ ...r, outcome: "created" }, "zh")).toBe("新建");
    expect(progressText("writing", 9, "en")).toBe("Writing 9 sheets…");
  });

  it("tells which names were left alone, and not those of sheets not inserted", () => {
    const report: InsertReport = {
      ok: true,
      sheets: [],
      namesWritten: 3,
      syncs: 3,
      attempts: 1,
      namesSkipped: [
        { name: "bl_a", reason: "taken" },
        { name: "bl_b", reason: "taken" },
        { name: "bl_c", reason: "sheet_not_inserted" },
      ],
    };
    expect(nameNotes(report, "en")).toEqual(["Names not created because the workbook already uses them: bl_a, bl_b"]);
    expect(nameNotes(report, "zh")).toEqual(["以下名称已被本工作簿使用，未创建：bl_a、bl_b"]);
  });

  it("asks before converting, with the count per sheet, and reports what changed", () => {
    const scan = {
      ok: true,
      formulas: 12,
      sheets: [
        { sheet: "Model", cells: 10 },
        { sheet: "Risk", cells: 2 },
      ],
      protectedSheets: ["Locked"],
      pending: 1,
      targets: [],
      syncs: 2,
    };
    expect(confirmText(scan, "en")).toMatch(/^12 formulas \(Model: 10, Risk: 2\) will become fixed values/);
    expect(confirmText({ ...scan, formulas: 1, sheets: [{ sheet: "Model", cells: 1 }] }, "en")).toMatch(
      /^1 formula \(Model: 1\) will become a fixed value/,
    );
    expect(confirmText({ ...scan, formulas: 0, sheets: [] }, "en")).toBe("No EXPOSURE formulas here: nothing to do.");
    expect(replaceLabel(12, "en")).toBe("Replace 12 formulas");
    expect(replaceLabel(1, "zh")).toBe("替换 1 个公式");
    expect(sharingNotes(scan, "en")).toEqual([
      "Protected sheets were left alone: Locked.",
      "1 formula was still calculating and was left as it is; try again when it shows a value.",
    ]);
    const done = {
      ok: true,
      formulas: 12,
      cells: 16,
      sheets: [{ sheet: "Model", cells: 14 }],
      protectedSheets: [],
      pending: 0,
      skipped: [],
      syncs: 3,
    };
    expect(convertText(done, "en")).toBe("Replaced 12 formulas by their values (16 cells): Model: 14.");
    const skipped = [
      { sheet: "Model", address: "C1", reason: "changed" as const },
      { sheet: "Old sheet", address: "B2", reason: "gone" as const },
    ];
    expect(sharingNotes({ ...done, skipped }, "en")).toEqual([
      "Left as they are, because they changed (or their sheet went) after Find: Model!C1, 'Old sheet'!B2.",
    ]);
    expect(
      convertText({ ...done, ok: false, error: { kind: "write_failed", detail: "" }, restored: true }, "en"),
    ).toMatch(/put back/);
    expect(
      convertText({ ...done, ok: false, error: { kind: "write_failed", detail: "" }, restored: false }, "en"),
    ).toMatch(/could not be put back/);
  });

  it("starts in the saved language, else in Office's", () => {
    expect(initialLang("zh", "en-US")).toBe("zh");
    expect(initialLang(null, "zh-CN")).toBe("zh");
    expect(initialLang(undefined, "fr-FR")).toBe("en");
  });

  it("has a title and a one-line description for each baseline table, in both languages", () => {
    for (const table of TABLE_SUMMARIES) {
      for (const s of [table.title, table.title_zh, table.description, table.description_zh]) {
        expect(s.trim()).not.toBe("");
        expect(s).not.toContain("\n");
      }
    }
  });
});
