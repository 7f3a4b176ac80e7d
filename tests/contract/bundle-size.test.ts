/**
 * Deterministic budgets on the production bundles: the custom functions load with every Excel
 * session, so their size is watched; the baseline data ships once, in functions.js, which the
 * taskpane page loads first (shared runtime) and taskpane.js reuses; no library rides along for
 * one small function (mathjs's statistics ride in functions.js for the simulation, once); exceljs
 * (about 1 MB) never reaches the browser bundles.
 */
import { readFileSync, statSync } from "fs";
import { join } from "path";
import { gzipSync } from "zlib";
import { FACTS } from "../../src/baseline";
import { DIST, ensureBuilt } from "./bundle";

beforeAll(ensureBuilt);

const size = (f: string) => statSync(join(DIST, f)).size;
const text = (f: string) => readFileSync(join(DIST, f), "utf8");
const gzip = (f: string) => gzipSync(readFileSync(join(DIST, f))).length;

describe("bundle budgets", () => {
  // the baseline in two languages (issue 12: Chinese locators, notes, periods, explanations) and the
  // model, with no library
  // …and the case model with its article seeds (issue 9), which the scenario functions evaluate
  // …and sensitivity (issue 10: the risk model and its two functions, 11.0 KB raw, 4.4 KB gzip). The
  // simulation and mathjs load on demand, in simulation.js: every function but SIMULATE_RISK loads
  // without them (118.9 KB raw, 36.9 KB gzip when they moved out)
  it("keeps functions.js under 125 KB (39 KB gzip): model, bilingual baseline and the functions, no library", () => {
    expect(size("functions.js")).toBeLessThan(125_000);
    expect(gzip("functions.js")).toBeLessThan(39_000);
  });

  // the simulation with mathjs's statistics (typed-function, the seeded random, quantileSeq, std,
  // mean: 81.9 KB raw, 25.0 KB gzip measured against a stub of the four imports), fetched once
  it("keeps simulation.js, fetched the first time a simulation runs, under 90 KB (27 KB gzip)", () => {
    expect(size("simulation.js")).toBeLessThan(90_000);
    expect(gzip("simulation.js")).toBeLessThan(27_000);
  });

  // the workbook layer with its ownership-proving undo and the sharing actions (issue 8), the case
  // sheet and its texts in two languages (issue 9), layout, page setup and charts (issue 11), the
  // case's tornado, the simulation sheet, the pane's simulation fold and their texts in two languages
  // (issue 10: 24.4 KB raw, 7.6 KB gzip; no mathjs, which it reuses from functions.js)
  it("keeps taskpane.js under 145 KB (45 KB gzip): the pane and the workbook layer only", () => {
    expect(size("taskpane.js")).toBeLessThan(145_000);
    expect(gzip("taskpane.js")).toBeLessThan(45_000);
  });

  it("ships the baseline once: every fact's label is in functions.js and none is in taskpane.js", () => {
    const functions = text("functions.js");
    const taskpane = text("taskpane.js");
    const labels = [...new Set(FACTS.map((f) => f.label))];
    // each label as the string literal the minifier writes
    expect(labels.filter((l) => !functions.includes(JSON.stringify(l)))).toEqual([]);
    expect(labels.filter((l) => taskpane.includes(JSON.stringify(l)))).toEqual([]);
  });

  it("loads functions.js before taskpane.js on the taskpane page, which reuses its modules", () => {
    const scripts = [...text("taskpane.html").matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]);
    expect(scripts.filter((s) => s.endsWith(".js") && !s.startsWith("http"))).toEqual([
      "functions.js",
      "taskpane.js",
      "commands.js",
    ]);
  });

  it("carries mathjs once, in simulation.js, without its expression parser; no exceljs in the browser bundles", () => {
    // typed-function's message: mathjs's statistics are in simulation.js, which both entries fetch on demand
    const typed = /Unexpected type of argument in function/;
    expect(["functions.js", "taskpane.js", "simulation.js"].map((f) => typed.test(text(f)))).toEqual([
      false,
      false,
      true,
    ]);
    for (const f of ["functions.js", "taskpane.js", "simulation.js"]) {
      // named imports from mathjs/number only: neither the parser (evaluate) nor round's checks ride along
      expect([f, /Unexpected end of expression|Number of decimals in function round/.test(text(f))]).toEqual([
        f,
        false,
      ]);
      expect([f, /exceljs|ExcelJS/.test(text(f))]).toEqual([f, false]);
    }
  });

  it("keeps commands.js tiny", () => expect(size("commands.js")).toBeLessThan(2_000));
});
