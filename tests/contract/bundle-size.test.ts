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
  it("keeps functions.js under 160 KB (40 KB gzip): model, baseline and mathjs's round", () => {
    expect(size("functions.js")).toBeLessThan(160_000);
    expect(gzip("functions.js")).toBeLessThan(40_000);
  });
  it("keeps taskpane.js under 250 KB, so exceljs has not slipped into the browser", () => {
    expect(size("taskpane.js")).toBeLessThan(250_000);
  });
  it("keeps commands.js tiny", () => expect(size("commands.js")).toBeLessThan(2_000));
});
