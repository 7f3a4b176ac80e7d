/**
 * A documented example is a test. Each function's examples are written once, in its JSDoc (and so
 * in dist/functions.json, which Excel shows), in one form:
 *
 *   =EXPOSURE.ID(arg, arg) is 0.3216            a number, compared at the decimals it states
 *   =EXPOSURE.ID("id", "unit") is "USD bn"      a text, compared exactly
 *   =EXPOSURE.ID("id") spills a table headed a, b, c    the header row of a spilled table
 *
 * An argument is a number, a text, or an array constant as Excel writes one: {17.1;131.54} a column,
 * {1,2} a row.
 *
 * This test evaluates every one through the built bundle, and checks that README's table of
 * functions carries the same examples (README is checked against the metadata, not generated).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { loadBundle, type LoadedBundle } from "./bundle";

let b: LoadedBundle;
beforeAll(() => {
  b = loadBundle();
});

interface Example {
  readonly id: string;
  /** the formula as written, "=EXPOSURE.ID(…)" */
  readonly formula: string;
  readonly args: readonly Arg[];
  /** a number or a text the cell shows, or the header of a spilled table */
  readonly answer: { number: number; decimals: number; written: string } | { text: string } | { header: string[] };
}

const EXAMPLE =
  /=EXPOSURE\.([A-Z_]+)\(([^)]*)\) (?:is (-?\d+(?:\.\d+)?|"[^"]*")|spills a table headed ([a-z_]+(?:, [a-z_]+)*))/g;
const ARG = /\s*(?:"([^"]*)"|(-?\d+(?:\.\d+)?)|\{([^}]*)\})\s*(?:,|$)/y;

/** An argument: a number, a text, or an array constant (rows of cells, as Excel passes a range). */
type Arg = number | string | (number | string)[][];
const scalar = (t: string): number | string => (t.startsWith('"') ? t.slice(1, -1) : Number(t));

function parseArgs(text: string): Arg[] {
  const out: Arg[] = [];
  ARG.lastIndex = 0;
  while (ARG.lastIndex < text.length) {
    const m = ARG.exec(text);
    if (!m) throw new Error(`cannot read the arguments "${text}"`);
    if (m[3] !== undefined) out.push(m[3].split(";").map((row) => row.split(",").map((c) => scalar(c.trim()))));
    else out.push(m[1] !== undefined ? m[1] : Number(m[2]));
  }
  return out;
}

function examplesIn(text: string): Example[] {
  return [...text.matchAll(EXAMPLE)].map((m) => {
    const [, id, args, is, header] = m;
    const formula = `=EXPOSURE.${id}(${args})`;
    const answer = header
      ? { header: header.split(", ") }
      : is.startsWith('"')
        ? { text: is.slice(1, -1) }
        : { number: Number(is), decimals: is.split(".")[1]?.length ?? 0, written: is };
    return { id, formula, args: parseArgs(args), answer };
  });
}

/** What README writes after the arrow for an example's answer. */
const stated = (e: Example) =>
  "number" in e.answer
    ? e.answer.written
    : "text" in e.answer
      ? `"${e.answer.text}"`
      : `a table headed ${e.answer.header.join(", ")}`;

const examples = () => b.metadata.functions.flatMap((f) => examplesIn(f.description ?? ""));

describe("every function's examples", () => {
  it("are written for every function, each for the function that states it", () => {
    const ids = b.metadata.functions.map((f) => f.id);
    for (const f of b.metadata.functions) {
      const own = examplesIn(f.description ?? "");
      expect([f.id, own.length > 0]).toEqual([f.id, true]);
      expect(own.map((e) => e.id)).toEqual(own.map(() => f.id));
    }
    expect(new Set(examples().map((e) => e.id))).toEqual(new Set(ids));
  });

  it("answer what they state, through the built bundle", async () => {
    const all = examples().map(async (e) => {
      const meta = b.metadata.functions.find((f) => f.id === e.id)!;
      // as Excel passes them: every parameter a matrix, an omitted optional one null
      const args = meta.parameters.map((_, i) => {
        const a = e.args[i];
        return i >= e.args.length ? null : Array.isArray(a) ? a : [[a]];
      });
      const out = (await b.call(e.id, ...args)) as unknown[][]; // SIMULATE_RISK answers a promise
      const got = out[0][0];
      let ok: boolean;
      if ("number" in e.answer) {
        const { number, decimals } = e.answer;
        ok = typeof got === "number" && Math.abs(got - number) <= 0.5 * 10 ** -decimals + 1e-12;
      } else if ("text" in e.answer) {
        ok = got === e.answer.text;
      } else {
        ok = JSON.stringify(out[0]) === JSON.stringify(e.answer.header);
      }
      return { example: `${e.formula} → ${stated(e)}`, got: "header" in e.answer ? out[0] : got, ok };
    });
    const results = await Promise.all(all);
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(b.metadata.functions.length);
  });

  it("are the ones README's table of functions shows, in the same order", () => {
    const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
    for (const f of b.metadata.functions) {
      const row = readme.split("\n").find((l) => l.startsWith(`| \`${f.id}(`));
      expect([f.id, row !== undefined]).toEqual([f.id, true]);
      const shown = [...row!.matchAll(/`(=EXPOSURE\.[A-Z_]+\([^)]*\))` → ([^;|]+?)\s*(?:;|\|)/g)].map(
        (m) => `${m[1]} → ${m[2]}`,
      );
      expect(shown).toEqual(examplesIn(f.description ?? "").map((e) => `${e.formula} → ${stated(e)}`));
    }
  });
});
