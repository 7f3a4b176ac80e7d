/**
 * The taskpane entry (shared runtime: this page also hosts the custom functions and the ribbon
 * command). It loads the stylesheet, waits for Office, and wires the pane to the workbook adapters.
 */
import { TABLE_SUMMARIES } from "../baseline";
import { Lang } from "../i18n/strings";
import { caseInputs, caseSeedCells, caseSheetKey, nvidiaCase } from "../workbook/case-plan";
import { resetCaseInputs } from "../workbook/case-reset";
import { activateSheet, applyPlan } from "../workbook/office";
import { buildPlan, casePlan } from "../workbook/plan";
import { convertExposureFormulas, isAutoOpen, scanExposureFormulas, setAutoOpen } from "../workbook/sharing";
import { runSimulation } from "../workbook/simulation-run";
import { Pane, PaneServices } from "./pane";
import { missingSets } from "./requirements";
import { initialLang } from "./view";

const LANG_KEY = "china-exposure-workbench.lang";

// webpack emits the stylesheet as an asset and gives its URL
const stylesheet = document.createElement("link");
stylesheet.rel = "stylesheet";
stylesheet.href = new URL("./taskpane.css", import.meta.url).href;
const styled = new Promise<void>((resolve) => {
  stylesheet.onload = () => resolve();
  stylesheet.onerror = () => resolve();
});
document.head.append(stylesheet);

function storedLang(): string | null {
  try {
    return window.localStorage.getItem(LANG_KEY);
  } catch {
    return null;
  }
}

/** False when office.js did not load (the page opened outside Office, or offline). */
const officeLoaded = typeof Office !== "undefined";

/** The host Office.onReady reported: Excel, or none when the page is opened in a plain browser. */
let host: Office.HostType | null = null;

const services: PaneServices = {
  environment: () =>
    officeLoaded && host === Office.HostType.Excel
      ? { inExcel: true, missing: missingSets((name, v) => Office.context.requirements.isSetSupported(name, v)) }
      : { inExcel: false, missing: [] },
  async insert(tables, lang, onProgress) {
    const plan = buildPlan({ tables, lang });
    return applyPlan(plan, { onProgress: (phase) => onProgress(phase, plan.sheets.length) });
  },
  activate: activateSheet,
  createCase: (spec, lang) => applyPlan(casePlan(spec, lang)),
  resetCase(drivers, lang) {
    const spec = nvidiaCase(lang);
    return resetCaseInputs(caseSheetKey(spec), caseInputs(), caseSeedCells(spec, drivers));
  },
  simulate: (request) => runSimulation(request),
  scan: scanExposureFormulas,
  convert: convertExposureFormulas,
  getAutoOpen: isAutoOpen,
  setAutoOpen,
  loadLang: () => initialLang(storedLang(), officeLoaded ? Office.context.displayLanguage : navigator.language),
  saveLang(lang: Lang) {
    try {
      window.localStorage.setItem(LANG_KEY, lang);
    } catch {
      // private mode: the choice lasts for this session only
    }
  },
};

const start = () => new Pane(document, TABLE_SUMMARIES, services).start();

if (officeLoaded) {
  Office.onReady(async (info) => {
    await styled;
    if (info.host && info.host !== Office.HostType.Excel) return;
    host = info.host;
    start();
  });
} else {
  // without Office the pane still shows, says to open it from Excel, and keeps its actions off
  void styled.then(start);
}
