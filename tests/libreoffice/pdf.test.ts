/**
 * The written workbook on paper: LibreOffice Calc exports the CLI's full baseline (English and
 * Chinese) to PDF as a colleague would print it, and pdftotext reads the pages back as words with
 * their places. Every sheet prints one page wide, the whole baseline in fewer than 16 pages, and
 * each chart of the plan is drawn: its title stands beside its table, in the right part of a page
 * (the only other place a title is written, its data block, is at the left margin).
 *
 * Needs `soffice` (Debian: libreoffice-calc-nogui) and `pdftotext` (poppler-utils); .ci/run
 * installs both. Under CI=true a missing tool fails the suite; elsewhere the suite is skipped.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { t, type Lang } from "../../src/i18n/strings";
import { buildPlan } from "../../src/workbook/plan";
import type { WorkbookPlan } from "../../src/workbook/types";
import { finalSheetNames, planToXlsx } from "../../src/workbook/xlsx";
import { ON_CI, SOFFICE_TIMEOUT_MS, convert, findPdftotext, findSoffice, freshProfile } from "./soffice";

const LANGS: readonly Lang[] = ["en", "zh"];
/** The target: the whole baseline in under 16 pages (52 in English, 46 in Chinese before). */
const PAGE_BUDGET = 16;

interface Word {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}
interface Page {
  readonly width: number;
  readonly words: readonly Word[];
  /** the words of the page in reading order, joined by spaces */
  readonly text: string;
}

/** The pages of a PDF as pdftotext -bbox reads them: each word with its top-left corner, in points. */
function pdfPages(pdftotext: string, file: string): Page[] {
  const html = execFileSync(pdftotext, ["-bbox", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  return [...html.matchAll(/<page width="([\d.]+)" height="[\d.]+">([\s\S]*?)<\/page>/g)].map((m) => {
    const words = [...m[2].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((w) => ({
      x: Number(w[1]),
      y: Number(w[2]),
      text: unescape(w[3]),
    }));
    return { width: Number(m[1]), words, text: words.map((w) => w.text).join(" ") };
  });
}

/**
 * Where on the page a text stands: the x of its first word, for each place it is found. The words
 * of a text wrapped in a chart's title may come interleaved with the labels of a chart beside it, so
 * up to a few words that are not the text's are passed over.
 */
function placesOf(page: Page, text: string): number[] {
  const want = text.replace(/\s+/g, "");
  const found: number[] = [];
  for (let i = 0; i < page.words.length; i++) {
    if (!want.startsWith(page.words[i].text) || page.words[i].text === "") continue;
    let rest = want.slice(page.words[i].text.length);
    for (let j = i + 1, skipped = 0; j < page.words.length && rest !== "" && skipped <= 8; j++) {
      if (rest.startsWith(page.words[j].text)) rest = rest.slice(page.words[j].text.length);
      else skipped++;
    }
    if (rest === "") found.push(page.words[i].x);
  }
  return found;
}

const soffice = findSoffice();
const pdftotext = findPdftotext();
const missing = [!soffice && "soffice (libreoffice-calc-nogui)", !pdftotext && "pdftotext (poppler-utils)"].filter(
  (m): m is string => !!m,
);
if (missing.length > 0 && !ON_CI) {
  console.warn(
    `\n*** SKIPPED: ${missing.join(" and ")} not installed, so the workbook was NOT printed to PDF.\n` +
      "*** apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils; under CI=true this fails.\n",
  );
}

(missing.length === 0 || ON_CI ? describe : describe.skip)("the CLI's workbook, printed to PDF by LibreOffice", () => {
  const plans = new Map<Lang, WorkbookPlan>(LANGS.map((lang) => [lang, buildPlan({ lang })]));
  const pages = new Map<Lang, Page[]>();
  let work: string | undefined;

  beforeAll(async () => {
    if (missing.length > 0)
      throw new Error(`CI=true and ${missing.join(" and ")} missing: install them (.ci/run does)`);
    work = fs.mkdtempSync(path.join(os.tmpdir(), "pdf-"));
    const files: string[] = [];
    for (const [lang, plan] of plans) {
      const file = path.join(work, `baseline-${lang}.xlsx`);
      fs.writeFileSync(file, await planToXlsx(plan));
      files.push(file);
    }
    const output = await convert(soffice!, freshProfile(path.join(work, "profile")), work, files, "pdf");
    for (const lang of LANGS) {
      const pdf = path.join(work, `baseline-${lang}.pdf`);
      if (!fs.existsSync(pdf)) throw new Error(`LibreOffice wrote no ${pdf}; its output:\n${output}`);
      pages.set(lang, pdfPages(pdftotext!, pdf));
    }
  }, SOFFICE_TIMEOUT_MS + 60_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  describe.each(LANGS)("in %s", (lang) => {
    const plan = plans.get(lang)!;
    const names = finalSheetNames(plan);
    const footerOf = (page: Page) =>
      plan.sheets.find((s) => {
        const footer = t("sheet.footer", lang)
          .replace("&A", names.get(s.key)!)
          .replace(/&[PN].*$/, "");
        return page.text.replace(/\s+/g, "").includes(footer.replace(/\s+/g, ""));
      });

    it(`prints the whole baseline in fewer than ${PAGE_BUDGET} pages, each with its sheet's footer`, () => {
      const all = pages.get(lang)!;
      console.info(`${lang}: ${all.length} PDF pages for ${plan.sheets.length} sheets`);
      expect(all.length).toBeLessThan(PAGE_BUDGET);
      expect(all.length).toBeGreaterThanOrEqual(plan.sheets.length);
      const sheetsPrinted = all.map((p) => footerOf(p)?.key);
      expect(sheetsPrinted.filter((k) => k === undefined)).toEqual([]);
      expect([...new Set(sheetsPrinted)]).toEqual(plan.sheets.map((s) => s.key));
    });

    it("prints every sheet one page wide: each page of a sheet shows its header's first and last column", () => {
      const problems: string[] = [];
      for (const [i, page] of pages.get(lang)!.entries()) {
        const sheet = footerOf(page)!;
        const header = sheet.blocks.find((b) => b.style === "header" && b.address === `A${sheet.freezeRows || 5}`);
        if (!header) continue;
        const row = header.cells[0].map(String);
        const first = pages.get(lang)!.findIndex((p) => footerOf(p) === sheet) === i;
        // the header row repeats on every page of a sheet that has print titles
        if (!first && !sheet.page?.titleRows) continue;
        for (const word of [row[0], row[row.length - 1]])
          if (placesOf(page, word).length === 0) problems.push(`page ${i + 1} (${sheet.key}) lacks "${word}"`);
      }
      expect(problems).toEqual([]);
    });

    it("draws every chart of the plan beside its table, titled, in the right part of a page", () => {
      const problems: string[] = [];
      for (const sheet of plan.sheets) {
        const own = pages.get(lang)!.filter((p) => footerOf(p) === sheet);
        for (const chart of sheet.charts) {
          const xs = own.flatMap((p) => placesOf(p, chart.title).map((x) => x / p.width));
          if (!xs.some((x) => x > 0.5))
            problems.push(
              `${sheet.key}: "${chart.title}" drawn nowhere right of the table (found at ${JSON.stringify(xs)})`,
            );
        }
      }
      expect(problems).toEqual([]);
      expect(plan.sheets.flatMap((s) => s.charts).length).toBeGreaterThanOrEqual(8);
    });
  });
});
