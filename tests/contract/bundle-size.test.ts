/**
 * Deterministic budgets on the production bundles: the custom functions load with every Excel
 * session, so their size is watched; exceljs (about 1 MB) must never reach the browser bundles.
 */
import { readFileSync, statSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { DIST, ensureBuilt } from "./bundle";

beforeAll(ensureBuilt);

const size = (f: string) => statSync(join(DIST, f)).size;
const gzip = (f: string) => gzipSync(readFileSync(join(DIST, f))).length;

describe("bundle budgets", () => {
  // issue 12 made the baseline bilingual (Chinese locators, notes, periods, check explanations): +6.5 KB gzip
  it("keeps functions.js under 160 KB (42 KB gzip): model, baseline in two languages and mathjs's round", () => {
    expect(size("functions.js")).toBeLessThan(160_000);
    expect(gzip("functions.js")).toBeLessThan(42_000);
  });
  it("keeps taskpane.js under 250 KB, so exceljs has not slipped into the browser", () => {
    expect(size("taskpane.js")).toBeLessThan(250_000);
  });
  it("keeps commands.js tiny", () => expect(size("commands.js")).toBeLessThan(2_000));
});
