/**
 * The generated column loops (src/functions/lift-kernels.generated.ts): written from the
 * liftNumeric calls by scripts/lift-kernels.ts, current with those calls, picked up by liftNumeric,
 * and answering exactly what the shared loop answers, cell for cell and message for message.
 */
import { spawnSync } from "child_process";
import { join } from "path";
import * as model from "../../src/model";
import { kernelOf, liftNumeric, type Kernel, type Param } from "../../src/functions/grid";
import { KERNELS } from "../../src/functions/lift-kernels.generated";
import { findLifts, functionSources, kernelsSource } from "../../scripts/lift-kernels";

const ROOT = join(__dirname, "..", "..");
const file = (name: string, text: string) => ({ name, text });

describe("scripts/lift-kernels.ts", () => {
  it("finds each model function lifted with liftNumeric, its module, its arity and the ids that lift it", () => {
    const { models, notes } = findLifts([
      file(
        "a.ts",
        `import { shareOf, cagr as rate } from "../model";
         const SHARE_OF = liftNumeric("SHARE_OF", shareOf, [{ name: "part" }, { name: "whole" }]);
         const CAGR = liftNumeric("CAGR", rate, [{ name: "start" }, { name: "end" }, { name: "years" }]);`,
      ),
      file(
        "b.ts",
        `import { shareOf } from "../model";
         const PART = liftNumeric("PART", shareOf, [{ name: "part" }, { name: "whole" }]);`,
      ),
    ]);
    expect(models).toEqual([
      { name: "shareOf", from: "../model", arity: 2, ids: ["SHARE_OF", "PART"] },
      { name: "cagr", from: "../model", arity: 3, ids: ["CAGR"] },
    ]);
    expect(notes).toEqual([]);
  });

  it("leaves a function written in place, or parameters not written as a list, to the shared loop and says so", () => {
    const { models, notes } = findLifts([
      file(
        "c.ts",
        `import { shareOf } from "../model";
         const PARAMS = [{ name: "a" }, { name: "b" }] as const;
         const ADD = liftNumeric("ADD", (a: number, b: number) => a + b, [{ name: "a" }, { name: "b" }]);
         const SHARE = liftNumeric("SHARE", shareOf, PARAMS);`,
      ),
    ]);
    expect(models).toEqual([]);
    expect(notes).toEqual([
      "c.ts: ADD lifts (a: number, b: number) => a + b, not a function imported by name",
      "c.ts: SHARE gives its parameters as PARAMS, not a list",
    ]);
  });

  it("writes one loop per model function and arity, each calling its model function by name", () => {
    const text = kernelsSource([
      { name: "shareOf", from: "../model", arity: 2, ids: ["SHARE_OF"] },
      { name: "revenueAtRisk", from: "../model", arity: 4, ids: ["REVENUE_AT_RISK"] },
    ]);
    expect(text).toContain('import { revenueAtRisk, shareOf } from "../model";');
    expect(text).toContain("answerOf(shareOf(v0, v1))");
    expect(text).toContain("slowRow(shareOf, v0, p0, v1, p1)");
    expect(text).toContain("answerOf(revenueAtRisk(v0, v1, v2, v3))");
    expect(text).toContain("{ fn: revenueAtRisk, arity: 4, column: revenueAtRiskColumn4 },");
  });

  it("has written the committed module from today's liftNumeric calls (run `npm run lift-kernels` when this fails)", () => {
    const tsx = join(ROOT, "node_modules", ".bin", "tsx");
    const run = spawnSync(tsx, [join(ROOT, "scripts", "lift-kernels.ts"), "--check"], { cwd: ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("gives every element-wise function of src/functions a loop of its own", () => {
    const { models, notes } = findLifts(functionSources());
    expect(notes).toEqual([]);
    expect(models.flatMap((m) => m.ids).length).toBeGreaterThanOrEqual(11);
    for (const m of models) {
      const fn = (model as Record<string, unknown>)[m.name];
      expect([m.name, kernelOf(fn, m.arity) !== undefined]).toEqual([m.name, true]);
    }
  });
});

// ---- the loops against the shared loop ----------------------------------------------------------

/** Excel's error codes and messages in place of the CustomFunctions.Error objects. */
const plain = (g: unknown[][]) =>
  g.map((r) =>
    r.map((v) => (typeof v === "object" && v !== null ? { ...(v as object), class: v.constructor.name } : v)),
  );

/** A small deterministic generator, so a failure names a case that can be run again. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

// every kind of cell: in and out of each model's domain, the edges, non-finite, empty, text, booleans
const CELLS: unknown[] = [0, 0.5, 1, 2, 17.1, 131.54, 0.13, -1, -0.5, 1e308, 1e-300, NaN, Infinity, -Infinity];
const ODD: unknown[] = [null, "", "   ", "17.1", "text", true, false, undefined];

function column(next: () => number, rows: number, odd: number): unknown[][] {
  return Array.from({ length: rows }, () => {
    const pool = next() < odd ? ODD : CELLS;
    return [pool[Math.floor(next() * pool.length)]];
  });
}

const PARAM_SETS: Param<number>[][] = [
  [{ name: "a" }, { name: "b" }, { name: "c" }, { name: "d" }],
  [{ name: "a" }, { name: "b", default: 0.5 }, { name: "c", default: 0 }, { name: "d", default: 1 }],
];

describe.each(KERNELS.map((k) => [(k.fn as { name: string }).name, k] as const))(
  "the generated loop of %s",
  (_name, kernel: Kernel) => {
    const fn = kernel.fn as (a: number, b: number, c: number, d: number) => model.Result;
    const lifts = PARAM_SETS.map((all) => {
      const params = all.slice(0, kernel.arity) as unknown as [Param<number>];
      return {
        fast: liftNumeric("K", fn as (a: number) => model.Result, params),
        // the same model function in a wrapper of its own: no generated loop, the shared one
        shared: liftNumeric("K", ((a: number, b: number, c: number, d: number) => fn(a, b, c, d)) as never, params),
      };
    });

    it("is the loop liftNumeric uses for a column", () => {
      const spy = jest.spyOn(kernel as { column: Kernel["column"] }, "column");
      try {
        const args = Array.from({ length: kernel.arity }, () => [[1], [2]]);
        lifts[0].fast(...args);
        expect(spy).toHaveBeenCalledTimes(1);
      } finally {
        spy.mockRestore();
      }
    });

    it("answers every cell as the shared loop does: values, each error's code and message, defaults", () => {
      const next = random(kernel.arity * 7919);
      for (let trial = 0; trial < 60; trial++) {
        const rows = 1 + Math.floor(next() * 12);
        // each argument a column, or a single cell broadcast down it (bare, [[x]] or omitted)
        const args = Array.from({ length: kernel.arity }, () => {
          const pick = next();
          if (pick < 0.6) return column(next, rows, 0.25);
          const cell = column(next, 1, 0.3)[0][0];
          return pick < 0.8 ? [[cell]] : pick < 0.9 ? cell : null;
        });
        for (const { fast, shared } of lifts) {
          expect([trial, plain(fast(...args))]).toEqual([trial, plain(shared(...args))]);
        }
      }
    });

    it("leaves a ragged column to the shared loop, which names the argument", () => {
      const args: unknown[] = Array.from({ length: kernel.arity }, () => [[1], [2], [3]]);
      const last = kernel.arity - 1;
      for (const bad of [
        [[1], [2, 3], [4]],
        [[1], 2, [3]],
        [[1], [], [3]],
      ]) {
        args[last] = bad;
        const out = lifts[0].fast(...args);
        expect(plain(out)).toEqual(plain(lifts[0].shared(...args)));
        expect((out[0][0] as { message: string }).message).toContain("is not a rectangular range");
      }
    });
  },
);
