/**
 * What exceljs leaves out of the package, added once it has written it: the charts (xlsx-chart.ts)
 * and each sheet's print area and print titles as sheet-scoped names, the sheet's name quoted as a
 * reference must be (exceljs writes "'NVIDIA's three scenarios'!…", which no reader accepts).
 * The package is opened and written again with JSZip, the zip library exceljs itself uses.
 */
import JSZip from "jszip";
import { absoluteCell, quoteSheetName } from "./address";
import { addChartParts, type WrittenSheet } from "./xlsx-chart";

export type { WrittenSheet } from "./xlsx-chart";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A sheet's print area and title rows as the defined names Excel keeps them in, by sheet position. */
export function printNames(sheets: readonly WrittenSheet[]): string[] {
  const out: string[] = [];
  sheets.forEach((s, position) => {
    const page = s.plan.page;
    if (!page) return;
    const sheet = esc(quoteSheetName(s.name));
    const corners = page.printArea.split(":").map(absoluteCell).join(":");
    out.push(`<definedName name="_xlnm.Print_Area" localSheetId="${position}">${sheet}!${corners}</definedName>`);
    if (page.titleRows) {
      const [first, last] = page.titleRows.split(":");
      out.push(
        `<definedName name="_xlnm.Print_Titles" localSheetId="${position}">${sheet}!$${first}:$${last}</definedName>`,
      );
    }
  });
  return out;
}

/** The workbook part with the print names in its <definedNames> (made if there is none). */
export function withPrintNames(workbookXml: string, names: readonly string[]): string {
  if (names.length === 0) return workbookXml;
  if (/_xlnm\.Print_(Area|Titles)/.test(workbookXml)) throw new Error("the workbook already has print names");
  if (workbookXml.includes("</definedNames>"))
    return workbookXml.replace("</definedNames>", `${names.join("")}</definedNames>`);
  if (workbookXml.includes("<definedNames/>"))
    return workbookXml.replace("<definedNames/>", `<definedNames>${names.join("")}</definedNames>`);
  const at = workbookXml.indexOf("<calcPr");
  if (at < 0) throw new Error("the workbook part has neither <definedNames> nor <calcPr>");
  return `${workbookXml.slice(0, at)}<definedNames>${names.join("")}</definedNames>${workbookXml.slice(at)}`;
}

/** The package exceljs wrote, with its charts and print names. */
export async function completePackage(xlsx: Buffer, sheets: readonly WrittenSheet[], date: Date): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  await addChartParts(zip, sheets, date);
  const book = zip.file("xl/workbook.xml");
  if (!book) throw new Error("the written workbook lacks xl/workbook.xml");
  zip.file("xl/workbook.xml", withPrintNames(await book.async("string"), printNames(sheets)), { date });
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
