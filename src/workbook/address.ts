/**
 * Addresses and sheet names, the one home of both: A1 cell and range addresses up to Excel's last
 * cell (XFD1048576), absolute references, sheet names quoted in references, Excel's rule for a tab
 * name (at most 31 characters, none of : \ / ? * [ ], no apostrophe first or last, "History"
 * reserved, unique without regard to case), the choice of a free name, and the `{{key}}` sheet
 * references of plan formulas. The plan, both adapters, sharing and the Office test double use it.
 * Pure: no Office types.
 */

/** Excel's grid: rows 1…1,048,576 and columns A…XFD (16,384). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface CellRef {
  readonly row: number;
  readonly col: number;
}

/** A rectangle of cells, 1-based and inclusive. */
export interface Box {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const inColumns = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_COLUMNS;
const inRows = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_ROWS;

/** "A" → 1, "AA" → 27, "XFD" → 16384; anything else (or beyond XFD) throws. */
export function columnNumber(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new Error(`"${letters}" is not a column`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  if (!inColumns(n)) throw new Error(`column ${letters} is beyond XFD, Excel's last column`);
  return n;
}

/** 1 → "A", 27 → "AA", 16384 → "XFD"; a number outside 1…16384 throws. */
export function columnLetters(n: number): string {
  if (!inColumns(n)) throw new Error(`column ${n} is outside 1…${MAX_COLUMNS}`);
  let s = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** "C5" or "$C$5" → { row: 5, col: 3 }; beyond XFD1048576, row 0 or anything else throws. */
export function parseCell(a1: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(a1.trim());
  if (!m) throw new Error(`"${a1}" is not a cell address`);
  const row = Number(m[2]);
  if (!inRows(row) || m[2].startsWith("0")) throw new Error(`"${a1}": row ${m[2]} is outside 1…${MAX_ROWS}`);
  return { row, col: columnNumber(m[1]) };
}

/** Whether a text is an A1 cell address within Excel's grid. */
export function isCellAddress(a1: string): boolean {
  try {
    parseCell(a1);
    return true;
  } catch {
    return false;
  }
}

/** (5, 3) → "C5". */
export function cellAddress(row: number, col: number): string {
  if (!inRows(row)) throw new Error(`row ${row} is outside 1…${MAX_ROWS}`);
  return `${columnLetters(col)}${row}`;
}

/** "B6" → "$B$6": the absolute form a defined name refers to. */
export function absoluteCell(a1: string): string {
  const { row, col } = parseCell(a1);
  return `$${columnLetters(col)}$${row}`;
}

/** The address without its sheet part: "'China revenue'!A1:H9" → "A1:H9". */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang < 0 ? address : address.slice(bang + 1);
}

/** "A1:H9" (a sheet part is ignored; corners in any order) → its box; a single cell is a 1×1 box. */
export function parseBox(address: string): Box {
  const parts = localAddress(address).split(":");
  if (parts.length > 2) throw new Error(`"${address}" is not a range`);
  const p = parseCell(parts[0]);
  const q = parts.length === 2 ? parseCell(parts[1]) : p;
  return {
    top: Math.min(p.row, q.row),
    left: Math.min(p.col, q.col),
    bottom: Math.max(p.row, q.row),
    right: Math.max(p.col, q.col),
  };
}

/** A box as "A1:H9" ("A1" for a single cell). */
export function boxAddress(box: Box): string {
  const a = cellAddress(box.top, box.left);
  return box.top === box.bottom && box.left === box.right ? a : `${a}:${cellAddress(box.bottom, box.right)}`;
}

/** The range a block of `rows` × `cols` cells covers from its top-left cell; past XFD1048576 throws. */
export function blockAddress(topLeft: string, rows: number, cols: number): string {
  const { row, col } = parseCell(topLeft);
  return boxAddress({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 });
}

/** The cell `rows` down and `cols` right of `a1` ("B5", 1, 2 → "D6"). */
export function offsetCell(a1: string, rows: number, cols: number): string {
  const { row, col } = parseCell(a1);
  return cellAddress(row + rows, col + cols);
}

// ── sheet names ──────────────────────────────────────────────────────────────────────────────

/** Excel's longest tab name, in characters (UTF-16 code units, as Excel counts them). */
export const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[:\\/?*[\]]/;
/** Tab names Excel refuses whatever the case. */
const RESERVED = new Set(["history"]);

/** Why Excel would refuse `name` as a tab name, or undefined when it is legal (uniqueness aside). */
export function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0) return "a sheet name cannot be empty";
  if (name.length > SHEET_NAME_MAX) return `a sheet name has at most ${SHEET_NAME_MAX} characters`;
  if (FORBIDDEN.test(name)) return "a sheet name cannot contain : \\ / ? * [ or ]";
  if (name.startsWith("'") || name.endsWith("'")) return "a sheet name cannot begin or end with an apostrophe";
  if (RESERVED.has(name.toLowerCase())) return `"${name}" is reserved by Excel`;
  return undefined;
}

/** Two tab names are the same sheet name for Excel when they differ only in case. */
export const sheetNameKey = (name: string): string => name.toLowerCase();

/** The first `max` UTF-16 units of `s`, never cutting a surrogate pair in two. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const high = s.charCodeAt(max - 1);
  return s.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max);
}

const trimQuotes = (s: string) => s.replace(/^[\s']+|[\s']+$/g, "");

/**
 * `preferred` made a legal tab name: forbidden characters become spaces, runs of spaces one,
 * apostrophes and spaces at either end go, at most 31 characters; "Sheet" if nothing is left.
 */
export function cleanSheetName(preferred: string): string {
  const cleaned = trimQuotes(clip(trimQuotes(preferred.replace(/[:\\/?*[\]]/g, " ").replace(/\s+/g, " ")), 31));
  return cleaned === "" ? "Sheet" : cleaned;
}

/**
 * A legal tab name no sheet has: `preferred` cleaned (see cleanSheetName) if it is free and not
 * reserved, else "preferred (2)", "preferred (3)" … shortened so the whole stays within 31
 * characters. `taken` holds names as given or as sheetNameKey gives them (case is ignored).
 */
export function freeSheetName(preferred: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(sheetNameKey));
  const base = cleanSheetName(preferred);
  const free = (n: string) => !used.has(sheetNameKey(n)) && sheetNameProblem(n) === undefined;
  if (free(base)) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = trimQuotes(clip(base, SHEET_NAME_MAX - suffix.length)) + suffix;
    if (free(name)) return name;
  }
}

/** A sheet name as a formula writes it: always quoted, inner apostrophes doubled ("'O''Brien'"). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A sheet name as Excel itself prints it in an address: bare when it is a plain identifier that
 * cannot be read as a cell (Sheet1, Checks), quoted otherwise ('China revenue', 'A1', '2024').
 */
export function sheetReference(name: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) &&
    !/^[A-Za-z]{1,3}[0-9]+$/.test(name) &&
    !/^[Rr][0-9]*([Cc][0-9]*)?$/.test(name);
  return plain ? name : quoteSheetName(name);
}

/** The sheet a reference points to ("='China revenue'!$B$6" → "China revenue"; "=Model!C3" → "Model"). */
export function sheetOfReference(formula: unknown): string | undefined {
  if (typeof formula !== "string") return undefined;
  const quoted = /^=?'((?:[^']|'')+)'!/.exec(formula);
  if (quoted) return quoted[1].replace(/''/g, "'");
  const plain = /^=?([^'!=:]+)!/.exec(formula);
  return plain ? plain[1] : undefined;
}

/** A table or defined name not yet used (case ignored): `preferred`, else preferred_2, preferred_3 … */
export function freeIdentifier(preferred: string, taken: ReadonlySet<string>): string {
  if (!taken.has(preferred.toLowerCase())) return preferred;
  for (let i = 2; ; i++) {
    const name = `${preferred}_${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

// ── sheet references in plan formulas ───────────────────────────────────────────────────────

const SHEET_REF = /\{\{([a-z0-9_]+)\}\}/g;

/** The plan keys a formula refers to with `{{key}}`. */
export function referencedSheetKeys(formula: string): string[] {
  return [...formula.matchAll(SHEET_REF)].map((m) => m[1]);
}

/** Replaces every `{{key}}` by the quoted name of that sheet; an unknown key throws (a plan bug). */
export function resolveSheetRefs(formula: string, nameOf: (key: string) => string | undefined): string {
  return formula.replace(SHEET_REF, (_, key: string) => {
    const name = nameOf(key);
    if (name === undefined) throw new Error(`formula ${formula} refers to sheet "${key}", which is not in the plan`);
    return quoteSheetName(name);
  });
}
