/**
 * Writes src/functions/lift-kernels.generated.ts (`npm run lift-kernels`; `-- --check` only says
 * whether the committed module is stale, as tests/functions/lift-kernels.test.ts asks).
 *
 * Why: a custom function over a column runs its model function once per cell. In one loop shared
 * by every function (grid.ts) that is one call site: in Excel, where all the functions run in one
 * runtime, the engine sees every model function there and inlines none, and even measured alone
 * the shared loop cost about twice a plain loop with the same checks over 1,000 rows. A loop of
 * the function's own inlines it. The page's Content-Security-Policy forbids compiling
 * code at run time, so the loops are written here, one per model function, from the one source
 * that names them: every `liftNumeric("ID", modelFunction, [param, …])` in src/functions/*.ts whose
 * model function is imported by name. grid.ts's liftNumeric finds the loop by function and arity;
 * anything else (a function written in place, a block, a row, a ragged array) runs on the shared
 * loop, with the same answers.
 *
 * The output is formatted by the project's own ESLint configuration (prettier included), so it
 * passes `npm run lint` as written.
 */
import { readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import ts from "typescript";
import { ESLint } from "eslint";

const ROOT = join(__dirname, "..");
const FUNCTIONS = join(ROOT, "src", "functions");
export const OUTPUT = join(FUNCTIONS, "lift-kernels.generated.ts");

export interface SourceFile {
  /** the file name inside src/functions, e.g. "functions.ts" */
  readonly name: string;
  readonly text: string;
}

/** A model function lifted with liftNumeric, and the custom functions that lift it. */
export interface LiftedModel {
  /** the name the model function is exported under */
  readonly name: string;
  /** the module it is imported from, as written in src/functions */
  readonly from: string;
  /** the number of parameters it is lifted with */
  readonly arity: number;
  /** the ids of the custom functions that lift it so */
  readonly ids: string[];
}

/** Every model function lifted with liftNumeric in `files`, and why any lift was left to the shared loop. */
export function findLifts(files: readonly SourceFile[]): { models: LiftedModel[]; notes: string[] } {
  const models: LiftedModel[] = [];
  const notes: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file.name, file.text, ts.ScriptTarget.Latest, true);
    // local name → where it is imported from, for named imports
    const imports = new Map<string, { name: string; from: string }>();
    for (const st of source.statements) {
      if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
      const bindings = st.importClause?.namedBindings;
      if (st.importClause?.isTypeOnly || !bindings || !ts.isNamedImports(bindings)) continue;
      for (const el of bindings.elements) {
        imports.set(el.name.text, { name: (el.propertyName ?? el.name).text, from: st.moduleSpecifier.text });
      }
    }
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "liftNumeric") {
        const [idArg, fnArg, paramsArg] = node.arguments;
        const id = idArg && ts.isStringLiteralLike(idArg) ? idArg.text : idArg ? idArg.getText(source) : "?";
        const where = `${file.name}: ${id}`;
        const imported = fnArg && ts.isIdentifier(fnArg) ? imports.get(fnArg.text) : undefined;
        if (!imported) {
          notes.push(`${where} lifts ${fnArg?.getText(source) ?? "nothing"}, not a function imported by name`);
        } else if (!paramsArg || !ts.isArrayLiteralExpression(paramsArg)) {
          notes.push(`${where} gives its parameters as ${paramsArg?.getText(source) ?? "nothing"}, not a list`);
        } else {
          if (RESERVED.has(imported.name)) {
            throw new Error(
              `${where}: a model function named ${imported.name} clashes with the generated module's own`,
            );
          }
          const arity = paramsArg.elements.length;
          const same = models.find((m) => m.name === imported.name && m.arity === arity);
          if (same && same.from !== imported.from) {
            throw new Error(`${where}: ${imported.name} comes from ${imported.from} here and ${same.from} elsewhere`);
          }
          if (same) same.ids.push(id);
          else models.push({ ...imported, arity, ids: [id] });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { models, notes };
}

/** The names the generated module uses for itself. */
const RESERVED = new Set(["isCell", "RAGGED", "slowRow", "Param", "Answer", "answerOf", "Kernel", "Cells", "KERNELS"]);

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
export const kernelName = (m: LiftedModel) => `${m.name}Column${m.arity}`;

/**
 * The loop of one model function over a column; see grid.ts's Kernel for the contract. Two things
 * keep it near a plain loop, both measured: the cells are read here, not in helpers, because the
 * engine inlines only so much into one function and the model function needs that allowance (read
 * through helpers, REVENUE_AT_RISK ran as a call per cell half the time); and a row whose cells are
 * all finite numbers calls the model function with them as they are, every other row going to
 * slowRow, because a path where a cell's number and an error (or an empty cell's default) meet
 * makes the engine box every number read, once that path has ever run anywhere in the add-in.
 */
function kernel(m: LiftedModel): string {
  const xs = range(m.arity);
  const each = (f: (i: number) => string, sep = "\n") => xs.map(f).join(sep);
  return `
/** ${m.name} over a column (${m.ids.join(", ")}). */
function ${kernelName(m)}(rows: number, ${each((i) => `g${i}: Cells, m${i}: number, p${i}: Param<number>`, ", ")}): Answer {
  const out: Answer = new Array(rows);
  for (let r = 0; r < rows; r++) {
    ${each((i) => `const w${i} = g${i}[r & m${i}];`)}
    if (${each((i) => `!isCell(w${i})`, " || ")}) throw RAGGED;
    ${each((i) => `const v${i} = w${i}[0];`)}
    out[r] = [
      ${each((i) => `typeof v${i} === "number" && v${i} - v${i} === 0`, " && ")}
        ? answerOf(${m.name}(${each((i) => `v${i}`, ", ")}))
        : slowRow(${m.name}, ${each((i) => `v${i}, p${i}`, ", ")}),
    ];
  }
  return out;
}
`;
}

/** The generated module's text, before formatting. */
export function kernelsSource(models: readonly LiftedModel[]): string {
  const from = [...new Set(models.map((m) => m.from))].sort();
  const imports = from.map((f) => {
    const names = [...new Set(models.filter((m) => m.from === f).map((m) => m.name))].sort();
    return `import { ${names.join(", ")} } from "${f}";`;
  });
  return `// Written by scripts/lift-kernels.ts (npm run lift-kernels) from the liftNumeric calls in
// src/functions/*.ts. Do not edit: change the generator, or the calls, and run it again.
${imports.join("\n")}
import { isCell, RAGGED, slowRow, type Param } from "./cells";
import { Answer, answerOf } from "./errors";
import type { Kernel } from "./grid";

type Cells = readonly unknown[][];
${models.map(kernel).join("")}
/** Every loop, with the model function it calls and its arity: liftNumeric finds its own here. */
export const KERNELS: readonly Kernel[] = [
  ${models.map((m) => `{ fn: ${m.name}, arity: ${m.arity}, column: ${kernelName(m)} },`).join("\n")}
];
`;
}

/** The sources of src/functions that may call liftNumeric, in a stable order. */
export function functionSources(dir = FUNCTIONS): SourceFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".generated.ts"))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
}

/** The module as the project's ESLint configuration formats it; throws when ESLint still finds a problem. */
export async function format(text: string, filePath = OUTPUT): Promise<string> {
  const [result] = await new ESLint({ cwd: ROOT, fix: true }).lintText(text, { filePath });
  const problems = result.messages.map((m) => `${m.line}:${m.column} ${m.message}`);
  if (problems.length > 0) throw new Error(`the generated module does not lint:\n${problems.join("\n")}`);
  return result.output ?? text;
}

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const { models, notes } = findLifts(functionSources());
  for (const n of notes) console.log(`lift-kernels: on the shared loop: ${n}`);
  const text = await format(kernelsSource(models));
  const now = (() => {
    try {
      return readFileSync(OUTPUT, "utf8");
    } catch {
      return "";
    }
  })();
  if (check) {
    if (now === text) return;
    console.error(`lift-kernels: ${OUTPUT} is stale; run \`npm run lift-kernels\` and commit it`);
    process.exitCode = 1;
    return;
  }
  if (now !== text) writeFileSync(OUTPUT, text);
  console.log(`lift-kernels: ${models.length} loops (${models.flatMap((m) => m.ids).join(", ")})`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
