/**
 * `npm run workbook -- --out FILE.xlsx`, run as a user runs it: a child process, its output, its
 * exit code and the file it leaves (or does not leave) behind.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ExcelJS from "exceljs";
import { TABLES } from "../../src/baseline";
import { buildPlan } from "../../src/workbook/plan";
import { finalSheetNames } from "../../src/workbook/xlsx";
import { main } from "../../src/cli/workbook";
import { ensureBuilt } from "../contract/bundle";

const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");
const CLI = path.join(ROOT, "src", "cli", "workbook.ts");

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end. */
function exec(cmd: string, args: readonly string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, timeout: 60_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const run = (...args: string[]) => exec(TSX, [CLI, ...args]);

/** The same command in this process: for the many ways to call it wrong, without a process each. */
async function runHere(...args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { write: (s: string) => (stdout += s) }, { write: (s: string) => (stderr += s) });
  return { code, stdout, stderr };
}

/** The user sees a sentence, not a stack trace. */
function expectPlainError(r: Run, code: number, message: RegExp): void {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code, stdout: "" });
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
}

// `npm run workbook` runs the CLI precompiled into dist/ by `npm run build`
beforeAll(ensureBuilt);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workbook-cli-"));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("npm run workbook", () => {
  it("writes the whole baseline and says where, with its sheets, tables, formulas and their results, names and charts", async () => {
    const out = path.join(dir, "baseline.xlsx");
    const r = await exec("npm", ["run", "-s", "workbook", "--", "--out", out]);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });

    const plan = buildPlan();
    const names = [...finalSheetNames(plan).values()];
    expect(r.stdout).toContain(`Wrote ${out}`);
    expect(r.stdout).toMatch(new RegExp(`${plan.sheets.length} sheets`));
    for (const name of names) expect(r.stdout).toContain(name);
    const tables = plan.sheets.flatMap((s) => s.tables);
    expect(r.stdout).toContain(`${tables.length} Excel tables`);
    for (const t of tables) expect(r.stdout).toContain(`${t.name} ${t.range}`);
    const formulas = plan.sheets
      .flatMap((s) => s.blocks.flatMap((b) => b.cells.flat()))
      .filter((c) => c !== null && typeof c === "object");
    expect(r.stdout).toContain(`${formulas.length} native formulas`);
    expect(r.stdout).toContain(`${plan.names.length} workbook names`);
    const charts = plan.sheets.flatMap((s) => s.charts);
    expect(charts.length).toBeGreaterThan(0);
    expect(r.stdout).toContain(`${charts.length} charts, beside their tables:`);
    for (const c of charts) expect(r.stdout).toContain(`"${c.title}"`);
    // every formula carries its result: "Formulas carry their results (132 of 132)"
    expect(r.stdout).toContain(`Formulas carry their results (${formulas.length} of ${formulas.length})`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(names);
  });

  it("writes Chinese sheets with --lang zh and only the selected tables, with the tables they read", async () => {
    const out = path.join(dir, "zh.xlsx");
    const r = await run("--out", out, "--lang", "zh", "--tables", "decoupling_cost");
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    const plan = buildPlan({ lang: "zh", tables: ["decoupling_cost"] });
    const keys = plan.sheets.map((s) => s.key);
    expect(keys).toContain("decoupling_cost");
    const pulledIn = keys.filter((k) => k !== "decoupling_cost" && TABLES.some((t) => t.id === k));
    if (pulledIn.length > 0)
      expect(r.stdout).toContain(
        `also included, because formulas of the selected tables read them: ${pulledIn.join(", ")}`,
      );
    expect(r.stdout).toContain("language zh");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...finalSheetNames(plan).values()]);
  });

  it("prints its usage with --help, naming every table id, and writes nothing", async () => {
    const r = await run("--help");
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^Usage: npm run workbook -- --out FILE\.xlsx/);
    for (const t of TABLES) expect(r.stdout).toContain(t.id);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith("help"))).toEqual([]);
  });

  it("answers exit code 2 for an unknown option", async () => {
    expectPlainError(
      await run("--out", path.join(dir, "x.xlsx"), "--colour", "blue"),
      2,
      /Unknown option '--colour'.*\nRun with --help for usage/s,
    );
  });

  it("answers exit code 2 when --out is missing, or given a stray argument", async () => {
    expectPlainError(await runHere("--lang", "en"), 2, /--out FILE\.xlsx is required/);
    expectPlainError(await runHere("book.xlsx"), 2, /Unexpected argument 'book\.xlsx'/);
  });

  it("answers exit code 2 for an unknown table id, listing the valid ones", async () => {
    const r = await runHere("--out", path.join(dir, "t.xlsx"), "--tables", "china_revenue,no_such_table");
    expectPlainError(r, 2, /unknown table id: no_such_table; valid ids: /);
    for (const t of TABLES) expect(r.stderr).toContain(t.id);
    expect(fs.existsSync(path.join(dir, "t.xlsx"))).toBe(false);
  });

  it("takes every id the README lists, scenarios too, in any case, with spaces or commas", async () => {
    const out = path.join(dir, "ids.xlsx");
    const r = await runHere("--out", out, "--tables", " Scenarios, MARKET_REACTION  market_reaction");
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const plan = buildPlan({ tables: ["scenarios", "market_reaction"] });
    expect(wb.worksheets.map((w) => w.name)).toEqual([...finalSheetNames(plan).values()]);
    expect(plan.sheets.map((s) => s.key)).toEqual(expect.arrayContaining(["scenarios", "market_reaction"]));
  });

  it("writes the NVIDIA case by default, a blank case for a named company, and leaves the NVIDIA case out when asked", async () => {
    const out = path.join(dir, "cases.xlsx");
    const r = await runHere(
      "--out",
      out,
      "--company",
      "Acme Robotics",
      "--currency",
      "eur",
      "--fiscal-year-end",
      "30 June",
    );
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout).toContain("case: NVIDIA (USD, seeded from the article)");
    expect(r.stdout).toContain("case: Acme Robotics (EUR, blank: its drivers are yours to fill in)");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(-2)).toEqual(["NVIDIA case", "Acme Robotics case"]);
    const acme = wb.getWorksheet("Acme Robotics case")!;
    expect(acme.getCell("A2").value).toMatch(/Money in EUR billions; fiscal year ends 30 June\./);
    expect(acme.getCell("B6").value).toBeNull(); // exposed revenue: yours to fill in
    expect(wb.getWorksheet("NVIDIA case")!.getCell("B6").value).toBe(17.1); // the article's 2024 China revenue
    // each case has its own names
    expect(wb.definedNames.getRanges("case_acme_robotics_exposed_revenue").ranges).toEqual([
      "'Acme Robotics case'!$B$6",
    ]);
    expect(wb.definedNames.getRanges("case_nvidia_exposed_revenue").ranges).toEqual(["'NVIDIA case'!$B$6"]);

    const none = path.join(dir, "no-case.xlsx");
    expect((await runHere("--out", none, "--no-nvidia-case")).code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(none);
    expect(wb2.worksheets.some((w) => w.name.endsWith("case"))).toBe(false);
  });

  it("answers exit code 2 for a currency without a company, a bad currency, or a company that is NVIDIA again", async () => {
    expectPlainError(await runHere("--out", path.join(dir, "c1.xlsx"), "--currency", "EUR"), 2, /name the company too/);
    expectPlainError(
      await runHere("--out", path.join(dir, "c2.xlsx"), "--company", "Acme", "--currency", "euro"),
      2,
      /three-letter code/,
    );
    expectPlainError(await runHere("--out", path.join(dir, "c3.xlsx"), "--company", "Nvidia"), 2, /NVIDIA case again/);
    expect(fs.readdirSync(dir).filter((f) => /^c\d\.xlsx$/.test(f))).toEqual([]);
  });

  it("answers exit code 2 for an unknown language", async () => {
    expectPlainError(
      await runHere("--out", path.join(dir, "l.xlsx"), "--lang", "fr"),
      2,
      /unknown language "fr": use en or zh/,
    );
  });

  it("answers exit code 1 when the directory does not exist", async () => {
    const out = path.join(dir, "no", "such", "dir", "b.xlsx");
    expectPlainError(
      await run("--out", out),
      1,
      new RegExp(`the directory ${path.dirname(out).replace(/[/\\]/g, ".")} does not exist`),
    );
  });

  it("answers exit code 1 when the path is a directory, under a file, or not an .xlsx", async () => {
    const sub = path.join(dir, "folder.xlsx");
    fs.mkdirSync(sub);
    expectPlainError(await runHere("--out", sub, "--force"), 1, /folder\.xlsx is a directory/);
    const file = path.join(dir, "plain-file");
    fs.writeFileSync(file, "x");
    expectPlainError(await runHere("--out", path.join(file, "b.xlsx")), 1, /plain-file is not a directory/);
    expectPlainError(await runHere("--out", path.join(dir, "b.csv")), 1, /b\.csv does not end in \.xlsx/);
    expect(fs.existsSync(path.join(dir, "b.csv"))).toBe(false);
  });

  it("never overwrites an existing file unless --force", async () => {
    const out = path.join(dir, "mine.xlsx");
    fs.writeFileSync(out, "the user's own work");
    expectPlainError(await run("--out", out), 1, /mine\.xlsx already exists; pass --force to overwrite it/);
    expect(fs.readFileSync(out, "utf8")).toBe("the user's own work");

    const forced = await run("--out", out, "--force");
    expect({ code: forced.code, stderr: forced.stderr }).toEqual({ code: 0, stderr: "" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.length).toBe(buildPlan().sheets.length);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("runs precompiled as the package's bin with plain node, writing the same bytes as the TypeScript entry", async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const bin = path.join(ROOT, pkg.bin["china-exposure-workbook"]);
    expect(fs.readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    const a = path.join(dir, "bin.xlsx");
    const b = path.join(dir, "tsx.xlsx");
    const runs = await Promise.all([exec(process.execPath, [bin, "--out", a]), run("--out", b)]);
    expect(runs.map((r) => [r.code, r.stderr])).toEqual([
      [0, ""],
      [0, ""],
    ]);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
  });

  it("writes the same bytes on every run", async () => {
    const a = path.join(dir, "same-a.xlsx");
    const b = path.join(dir, "same-b.xlsx");
    const runs = await Promise.all([run("--out", a), run("--out", b)]);
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
  });
});
