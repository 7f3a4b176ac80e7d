/**
 * How the add-in knows its own sheets and notices edits: the mark it stores on each sheet (a
 * worksheet custom property), fingerprints of what a sheet holds and of the plan it was written
 * from, the names of its charts, and the temporary tab names of sheets a run is still writing.
 * Pure: no Office calls.
 */
import { cellAddress, parseBox, sheetNameKey } from "./address";
import type { SheetPlan } from "./types";

/** The worksheet custom property that marks a sheet as the add-in's own. */
export const MARK_KEY = "ChinaExposureWorkbench";

/** A 53-bit string hash (cyrb53), as 14 hex digits: enough to notice an edit, not a security check. */
export function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A formula with every reference to one of the add-in's sheets written as `{{key}}!`, so that
 * renaming a sheet (Excel rewrites the formulas that point to it) does not count as an edit.
 * `keyOfSheet` maps lower-cased tab names to plan keys.
 */
export function canonicalFormula(formula: string, keyOfSheet: ReadonlyMap<string, string>): string {
  if (!formula.startsWith("=") || keyOfSheet.size === 0) return formula;
  let out = formula.replace(/'((?:[^']|'')+)'!/g, (m, quoted: string) => {
    const key = keyOfSheet.get(quoted.replace(/''/g, "'").toLowerCase());
    return key === undefined ? m : `{{${key}}}!`;
  });
  const plain = [...keyOfSheet.keys()].filter((n) => /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(n));
  if (plain.length > 0) {
    plain.sort((a, b) => b.length - a.length);
    const re = new RegExp(`(^|[^\\p{L}\\p{N}_.'{}])(${plain.map(escapeRegExp).join("|")})!`, "giu");
    out = out.replace(re, (_m, pre: string, name: string) => `${pre}{{${keyOfSheet.get(name.toLowerCase())}}}!`);
  }
  return out;
}

/**
 * What a sheet holds, as Excel reports it: the formulas (constants for plain cells) of its used
 * range, every non-empty cell with its address, references to the add-in's sheets canonical.
 */
export function contentFingerprint(
  usedAddress: string | undefined,
  formulas: readonly (readonly unknown[])[] | undefined,
  keyOfSheet: ReadonlyMap<string, string>,
  /** the cells that count (a case counts the add-in's cells, not the user's inputs); all by default */
  counts?: (row: number, col: number) => boolean,
): string {
  const entries: string[] = [];
  if (usedAddress && formulas) {
    const box = parseBox(usedAddress);
    formulas.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "" || v === null || v === undefined) return;
        if (counts && !counts(box.top + r, box.left + c)) return;
        const text = typeof v === "string" ? canonicalFormula(v, keyOfSheet) : `${typeof v}:${String(v)}`;
        entries.push(`${cellAddress(box.top + r, box.left + c)}=${text}`);
      }),
    );
  }
  return hash53(entries.join("\u0001"));
}

/** A hash of the sheet as planned (sheet references still as keys): equal plans, equal hashes. */
export function planFingerprint(sheet: SheetPlan): string {
  return hash53(JSON.stringify(sheet));
}

/** The add-in's mark on a sheet. Kept short: Excel trims property values beyond 255 characters. */
export interface SheetMark {
  readonly v: 1;
  /** plan key */
  readonly k: string;
  /** fingerprint of the contents as Excel stored them; "" while a write is under way */
  readonly f: string;
  /** fingerprint of the plan the sheet was written from */
  readonly p: string;
  /** the name the add-in gave the sheet (a different current name means the user renamed it) */
  readonly n: string;
  /** the run that last wrote the sheet: what an undo proves ownership with */
  readonly r?: string;
  /** its tables as written: name → range (what the undo re-creates) */
  readonly t?: Readonly<Record<string, string>>;
}

export function parseMark(value: unknown): SheetMark | undefined {
  if (typeof value !== "string") return undefined;
  try {
    const m = JSON.parse(value) as Partial<SheetMark>;
    if (m && m.v === 1 && typeof m.k === "string" && typeof m.f === "string") {
      const t = m.t && typeof m.t === "object" ? (m.t as Record<string, string>) : undefined;
      return {
        v: 1,
        k: m.k,
        f: m.f,
        p: typeof m.p === "string" ? m.p : "",
        n: typeof m.n === "string" ? m.n : "",
        ...(typeof m.r === "string" ? { r: m.r } : {}),
        t,
      };
    }
  } catch {
    // not ours
  }
  return undefined;
}

/** What a mark is made of: the sheet's plan, its final name and table names, the writing run. */
export interface MarkSource {
  readonly plan: SheetPlan;
  readonly planHash: string;
  readonly name: string;
  readonly tableNames: readonly string[];
}

/** The mark a written sheet carries; without its table list if that would pass 255 characters. */
export function markValue(task: MarkSource, fingerprint: string, runId?: string): string {
  const t = Object.fromEntries(task.tableNames.map((n, i) => [n, task.plan.tables[i].range.split("!").pop()!]));
  const mark: SheetMark = {
    v: 1,
    k: task.plan.key,
    f: fingerprint,
    p: task.planHash,
    n: task.name,
    ...(runId ? { r: runId } : {}),
    t,
  };
  const full = JSON.stringify(mark);
  return full.length <= 255 ? full : JSON.stringify({ ...mark, t: undefined });
}

/** The add-in names its charts "<plan key>.<run id>.<n>". */
export function isOwnChartName(name: string, key: string): boolean {
  return name.startsWith(`${key}.`) && /^[a-z0-9_]+\.[a-z0-9]+\.\d+$/.test(name);
}

/** A run id: 8 characters of [a-z0-9], random. */
export const newRunId = (): string => (Math.random().toString(36) + "00000000").slice(2, 10);

/**
 * The tab name a run gives a sheet it creates until its contents are written: nobody else names a
 * sheet after this run's id, so a sheet with this name is the run's even before it carries a mark.
 */
export function tempSheetName(runId: string, index: number): string {
  return `~cew ${runId} ${index + 1}`;
}

/** Whether `name` is a temporary tab name of `runId`. */
export function isTempSheetName(name: string, runId: string): boolean {
  return name.startsWith(`~cew ${runId} `);
}

/** The tab names of the add-in's own sheets (case ignored) → their plan keys: fingerprints read sheet references as keys. */
export function keysOfOwnSheets(own: readonly { name: string; mark: { k: string } }[]): Map<string, string> {
  return new Map(own.map((o) => [sheetNameKey(o.name), o.mark.k]));
}
