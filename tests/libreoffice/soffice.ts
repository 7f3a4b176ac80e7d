/**
 * LibreOffice headless for the tests of this folder: where soffice is, a fresh profile that
 * recalculates every formula on load, a conversion that cannot hang the suite, and the values a
 * recalculated .xlsx stores, read from its XML (exceljs drops a formula's cached 0 or "").
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { XMLParser } from "fast-xml-parser";
// exceljs's own zip library, to read the parts of a written file
// eslint-disable-next-line @typescript-eslint/no-require-imports
const JSZip = require("jszip") as {
  loadAsync(data: Buffer): Promise<{ file(name: string): { async(t: "string"): Promise<string> } | null }>;
};

export const ON_CI = !!process.env.CI && !["false", "0"].includes(process.env.CI.toLowerCase());
/** How long LibreOffice may take to convert both files before it is killed. */
export const SOFFICE_TIMEOUT_MS = 240_000;

/** An executable on PATH (or at one of `more`), if any. */
function findExecutable(name: string, more: readonly string[] = []): string | undefined {
  const fromPath = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((d) => path.join(d, name));
  return [...fromPath, ...more].find((c) => {
    try {
      fs.accessSync(c, fs.constants.X_OK);
      return fs.statSync(c).isFile();
    } catch {
      return false;
    }
  });
}

/** pdftotext (Debian: poppler-utils), which reads LibreOffice's PDF export back as words and places. */
export const findPdftotext = (): string | undefined => findExecutable("pdftotext", ["/usr/bin/pdftotext"]);

/** soffice on PATH or where LibreOffice installs it; SOFFICE=/path/to/soffice overrides the search. */
export function findSoffice(): string | undefined {
  const fromPath = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((d) => path.join(d, "soffice"));
  const candidates = process.env.SOFFICE
    ? [process.env.SOFFICE]
    : [
        ...fromPath,
        "/usr/bin/soffice",
        "/usr/lib/libreoffice/program/soffice",
        "/opt/libreoffice/program/soffice",
        "/Applications/LibreOffice.app/Contents/MacOS/soffice",
      ];
  return candidates.find((c): c is string => {
    if (!c) return false;
    try {
      fs.accessSync(c, fs.constants.X_OK);
      return fs.statSync(c).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * A fresh LibreOffice profile that recalculates every formula of an .xlsx on load
 * (OOXMLRecalcMode 0 = always); without it Calc keeps the file's cached values.
 */
export function freshProfile(dir: string): string {
  fs.mkdirSync(path.join(dir, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(dir, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return pathToFileURL(dir).href;
}

/** Runs soffice in its own process group, killing the whole group if it outlives the timeout. */
export function convert(
  soffice: string,
  profileUrl: string,
  outDir: string,
  files: readonly string[],
  to: "xlsx" | "pdf",
): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = [
      `-env:UserInstallation=${profileUrl}`,
      "--headless",
      "--norestore",
      "--convert-to",
      to,
      "--outdir",
      outDir,
      ...files,
    ];
    const child = spawn(soffice, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (output += d));
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
      reject(
        new Error(
          `soffice did not finish within ${SOFFICE_TIMEOUT_MS / 1000} s and was killed; its output:\n${output}`,
        ),
      );
    }, SOFFICE_TIMEOUT_MS);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`soffice exited with code ${code}; its output:\n${output}`));
    });
  });
}
/** What a cell stores: a number, a text, a boolean, or an error code; and whether it holds a formula. */
export interface StoredCell {
  readonly value: number | string | boolean | { readonly error: string } | null;
  readonly formula?: string;
}

const asArray = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);
const textOf = (x: unknown): string =>
  typeof x === "object" && x !== null
    ? String((x as Record<string, unknown>)["#text"] ?? "")
    : x === undefined
      ? ""
      : String(x);

/** Every non-empty cell of one sheet of an .xlsx, by address, as its XML stores it. */
export async function storedCells(file: string, sheetName: string): Promise<Map<string, StoredCell>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const read = async (part: string) => (await zip.file(part)?.async("string")) ?? "";
  const xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseTagValue: false,
    trimValues: false,
  });
  const book = xml.parse(await read("xl/workbook.xml"));
  const sheet = asArray(book.workbook.sheets.sheet).find((s: Record<string, string>) => s["@name"] === sheetName);
  if (!sheet) throw new Error(`${file} has no sheet "${sheetName}"`);
  const rels = xml.parse(await read("xl/_rels/workbook.xml.rels"));
  const rel = asArray(rels.Relationships.Relationship).find((r: Record<string, string>) => r["@Id"] === sheet["@r:id"]);
  const target = String(rel["@Target"]).replace(/^\/?(xl\/)?/, "");
  const shared = asArray(xml.parse(await read("xl/sharedStrings.xml"))?.sst?.si).map((si: Record<string, unknown>) =>
    si.t !== undefined
      ? textOf(si.t)
      : asArray(si.r as Record<string, unknown>[])
          .map((r) => textOf(r.t))
          .join(""),
  );
  const ws = xml.parse(await read(`xl/${target}`));
  const out = new Map<string, StoredCell>();
  for (const row of asArray(ws.worksheet.sheetData?.row)) {
    for (const c of asArray((row as Record<string, unknown>).c) as Record<string, unknown>[]) {
      const type = c["@t"] as string | undefined;
      const raw = c.v === undefined ? undefined : textOf(c.v);
      const formula = c.f === undefined ? undefined : textOf(c.f);
      let value: StoredCell["value"] = null;
      if (type === "s") value = shared[Number(raw)];
      else if (type === "str" || type === "inlineStr")
        value = type === "inlineStr" ? textOf((c.is as Record<string, unknown>)?.t) : (raw ?? "");
      else if (type === "b") value = raw === "1";
      else if (type === "e") value = { error: raw ?? "" };
      else if (raw !== undefined && raw !== "") value = Number(raw);
      if (value === null && formula === undefined) continue;
      out.set(String(c["@r"]), { value, ...(formula !== undefined ? { formula } : {}) });
    }
  }
  return out;
}
