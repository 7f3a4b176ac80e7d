/**
 * The requirement sets the pane checks are the manifest's, and what it makes of an Excel lacking some.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { XMLParser } from "fast-xml-parser";
import { REQUIREMENT_SETS, actionsAvailable, missingSets } from "../../src/taskpane/requirements";
import { environmentText } from "../../src/taskpane/view";

describe("the requirement sets", () => {
  it("are the ones manifest.xml declares, at the same versions", () => {
    const xml = fs.readFileSync(path.join(__dirname, "..", "..", "manifest.xml"), "utf8");
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === "Set" }).parse(xml);
    const sets = (parsed.OfficeApp.Requirements.Sets.Set as Record<string, string>[]).map((s) => ({
      name: s["@_Name"],
      version: s["@_MinVersion"],
    }));
    expect(REQUIREMENT_SETS).toEqual(sets);
  });

  it("names each set an Excel denies, and keeps the workbook actions off only without the Excel API", () => {
    const missing = missingSets((name) => name !== "ExcelApi" && name !== "SharedRuntime");
    expect(missing).toEqual(["SharedRuntime 1.1", "ExcelApi 1.12"]);
    expect(actionsAvailable({ inExcel: true, missing })).toBe(false);
    expect(actionsAvailable({ inExcel: true, missing: ["CustomFunctionsRuntime 1.2"] })).toBe(true);
    expect(actionsAvailable({ inExcel: false, missing: [] })).toBe(false);
    expect(environmentText({ inExcel: true, missing }, "zh")?.text).toBe(
      "缺少的要求集：SharedRuntime 1.1、ExcelApi 1.12。请使用 Windows 或 macOS 版 Microsoft 365，或 Excel 网页版。",
    );
    expect(environmentText({ inExcel: true, missing: [] }, "en")).toBeUndefined();
  });
});
