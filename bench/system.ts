/**
 * The benchmarks outside the functions' inner loops: the bundles' bytes, the cold load of
 * functions.js in a fresh process, the CLI end to end, and the insert's round trips against naive
 * inserts built here, all counted on the recording Excel double of the browser tests.
 */
import { spawn, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { gzipSync } from "zlib";
import { blockAddress, cellAddress, parseCell } from "../src/workbook/address";
import { blockArrays } from "../src/workbook/arrays";
import { applyPlan } from "../src/workbook/office";
import { buildPlan } from "../src/workbook/plan";
import type { WorkbookPlan } from "../src/workbook/types";
import { FakeWorkbook, fakeSettings } from "../tests/browser/excel-double";
import { median } from "./measure";

export const ROOT = join(__dirname, "..");

export interface Bytes {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}

/** The bytes of each built bundle a page loads, raw and gzip. */
export function bundleBytes(dist: string): Bytes[] {
  return ["functions.js", "taskpane.js", "commands.js", "functions.json"]
    .filter((f) => existsSync(join(dist, f)))
    .map((f) => ({ file: f, raw: statSync(join(dist, f)).size, gzip: gzipSync(readFileSync(join(dist, f))).length }));
}

// A fresh node evaluates functions.js the way tests/contract/bundle.ts does and prints the milliseconds
// from reading the file to the last associate(); `empty` evaluates nothing, for the cost of the context.
const LOAD_SCRIPT = `
const t0 = process.hrtime.bigint();
const fs = require("fs"), vm = require("vm");
const { makeCustomFunctions } = require(process.argv[1]);
const code = process.argv[2] === "empty" ? "" : fs.readFileSync(process.argv[2], "utf8");
const CustomFunctions = makeCustomFunctions();
const sandbox = { CustomFunctions, Office: { onReady: () => Promise.resolve({}) }, location: { href: "https://localhost:3000/" }, console };
sandbox.window = sandbox.self = sandbox.globalThis = sandbox;
vm.createContext(sandbox);
vm.runInContext(code, sandbox);
process.stdout.write(JSON.stringify({ ms: Number(process.hrtime.bigint() - t0) / 1e6, ids: CustomFunctions.registered.size }));
`;

export interface Load {
  readonly ms: number;
  readonly ids: number;
}

/** Median cold load of dist/functions.js (or of nothing, "empty") over `runs` fresh processes. */
export function coldLoad(file: string, runs: number): Load {
  const stub = join(ROOT, "tests", "stubs", "custom-functions.js");
  const got: Load[] = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ["-e", LOAD_SCRIPT, stub, file], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`loading ${file} failed: ${r.stderr}`);
    got.push(JSON.parse(r.stdout));
  }
  return { ms: median(got.map((g) => g.ms)), ids: got[0].ids };
}

export interface CliRun {
  readonly label: string;
  readonly seconds: number;
  readonly runs: readonly number[];
  readonly bytes: Buffer;
}

function timed(cmd: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(Number(process.hrtime.bigint() - t0) / 1e9) : reject(new Error(`${cmd} failed: ${err}`)),
    );
  });
}

/**
 * The CLI end to end, as a user runs it: each command writes the whole baseline to its own file,
 * `runs` times, interleaved; answers the median seconds and the bytes each wrote.
 */
export async function cliRuns(commands: readonly { label: string; argv: string[] }[], runs: number): Promise<CliRun[]> {
  const dir = mkdtempSync(join(tmpdir(), "bench-cli-"));
  try {
    const times: number[][] = commands.map(() => []);
    for (let r = 0; r < runs; r++) {
      for (const [i, c] of commands.entries()) {
        const out = join(dir, `${i}.xlsx`);
        times[i].push(await timed(c.argv[0], [...c.argv.slice(1), "--out", out, "--force"]));
      }
    }
    return commands.map((c, i) => ({
      label: c.label,
      seconds: median(times[i]),
      runs: times[i],
      bytes: readFileSync(join(dir, `${i}.xlsx`)),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface InsertCount {
  readonly label: string;
  readonly syncs: number;
  /** operations queued on the request context, summed over the syncs */
  readonly operations: number;
}

/** Installs a fresh double as the Excel and Office globals. */
function double(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet("Sheet1", { A1: "my own notes" });
  const g = globalThis as Record<string, unknown>;
  g.Excel = { run: (batch: (c: unknown) => Promise<unknown>) => wb.run(batch as never) };
  g.Office = {
    context: { document: { settings: fakeSettings(wb) }, requirements: { isSetSupported: () => true } },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
  return wb;
}

function counted(label: string, wb: FakeWorkbook): InsertCount {
  const ops = wb.log.map((l) => /^sync \d+ \((\d+) operations\)$/.exec(l)).filter((m) => m !== null);
  return { label, syncs: wb.syncs, operations: ops.reduce((s, m) => s + Number(m[1]), 0) };
}

/**
 * The naive inserts a first version might write: one Excel.run, each sheet added and its blocks
 * written as 2-D arrays, then a sync per table sheet (or per row of every block). No reading, no
 * marks, no styles, no undo: fewer operations than the add-in's, and still many more round trips.
 */
async function naiveInsert(plan: WorkbookPlan, perRow: boolean): Promise<void> {
  const nameOf = (key: string) => plan.sheets.find((s) => s.key === key)?.name;
  await Excel.run(async (context) => {
    for (const sheet of plan.sheets) {
      const ws = context.workbook.worksheets.add(sheet.name);
      for (const block of sheet.blocks) {
        const a = blockArrays(block, nameOf);
        if (perRow) {
          const { row, col } = parseCell(block.address);
          for (let r = 0; r < a.formulas.length; r++) {
            ws.getRange(blockAddress(cellAddress(row + r, col), 1, a.formulas[r].length)).formulas = [a.formulas[r]];
            // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the naive insert this benchmark measures
            await context.sync();
          }
        } else {
          ws.getRange(a.address).formulas = a.formulas;
        }
      }
      for (const t of sheet.tables) {
        const table = ws.tables.add(t.range, true);
        table.name = t.name;
        table.style = t.style;
      }
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the naive insert this benchmark measures
      await context.sync();
    }
  });
}

/** The add-in's insert of the whole baseline, and the naive inserts, counted on the double. */
export async function insertCounts(): Promise<InsertCount[]> {
  const plan = buildPlan();
  const ours = double();
  const report = await applyPlan(plan, { runId: "bench" });
  if (!report.ok) throw new Error(`the insert failed on the double: ${JSON.stringify(report.error)}`);
  const result = [counted(`applyPlan (${plan.sheets.length} sheets, one Excel.run)`, ours)];
  const perTable = double();
  await naiveInsert(plan, false);
  result.push(counted("naive: a sync per table sheet", perTable));
  const perRow = double();
  await naiveInsert(plan, true);
  result.push(counted("naive: a sync per row written", perRow));
  return result;
}
