/**
 * Writes the baseline workbook without Excel: the same plan the taskpane inserts, as an .xlsx file.
 *
 *   npm run workbook -- --out baseline.xlsx [--tables id,id] [--lang en|zh] [--force]
 *
 * Exit codes: 0 written; 2 a usage error (unknown option, missing --out, unknown table id or
 * language); 1 the file could not be written (missing directory, not an .xlsx path, a directory,
 * an existing file without --force, no permission). Messages are plain sentences, never stack traces.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { LANGS, TABLE_SUMMARIES, TABLES, parseTableIds, type Lang } from "../baseline";
import { type CaseSpec, blankCase, caseName, nvidiaCase } from "../workbook/case-plan";
import { buildPlan } from "../workbook/plan";
import { XLSX_LIMITATIONS, planToXlsx, summarizePlan, type XlsxSummary } from "../workbook/xlsx";
import { OutputError, ioMessage, writeWhole } from "./write-file";

export const USAGE = `Usage: npm run workbook -- --out FILE.xlsx [options]

Writes the article's baseline tables (NVIDIA's H20 China exposure) as a formatted Excel workbook,
the same sheets the add-in's taskpane inserts, for anyone who does not install the add-in, and the
NVIDIA case seeded from the article (drivers, scenarios, earnings and value at risk). Derived
figures are live formulas; Excel and LibreOffice compute them when the file opens.

Options:
  -o, --out FILE.xlsx   where to write (required); an existing file is left alone unless --force
  -t, --tables ID,ID    only these tables (tables their formulas read come along), and no NVIDIA
                        case; default: all tables and the NVIDIA case
                        ids (any case): ${TABLE_SUMMARIES.map((t) => t.id).join(", ")}
  -c, --company NAME    add a blank case for this company (its drivers empty, yours to fill in)
      --currency CODE   the company case's currency, e.g. EUR (default: USD)
      --fiscal-year-end TEXT
                        when the company's fiscal year ends, e.g. "31 December" (default: 31 December)
      --no-nvidia-case  leave out the NVIDIA case
  -l, --lang en|zh      language of labels and headers (default: en)
  -f, --force           overwrite FILE.xlsx if it exists
  -h, --help            show this help
`;

/** A mistake in how the command was called: exit code 2. */
export class UsageError extends Error {}
export { OutputError };

export interface CliOptions {
  readonly out: string;
  readonly tables?: readonly string[];
  readonly lang: Lang;
  readonly force: boolean;
  /** the cases to write after the record */
  readonly cases: readonly CaseSpec[];
}

/** Parses the arguments; `undefined` means --help was asked for. */
export function parseCli(argv: readonly string[]): CliOptions | undefined {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        out: { type: "string", short: "o" },
        tables: { type: "string", short: "t" },
        company: { type: "string", short: "c" },
        currency: { type: "string" },
        "fiscal-year-end": { type: "string" },
        "no-nvidia-case": { type: "boolean" },
        lang: { type: "string", short: "l" },
        force: { type: "boolean", short: "f" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    // parseArgs' messages are plain ("Unknown option '--x'", "Option '--out <value>' argument missing")
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/s, ""));
  }
  const v = parsed.values;
  if (v.help) return undefined;
  if (v.out === undefined || v.out.trim() === "") throw new UsageError("--out FILE.xlsx is required");
  const lang = v.lang ?? "en";
  if (!(LANGS as readonly string[]).includes(lang)) {
    throw new UsageError(`unknown language "${lang}": use ${LANGS.join(" or ")}`);
  }
  let tables: string[] | undefined;
  if (v.tables !== undefined) {
    const parsed = parseTableIds(v.tables);
    const valid = TABLE_SUMMARIES.map((t) => t.id).join(", ");
    if (parsed.unknown.length > 0) {
      const n = parsed.unknown.length;
      throw new UsageError(`unknown table id${n > 1 ? "s" : ""}: ${parsed.unknown.join(", ")}; valid ids: ${valid}`);
    }
    if (parsed.ids.length === 0) throw new UsageError(`--tables needs at least one table id; valid ids: ${valid}`);
    tables = parsed.ids;
  }
  const cases: CaseSpec[] = [];
  if (!tables && !v["no-nvidia-case"]) cases.push(nvidiaCase(lang as Lang));
  if (v.company === undefined && (v.currency !== undefined || v["fiscal-year-end"] !== undefined)) {
    throw new UsageError("--currency and --fiscal-year-end describe a --company case: name the company too");
  }
  if (v.company !== undefined) {
    const company = v.company.trim();
    if (company === "") throw new UsageError("--company needs a name");
    const currency = (v.currency ?? "USD").trim().toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency))
      throw new UsageError(`--currency takes a three-letter code such as USD or EUR, not "${v.currency}"`);
    const blank = blankCase(company, currency, v["fiscal-year-end"]?.trim() || "31 December");
    if (cases.some((c) => c.key === blank.key)) {
      throw new UsageError(`the company "${company}" would be the NVIDIA case again; name another company`);
    }
    cases.push(blank);
  }
  return { out: v.out, tables, lang: lang as Lang, force: v.force ?? false, cases };
}

/** The absolute path to write, after checking everything that can be checked before writing. */
export function checkOutPath(out: string, force: boolean): string {
  const file = path.resolve(out);
  try {
    return checkedPath(out, file, force);
  } catch (e) {
    if (e instanceof OutputError) throw e;
    throw new OutputError(ioMessage(file, e));
  }
}

function checkedPath(out: string, file: string, force: boolean): string {
  if (path.extname(file).toLowerCase() !== ".xlsx") {
    throw new OutputError(`${out} does not end in .xlsx; the workbook is written as an .xlsx file`);
  }
  const dir = path.dirname(file);
  const dirStat = fs.statSync(dir, { throwIfNoEntry: false });
  if (!dirStat) throw new OutputError(`the directory ${dir} does not exist`);
  if (!dirStat.isDirectory()) throw new OutputError(`${dir} is not a directory`);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat?.isDirectory()) throw new OutputError(`${file} is a directory`);
  if (stat && !force) throw new OutputError(`${file} already exists; pass --force to overwrite it`);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new OutputError(`the directory ${dir} is not writable`);
  }
  return file;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the command prints after writing: where, and what the file holds and lacks. */
export function report(file: string, bytes: number, summary: XlsxSummary, options: CliOptions): string {
  const lines: string[] = [];
  lines.push(`Wrote ${file} (${kb(bytes)}, language ${options.lang})`);
  const selected = options.tables;
  if (selected) {
    const tableKeys = new Set(TABLES.map((t) => t.id));
    const added = summary.sheets.filter((s) => tableKeys.has(s.key) && !selected.includes(s.key)).map((s) => s.key);
    if (added.length > 0)
      lines.push(`  also included, because formulas of the selected tables read them: ${added.join(", ")}`);
  }
  lines.push(`  ${plural(summary.sheets.length, "sheet")}:`);
  for (const s of summary.sheets) {
    const tables = s.tables.map((t) => `table ${t.name} ${t.range}`).join(", ");
    const parts = [tables, s.formulas > 0 ? plural(s.formulas, "formula") : ""].filter((x) => x !== "");
    lines.push(`    ${s.name}${parts.length > 0 ? ` — ${parts.join(", ")}` : ""}`);
  }
  lines.push(
    `  ${plural(summary.tables, "Excel table")}, ${plural(summary.formulas, "native formula")}, ` +
      `${plural(summary.names, "workbook name")} (bl_<id>, e.g. =bl_china_revenue_2024` +
      `${options.cases.length > 0 ? `; case_<company>_<driver>, e.g. =${caseName(options.cases[0], "exposed_revenue")}` : ""})`,
  );
  for (const c of options.cases) {
    lines.push(
      `  case: ${c.company} (${c.currency}, ${c.seed === "article" ? "seeded from the article" : "blank: its drivers are yours to fill in"})`,
    );
  }
  if (summary.charts.length === 0) {
    lines.push("  charts: the plan has none");
  } else {
    lines.push(`  ${plural(summary.charts.length, "chart")}, beside their tables:`);
    for (const { sheet, chart } of summary.charts) {
      lines.push(`    ${sheet}: "${chart.title}" (${chart.kind}; its data is in ${chart.source})`);
    }
  }
  if (summary.names > 0) lines.push(`  names carry no description: ${XLSX_LIMITATIONS.nameComments}`);
  lines.push(
    `Formulas carry their results (${summary.storedResults} of ${summary.formulas}), so a viewer that does not ` +
      "recalculate shows the figures; Excel and LibreOffice compute them again when the file opens.",
  );
  return lines.join("\n");
}

/** Where the command writes its messages (process.stdout and process.stderr, or a test's buffer). */
export interface Output {
  write(text: string): unknown;
}

/** Runs the command; answers the exit code. */
export async function main(
  argv: readonly string[],
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<number> {
  try {
    const options = parseCli(argv);
    if (!options) {
      out.write(USAGE);
      return 0;
    }
    const file = checkOutPath(options.out, options.force);
    const plan = buildPlan({ tables: options.tables, lang: options.lang, cases: options.cases });
    const bytes = await planToXlsx(plan);
    writeWhole(file, bytes, options.force);
    out.write(report(file, bytes.length, summarizePlan(plan), options) + "\n");
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      err.write(`workbook: ${e.message}\nRun with --help for usage.\n`);
      return 2;
    }
    if (e instanceof OutputError) {
      err.write(`workbook: ${e.message}\n`);
      return 1;
    }
    err.write(`workbook: could not write the workbook: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`workbook: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
