/**
 * Benchmarks: figures and ratios, never assertions. `npm run bench` (after `npm run build`).
 *
 * - every element-wise function through the BUILT bundle (dist/functions.js in a vm, as the contract
 *   test loads it) against the same arithmetic written inline and with the same checks, in the same
 *   process, at 1, 1k, 100k and 1M cells;
 * - the cold load of functions.js in a fresh process; the bundles' bytes;
 * - the CLI end to end (precompiled, and the TypeScript entry through tsx);
 * - the insert's context.sync() calls and queued operations against naive inserts.
 *
 * Prints the tables and writes them to BENCHMARKS.md. Options:
 *   --before DIR   also measure another build (e.g. a copy of main's dist/) side by side, each build in
 *                  processes of its own (a second bundle in one process runs slower, whichever it is)
 *   --quick        3 rounds, no 1M cells, fewer processes (a quick look; not for BENCHMARKS.md)
 *   --no-write     print only
 *   --only ID,ID   only these functions, and nothing else (while working on them; implies --no-write)
 *   --clock cpu    time the functions by the CPU time of this process rather than wall time: on a
 *                  machine busy with other work, the figures then leave out the waiting for a CPU
 */
import { execSync, spawnSync } from "child_process";
import { existsSync, writeFileSync } from "fs";
import { cpus, totalmem } from "os";
import { join, resolve } from "path";
import { parseArgs } from "util";
import { loadBundle, type LoadedBundle } from "../tests/contract/bundle";
import { CASES, type FunctionCase } from "./functions";
import { compare, ratio, type Timing, type Variant } from "./measure";
import { simulationSection } from "./simulation";
import { ROOT, bundleBytes, cliRuns, coldLoad, insertCounts } from "./system";

const { values: opts } = parseArgs({
  options: {
    before: { type: "string" },
    quick: { type: "boolean", default: false },
    "no-write": { type: "boolean", default: false },
    only: { type: "string" },
    case: { type: "string" },
    together: { type: "boolean", default: false },
    spills: { type: "boolean", default: false },
    build: { type: "string" },
    clock: { type: "string", default: "wall" },
  },
});
const quick = opts.quick === true;
const DIST = join(ROOT, "dist");
if (!existsSync(join(DIST, "functions.js"))) {
  console.error("bench: no dist/functions.js; run `npm run build` first");
  process.exit(2);
}
const before = opts.before ? resolve(opts.before) : undefined;
const SIZES = quick ? [1, 1_000, 100_000] : [1, 1_000, 100_000, 1_000_000];
if (opts.clock !== "wall" && opts.clock !== "cpu") {
  console.error(`bench: --clock is wall or cpu, not ${opts.clock}`);
  process.exit(2);
}
const clock: "wall" | "cpu" = opts.clock;
const timing = { rounds: quick ? 3 : 7, batchMs: quick ? 20 : 40, clock };

/** The spilling and lookup calls, timed one call at a time (they have no plain twin). */
const SPILLS: [string, unknown[]][] = [
  ['FACT("china_revenue_2024")', ["FACT", [["china_revenue_2024"]], null]],
  ["BASELINE() (the list of tables)", ["BASELINE", null]],
  ['BASELINE("china_revenue")', ["BASELINE", [["china_revenue"]]]],
  ["CHECKS()", ["CHECKS"]],
];

// The children of the run below measure one build each (--build DIR, else dist/), as "ours", and
// print their figures as JSON: two bundles in one process do not run as either runs alone.
const CHILD = opts.case !== undefined || opts.together || opts.spills;
const ours = CHILD ? loadBundle(opts.build ? resolve(opts.build) : DIST, { inThisRealm: true }) : undefined!;
if (opts.case !== undefined) {
  // one function's figures at every size (none when this build lacks the function: an older build)
  const c = CASES[Number(opts.case)];
  process.stdout.write(JSON.stringify(ours.registered.has(c.id) ? measureCase(c) : []));
  process.exit(0);
}
if (opts.together) {
  // every function's figures at 1k rows, all in this one process
  process.stdout.write(JSON.stringify(measureTogether()));
  process.exit(0);
}
if (opts.spills) {
  process.stdout.write(JSON.stringify(measureSpills()));
  process.exit(0);
}

/** This script again with `args`, measuring `build`: its figures. */
function child<T>(args: string[], build: string | undefined, what: string): T {
  const run = spawnSync(
    join(ROOT, "node_modules", ".bin", "tsx"),
    [__filename, ...args, "--clock", clock, ...(build ? ["--build", build] : []), ...(quick ? ["--quick"] : [])],
    { encoding: "utf8", maxBuffer: 1 << 26 },
  );
  if (run.status !== 0) throw new Error(`measuring ${what} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as T;
}

const md: string[] = [];
const out = (line = "") => {
  console.log(line);
  md.push(line);
};
const table = (head: string[], rows: (string | number)[][]) => {
  out(`| ${head.join(" | ")} |`);
  out(`| ${head.map((_, i) => (i === 0 ? "---" : "---:")).join(" | ")} |`);
  for (const r of rows) out(`| ${r.join(" | ")} |`);
  out();
};
const x = (r: number) => `${r.toFixed(2)}×`;
const spread = (r: { median: number; low: number; high: number }) =>
  `${x(r.median)} (${r.low.toFixed(2)}–${r.high.toFixed(2)})`;
const ns = (t: number) =>
  t >= 1e6 ? `${(t / 1e6).toFixed(1)} ms` : t >= 1e3 ? `${(t / 1e3).toFixed(2)} µs` : `${t.toFixed(0)} ns`;
const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;
const sizeLabel = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

// ---- the machine ------------------------------------------------------------------------------
const commit = (() => {
  try {
    return execSync("git rev-parse --short HEAD", { cwd: ROOT, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
})();
out("# Benchmarks");
out();
out("Written by `npm run bench` (bench/run.ts); every figure below comes from one run. Speed is given as a ratio");
out("against the same work done the plain way in the same process, so it carries from machine to machine better");
out("than the absolute times beside it. The budgets that must hold (context.sync() calls, gzip bytes) are tests.");
out();
out(`- date: ${new Date().toString()}`);
out(`- machine: ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB`);
out(
  `- node ${process.version} (${process.platform}-${process.arch}); commit ${commit}${before ? `; before: ${before}` : ""}`,
);
out(
  `- ${timing.rounds} interleaved rounds per figure, each a batch of at least ${timing.batchMs} ms (${timing.batchMs * 10} ms from 100k cells) of ${clock === "cpu" ? "CPU time (this process's, from process.cpuUsage)" : "wall time"}; ratios are`,
);
out("  ratios of the medians, with the lowest and highest round's ratio in brackets");
out();
out(
  "Reproduce: `npm ci && npm run build && npm run bench` (about eight minutes on a busy two-core machine). To compare with another build,",
);
out("copy its `dist/` aside and add `-- --before DIR`; on a machine busy with other work, `-- --clock cpu` times the");
out("functions by this process's CPU time instead of wall time.");
out();

// ---- functions --------------------------------------------------------------------------------

/** The same answer, cell for cell: a number equal to 1e-12, or an error of the same code. */
function sameAnswers(id: string, a: unknown, b: unknown): void {
  const ga = a as unknown[][];
  const gb = b as unknown[][];
  const bad = () => new Error(`${id}: the bundle and the checked loop disagree; the benchmark compares different work`);
  if (ga.length !== gb.length) throw bad();
  for (let r = 0; r < ga.length; r++) {
    for (let c = 0; c < ga[r].length; c++) {
      const u = ga[r][c];
      const v = gb[r][c];
      if (typeof u === "number" ? !(typeof v === "number" && Math.abs(u - v) <= 1e-12 * Math.abs(v)) : false)
        throw bad();
      if (typeof u !== "number" && (u as { code: string }).code !== (v as { code: string }).code) throw bad();
    }
  }
}

function variants(b: LoadedBundle, c: FunctionCase, args: unknown[][][]): Variant {
  const fn = b.registered.get(c.id)!;
  return { name: "ours", run: () => fn(...args) };
}

interface Row {
  readonly c: FunctionCase;
  readonly n: number;
  readonly t: Timing[];
  /** the same measured on the other build, in its own process */
  readonly before?: Timing[];
}
/** One function's figures at every size, measured in this process. */
function measureCase(c: FunctionCase): { n: number; t: Timing[] }[] {
  sameAnswers(c.id, ours.call(c.id, ...c.args(1000)), c.checked(...c.args(1000)));
  const got: { n: number; t: Timing[] }[] = [];
  for (const n of SIZES) {
    if (n === 1 && c.single === false) continue;
    const args = c.args(n);
    const vs: Variant[] = [
      variants(ours, c, args),
      { name: "inline", run: () => c.inline(...args) },
      { name: "checked", run: () => c.checked(...args) },
    ];
    // from 100k cells a call leaves megabytes of garbage: batches ten times as long share the
    // collections it costs out fairly instead of by luck
    got.push({ n, t: compare(vs, n >= 100_000 ? { ...timing, batchMs: timing.batchMs * 10 } : timing) });
  }
  return got;
}

/**
 * Every function at 1k rows in one process, after each has run once: as in Excel, where every
 * function of the add-in runs in one runtime, and code that all of them share sees all of them.
 */
function measureTogether(): (Timing[] | null)[] {
  const n = 1_000;
  // the functions this build has (an older build may lack some: null in their place)
  const has = CASES.map((c) => ours.registered.has(c.id));
  const args = CASES.map((c) => c.args(n));
  const each = (f: (c: FunctionCase, i: number) => void) => CASES.forEach((c, i) => has[i] && f(c, i));
  each((c, i) => sameAnswers(c.id, ours.call(c.id, ...args[i]), c.checked(...args[i])));
  for (let round = 0; round < 3; round++) each((c, i) => ours.call(c.id, ...args[i]));
  return CASES.map((c, i) =>
    has[i]
      ? compare([variants(ours, c, args[i]), { name: "checked", run: () => c.checked(...args[i]) }], timing)
      : null,
  );
}

/** Each spilling or lookup call, one at a time. */
function measureSpills(): Timing[] {
  return SPILLS.map(
    ([, [id, ...args]]) => compare([{ name: "ours", run: () => ours.call(id as string, ...args) }], timing)[0],
  );
}

// Each function is measured in a fresh process (this script with --case): what the engine learnt
// from one function's loops at a million cells must not slow or speed the next function's.
const rows: Row[] = [];
const only = opts.only?.split(",");
for (const [i, c] of CASES.entries()) {
  if (only && !only.includes(c.id)) continue;
  type Got = { n: number; t: Timing[] }[];
  const got = child<Got>(["--case", String(i)], undefined, c.id);
  const was = before ? child<Got>(["--case", String(i)], before, `${c.id} in ${before}`) : [];
  for (const r of got) rows.push({ c, n: r.n, t: r.t, before: was.find((w) => w.n === r.n)?.t });
  process.stderr.write(".");
}
process.stderr.write("\n");

const by = (t: Timing[], name: string) => t.find((v) => v.name === name)!;
out("## Custom functions, element-wise, through the built bundle");
out();
out("Columns of n rows as Excel passes them (`[[x], [y], …]`; one cell `[[x]]`); valid inputs, so every cell is");
out("computed. *checked* is the same arithmetic as a plain loop over the same arrays with the same validity checks");
out("and an error value per bad cell; *inline* is the bare arithmetic. Goals: ours ≤ 1.5× checked at 1k–1M cells");
out("(the drawdown series ≤ 2×), ≤ 3× for a single cell.");
if (before) {
  out("*before* is the other build, measured in processes of its own against its own checked loop; before ÷ ours is");
  out("the ratio of the two ratios to checked.");
}
out();
table(
  [
    "function",
    "cells",
    "ours per call",
    "ours ÷ checked",
    "ours ÷ inline",
    ...(before ? ["before ÷ checked", "before ÷ ours"] : []),
    "checked per call",
  ],
  rows.map(({ c, n, t, before: b }) => {
    const o = by(t, "ours");
    const k = by(t, "checked");
    return [
      `${c.id}${c.call}`,
      sizeLabel(n),
      ns(o.ns),
      spread(ratio(o, k)),
      spread(ratio(o, by(t, "inline"))),
      ...(before ? versus(b) : []),
      ns(k.ns),
    ];
    /** the other build's ratio to its checked loop, and that ratio over ours */
    function versus(b: Timing[] | undefined): string[] {
      if (!b) return ["—", "—"];
      const r = ratio(by(b, "ours"), by(b, "checked"));
      return [spread(r), x(r.median / ratio(o, k).median)];
    }
  }),
);

if (only) process.exit(0);

const together = child<Timing[][]>(["--together"], undefined, "the functions together");
const togetherBefore = before
  ? child<(Timing[] | null)[]>(["--together"], before, `the functions together in ${before}`)
  : [];
out("The same functions at 1k rows all in one process, each having run before the first is timed, as in Excel,");
out("where every function of the add-in runs in one runtime (above, each function has a process of its own):");
out();
table(
  ["function", "ours ÷ checked", ...(before ? ["before ÷ checked", "before ÷ ours"] : []), "checked per call"],
  together.map((t, i) => {
    const o = ratio(by(t, "ours"), by(t, "checked"));
    const w = togetherBefore[i];
    const b = w ? ratio(by(w, "ours"), by(w, "checked")) : undefined;
    return [
      `${CASES[i].id}${CASES[i].call}`,
      spread(o),
      ...(b ? [spread(b), x(b.median / o.median)] : before ? ["—", "—"] : []),
      ns(by(t, "checked").ns),
    ];
  }),
);
out("The spilling and lookup functions, one call (no plain twin to compare with):");
out();
const spills = child<Timing[]>(["--spills"], undefined, "the spills");
const spillsBefore = before ? child<Timing[]>(["--spills"], before, `the spills in ${before}`) : [];
table(
  ["call", "ours", ...(before ? ["before"] : [])],
  SPILLS.map(([label], i) => [label, ns(spills[i].ns), ...(before ? [ns(spillsBefore[i].ns)] : [])]),
);

// ---- bundles ----------------------------------------------------------------------------------
out("## Bundles");
out();
const bytes = bundleBytes(DIST);
const oldBytes = before ? bundleBytes(before) : [];
table(
  ["file", "raw", "gzip", ...(before ? ["before raw", "before gzip"] : [])],
  bytes.map((b) => {
    const o = oldBytes.find((x) => x.file === b.file);
    return [b.file, kb(b.raw), kb(b.gzip), ...(before ? [o ? kb(o.raw) : "—", o ? kb(o.gzip) : "—"] : [])];
  }),
);
const loads = quick ? 5 : 21;
const empty = coldLoad("empty", loads);
const cold = coldLoad(join(DIST, "functions.js"), loads);
const coldBefore = before ? coldLoad(join(before, "functions.js"), loads) : undefined;
out(`Cold load of functions.js in a fresh node (read, compile, run, ${cold.ids} functions associated), median of`);
out(`${loads} processes; a vm context with nothing in it costs ${empty.ms.toFixed(1)} ms of that:`);
out();
table(
  ["build", "cold load", "less the empty context", ...(coldBefore ? ["÷ before"] : [])],
  [
    [
      "ours",
      `${cold.ms.toFixed(1)} ms`,
      `${(cold.ms - empty.ms).toFixed(1)} ms`,
      ...(coldBefore ? [x((cold.ms - empty.ms) / (coldBefore.ms - empty.ms))] : []),
    ],
    ...(coldBefore
      ? [["before", `${coldBefore.ms.toFixed(1)} ms`, `${(coldBefore.ms - empty.ms).toFixed(1)} ms`, "1.00×"]]
      : []),
  ],
);

// ---- CLI ----------------------------------------------------------------------------------------
const main = async () => {
  out("## The CLI end to end");
  out();
  const cli = join(DIST, "cli", "workbook.js");
  const commands = [
    { label: "`npm run workbook`", argv: ["npm", "run", "-s", "workbook", "--"] },
    ...(existsSync(cli) ? [{ label: "`node dist/cli/workbook.js`", argv: [process.execPath, cli] }] : []),
    {
      label: "`tsx src/cli/workbook.ts` (the TypeScript entry)",
      argv: [join(ROOT, "node_modules", ".bin", "tsx"), join(ROOT, "src", "cli", "workbook.ts")],
    },
  ];
  const runs = await cliRuns(commands, quick ? 2 : 5);
  const tsx = runs[runs.length - 1];
  out(
    `Writing the whole baseline workbook, wall time from spawn to exit, median of ${quick ? 2 : 5} interleaved runs:`,
  );
  out();
  table(
    ["command", "seconds", "÷ tsx", "same bytes as tsx"],
    runs.map((r) => [
      r.label,
      r.seconds.toFixed(2),
      x(r.seconds / tsx.seconds),
      r.bytes.equals(tsx.bytes) ? "yes" : "NO",
    ]),
  );

  // ---- insert ---------------------------------------------------------------------------------
  out("## Inserting the baseline");
  out();
  out("The whole plan applied to the recording Excel double of the browser tests (tests/browser/excel-double.ts),");
  out("which counts every context.sync() and the operations queued before it:");
  out();
  const counts = await insertCounts();
  const first = counts[0];
  table(
    ["insert", "context.sync()", "queued operations", "syncs ÷ ours"],
    counts.map((c) => [c.label, c.syncs, c.operations, x(c.syncs / first.syncs)]),
  );

  // the one bundle this process loads (the functions above were measured in children of their own)
  for (const line of await simulationSection(loadBundle(DIST, { inThisRealm: true }), quick)) out(line);

  if (!opts["no-write"] && !quick) {
    writeFileSync(join(ROOT, "BENCHMARKS.md"), md.join("\n").replace(/\n+$/, "\n"));
    console.log("wrote BENCHMARKS.md");
  }
};
main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
