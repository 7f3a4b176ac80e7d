/**
 * Served in place of https://appsforoffice.microsoft.com/lib/1/hosted/office.js in the browser test:
 * the Office, Excel, OfficeExtension and CustomFunctions globals over a recording FakeWorkbook,
 * configured by `window.__officeDoubleConfig` (set by the test before the page loads) and exposed as
 * `window.__excel` for the test to inspect. Never shipped.
 */
import { FakeOfficeError, FakeWorkbook, type Fault, type SeedCell, type Scalar, fakeSettings } from "./excel-double";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { makeCustomFunctions } = require("../stubs/custom-functions");

export interface OfficeDoubleConfig {
  faults?: Fault[];
  syncDelayMs?: number;
  /** the workbook's sheets before the pane runs (default: one empty Sheet1) */
  sheets?: Record<string, Record<string, Scalar | SeedCell>>;
  displayLanguage?: string;
  /** requirement sets this Excel lacks ("ExcelApi 1.12" …): isSetSupported denies them */
  missingSets?: string[];
  /** what Office.onReady reports as the host: Excel by default, null for a page opened in a plain browser */
  host?: string | null;
}

const w = globalThis as unknown as Record<string, unknown>;
const config = (w.__officeDoubleConfig ?? {}) as OfficeDoubleConfig;
const wb = new FakeWorkbook({ faults: config.faults, syncDelayMs: config.syncDelayMs });
for (const [name, cells] of Object.entries(config.sheets ?? { Sheet1: {} })) wb.addSheet(name, cells);
w.__excel = wb;

w.Excel = { run: wb.run };
w.OfficeExtension = { Error: FakeOfficeError };

// the same stand-in for Excel's CustomFunctions runtime as the unit and contract tests use
w.CustomFunctions = makeCustomFunctions();

const info = { host: config.host === undefined ? "Excel" : config.host, platform: "OfficeOnline" };
w.Office = {
  HostType: { Excel: "Excel" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  context: {
    displayLanguage: config.displayLanguage ?? "en-US",
    document: { settings: fakeSettings(wb) },
    requirements: {
      isSetSupported: (name: string, version?: string) => !(config.missingSets ?? []).includes(`${name} ${version}`),
    },
  },
  onReady(callback?: (i: typeof info) => void) {
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0),
    );
  },
};
