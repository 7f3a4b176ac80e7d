/**
 * The taskpane's behaviour over the DOM of taskpane.html: the table checklist, the insert buttons,
 * progress, results, errors, the language switch and the sharing tools. Office is reached only
 * through PaneServices, so the page can run against a test double.
 */
import type { TableSummary } from "../baseline";
import { type CaseServices, CasesSection } from "./cases";
import { type SimulationServices, SimulationFold } from "./simulation";
import { LANGUAGE_TAGS, Lang, StringId, t } from "../i18n/strings";
import type { InsertPhase, InsertReport } from "../workbook/report";
import { failedReport, type ConvertReport, type ScanReport, type SharingScope } from "../workbook/sharing";
import { type PaneEnvironment, actionsAvailable } from "./requirements";
import {
  cleanupNotes,
  confirmText,
  environmentText,
  convertText,
  insertErrorText,
  nameNotes,
  outcomeText,
  progressText,
  replaceLabel,
  scanErrorText,
  sharingNotes,
  tableDescription,
  tableTitle,
} from "./view";

/** What the pane says after the auto-open setting was changed. */
const AUTO_OPEN_NOTE = {
  on: "pane.autoopen.on",
  off: "pane.autoopen.off",
  failed: "pane.autoopen.failed",
} as const satisfies Record<string, StringId>;

export interface PaneServices extends CaseServices, SimulationServices {
  /** in Excel or not, and the requirement sets this Excel lacks */
  environment(): PaneEnvironment;
  /** builds the plan for `tables` (all when undefined) in `lang` and applies it */
  insert(
    tables: readonly string[] | undefined,
    lang: Lang,
    onProgress: (phase: InsertPhase, sheets: number) => void,
  ): Promise<InsertReport>;
  activate(sheetId: string): Promise<boolean>;
  scan(scope: SharingScope): Promise<ScanReport>;
  /** converts exactly the formulas a scan counted */
  convert(scan: ScanReport): Promise<ConvertReport>;
  getAutoOpen(): boolean;
  setAutoOpen(on: boolean): Promise<boolean>;
  /** the saved language choice */
  loadLang(): Lang;
  saveLang(lang: Lang): void;
}

type Busy = "insert" | "scan" | "convert" | "case" | undefined;

interface State {
  lang: Lang;
  env: PaneEnvironment;
  busy: Busy;
  phase?: InsertPhase;
  sheets: number;
  noneSelected: boolean;
  report?: InsertReport;
  /** an exception no report covered: shown in plain words, with its text under Details */
  unexpected?: string;
  activateMissing: boolean;
  scope: SharingScope;
  /** a scan waiting for the user's answer */
  pendingScan?: ScanReport;
  sharingMessage?: { text: () => string; notes: () => string[]; error: boolean };
  autoOpen: boolean;
  autoOpenNote?: keyof typeof AUTO_OPEN_NOTE;
}

const $ = <T extends HTMLElement>(doc: Document, id: string): T => {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`taskpane.html lacks #${id}`);
  return el as T;
};

export class Pane {
  private readonly state: State;
  private readonly boxes = new Map<string, HTMLInputElement>();
  /** the report and language the result list was built for (rebuilding it would lose focus) */
  private shown?: { report: InsertReport; lang: Lang };

  constructor(
    private readonly doc: Document,
    private readonly tables: readonly TableSummary[],
    private readonly services: PaneServices,
  ) {
    this.state = {
      lang: services.loadLang(),
      env: services.environment(),
      busy: undefined,
      sheets: 0,
      noneSelected: false,
      activateMissing: false,
      scope: "sheet",
      autoOpen: services.getAutoOpen(),
    };
    const link = {
      lang: () => this.state.lang,
      available: () => actionsAvailable(this.state.env),
      busy: () => this.state.busy !== undefined,
      setBusy: (on: boolean) => {
        this.state.busy = on ? "case" : undefined;
        this.render();
      },
    };
    this.cases = new CasesSection(doc, services, link);
    this.simulation = new SimulationFold(doc, services, link);
  }

  /** The "Your cases" section (cases.ts), and its simulation fold (simulation.ts). */
  private readonly cases: CasesSection;
  private readonly simulation: SimulationFold;

  /** Builds the checklist, wires the controls and shows the pane. */
  start(): void {
    const doc = this.doc;
    const list = $(doc, "tables");
    for (const table of this.tables) {
      const li = doc.createElement("li");
      li.className = "table-item";
      const box = doc.createElement("input");
      box.type = "checkbox";
      box.id = `table-${table.id}`;
      box.value = table.id;
      box.setAttribute("aria-describedby", `table-${table.id}-desc`);
      box.addEventListener("change", () => this.onTableToggled());
      // the title names the checkbox; the description describes it (read after the name)
      const text = doc.createElement("div");
      text.className = "table-text";
      const label = doc.createElement("label");
      label.htmlFor = box.id;
      label.className = "table-title";
      const desc = doc.createElement("span");
      desc.className = "table-desc";
      desc.id = `table-${table.id}-desc`;
      text.append(label, desc);
      li.append(box, text);
      list.append(li);
      this.boxes.set(table.id, box);
    }
    $<HTMLInputElement>(doc, "all-tables").addEventListener("change", (e) => {
      const on = (e.target as HTMLInputElement).checked;
      for (const box of this.boxes.values()) box.checked = on;
      this.onTableToggled();
    });
    for (const lang of ["en", "zh"] as const) {
      const radio = $<HTMLInputElement>(doc, `lang-${lang}`);
      radio.checked = this.state.lang === lang;
      radio.addEventListener("change", () => {
        if (!radio.checked) return;
        this.state.lang = lang;
        this.services.saveLang(lang);
        this.render();
      });
    }
    $(doc, "insert-all").addEventListener("click", () => void this.insert(undefined));
    $(doc, "insert-selected").addEventListener("click", () => {
      const ids = this.tables.filter((tb) => this.boxes.get(tb.id)!.checked).map((tb) => tb.id);
      if (ids.length === 0) {
        this.state.noneSelected = true;
        this.render();
        return;
      }
      void this.insert(ids);
    });
    for (const scope of ["selection", "sheet", "workbook"] as const) {
      const radio = $<HTMLInputElement>(doc, `scope-${scope}`);
      radio.checked = this.state.scope === scope;
      radio.addEventListener("change", () => {
        if (!radio.checked) return;
        this.state.scope = scope;
        this.state.pendingScan = undefined;
        this.render();
      });
    }
    $(doc, "find").addEventListener("click", () => void this.scan());
    $(doc, "replace").addEventListener("click", () => void this.convert());
    $(doc, "cancel").addEventListener("click", () => {
      this.state.pendingScan = undefined;
      this.state.sharingMessage = {
        text: () => t("pane.sharing.cancelled", this.state.lang),
        notes: () => [],
        error: false,
      };
      this.render();
      $(doc, "find").focus();
    });
    const autoOpen = $<HTMLInputElement>(doc, "autoopen");
    autoOpen.checked = this.state.autoOpen;
    autoOpen.addEventListener("change", () => void this.toggleAutoOpen(autoOpen.checked));

    this.render();
    this.cases.start();
    this.simulation.start();
    doc.documentElement.classList.add("ready");
  }

  private onTableToggled(): void {
    const boxes = [...this.boxes.values()];
    const on = boxes.filter((b) => b.checked).length;
    const all = $<HTMLInputElement>(this.doc, "all-tables");
    all.checked = on === boxes.length;
    all.indeterminate = on > 0 && on < boxes.length;
    if (on > 0 && this.state.noneSelected) {
      this.state.noneSelected = false;
      this.render();
    }
  }

  private async insert(tables: readonly string[] | undefined): Promise<void> {
    if (this.state.busy) return;
    Object.assign(this.state, {
      busy: "insert" as Busy,
      phase: "reading" as InsertPhase,
      noneSelected: false,
      report: undefined,
      unexpected: undefined,
      activateMissing: false,
    });
    this.render();
    try {
      this.state.report = await this.services.insert(tables, this.state.lang, (phase, sheets) => {
        this.state.phase = phase;
        this.state.sheets = sheets;
        this.render();
      });
    } catch (e) {
      this.state.unexpected = e instanceof Error ? e.message : String(e);
    }
    this.state.busy = undefined;
    this.render();
    // a short pane: bring the outcome into view (the focus stays on the button pressed)
    const shown = this.state.report?.ok ? "results" : "insert-error";
    $(this.doc, shown).scrollIntoView?.({ block: "nearest" });
  }

  private async activate(id: string): Promise<void> {
    const ok = await this.services.activate(id);
    this.state.activateMissing = !ok;
    this.render();
  }

  private async scan(): Promise<void> {
    if (this.state.busy) return;
    Object.assign(this.state, { busy: "scan" as Busy, pendingScan: undefined, sharingMessage: undefined });
    this.render();
    const scope = this.state.scope;
    let report: ScanReport;
    try {
      report = await this.services.scan(scope);
    } catch (e) {
      report = failedReport({ kind: "read_failed", detail: String(e) }, 0);
    }
    this.state.busy = undefined;
    if (report.ok && report.formulas > 0) {
      this.state.pendingScan = report;
    } else {
      this.state.sharingMessage = {
        text: () => scanErrorText(report, this.state.lang) ?? confirmText(report, this.state.lang),
        notes: () => sharingNotes(report, this.state.lang),
        error: !report.ok,
      };
    }
    this.render();
    if (this.state.pendingScan) $(this.doc, "replace").focus();
  }

  private async convert(): Promise<void> {
    const scan = this.state.pendingScan;
    if (this.state.busy || !scan) return;
    Object.assign(this.state, { busy: "convert" as Busy, pendingScan: undefined, sharingMessage: undefined });
    this.render();
    let report: ConvertReport;
    try {
      report = await this.services.convert(scan);
    } catch (e) {
      report = { ...failedReport({ kind: "write_failed", detail: String(e) }, 0), restored: false };
    }
    this.state.busy = undefined;
    this.state.sharingMessage = {
      text: () => convertText(report, this.state.lang),
      notes: () => sharingNotes(report, this.state.lang),
      error: !report.ok,
    };
    this.render();
    $(this.doc, "find").focus();
  }

  private async toggleAutoOpen(on: boolean): Promise<void> {
    const ok = await this.services.setAutoOpen(on);
    if (ok) this.state.autoOpen = on;
    this.state.autoOpenNote = ok ? (on ? "on" : "off") : "failed";
    $<HTMLInputElement>(this.doc, "autoopen").checked = this.state.autoOpen;
    this.render();
  }

  /** Puts the state on the page, in the current language. */
  render(): void {
    const { doc, state } = this;
    const lang = state.lang;
    this.cases?.render();
    this.simulation?.render();
    const tr = (id: StringId, vars?: Record<string, string | number>) => t(id, lang, vars);
    doc.documentElement.lang = LANGUAGE_TAGS[lang];
    doc.title = tr("pane.doc_title");
    doc.querySelectorAll<HTMLElement>("[data-i18n]").forEach((el) => {
      el.textContent = tr(el.dataset.i18n as StringId);
    });
    for (const table of this.tables) {
      const box = this.boxes.get(table.id)!;
      const text = box.nextElementSibling as HTMLElement;
      (text.querySelector(".table-title") as HTMLElement).textContent = tableTitle(table, lang);
      const desc = text.querySelector(".table-desc") as HTMLElement;
      desc.textContent = tableDescription(table, lang);
      desc.title = desc.textContent;
    }

    // where it runs: outside Excel, or an Excel lacking requirement sets, says so; the actions wait
    const env = environmentText(state.env, lang);
    $(doc, "environment").hidden = !env;
    $(doc, "environment-title").textContent = env?.title ?? "";
    $(doc, "environment-text").textContent = env?.text ?? "";
    const available = actionsAvailable(state.env);

    // insert
    const busy = state.busy !== undefined;
    $(doc, "app").setAttribute("aria-busy", String(busy));
    for (const id of ["insert-all", "insert-selected", "find"])
      ($(doc, id) as HTMLButtonElement).disabled = busy || !available;
    $<HTMLInputElement>(doc, "autoopen").disabled = !available;
    $(doc, "insert-hint").hidden = !state.noneSelected;
    $(doc, "insert-hint").textContent = state.noneSelected ? tr("pane.insert.none_selected") : "";
    const inserting = state.busy === "insert";
    $(doc, "progress").hidden = !inserting;
    const progress = inserting && state.phase ? progressText(state.phase, state.sheets, lang) : "";
    $(doc, "progress-text").textContent = progress;

    const report = state.report;
    const errorText =
      state.unexpected !== undefined ? tr("pane.error.unexpected") : report && insertErrorText(report, lang);
    const errorBox = $(doc, "insert-error");
    errorBox.hidden = !errorText;
    $(doc, "insert-error-text").textContent = errorText ?? "";
    $(doc, "insert-error-left").replaceChildren(
      ...(report && !report.ok ? cleanupNotes(report, lang) : []).map((line) =>
        Object.assign(doc.createElement("li"), { textContent: line }),
      ),
    );
    const detail = state.unexpected ?? report?.error?.detail ?? "";
    $(doc, "insert-error-details").hidden = !detail;
    $(doc, "insert-error-detail").textContent = detail;

    const results = $(doc, "results");
    const ok = !!report?.ok;
    results.hidden = !ok;
    if (report && ok && (this.shown?.report !== report || this.shown.lang !== lang)) {
      this.shown = { report, lang };
      $(doc, "results-summary").textContent = tr("pane.result.summary", { count: report.sheets.length });
      $(doc, "result-list").replaceChildren(
        ...report.sheets.map((r) => {
          const li = doc.createElement("li");
          const button = doc.createElement("button");
          button.type = "button";
          button.className = "result";
          button.dataset.sheetId = r.id;
          button.dataset.outcome = r.outcome;
          button.title = tr("pane.result.go", { sheet: r.name });
          const name = doc.createElement("span");
          name.className = "result-name";
          name.textContent = r.name;
          const outcome = doc.createElement("span");
          outcome.className = `result-outcome outcome-${r.outcome}`;
          outcome.textContent = outcomeText(r, lang);
          button.append(name, outcome);
          button.addEventListener("click", () => void this.activate(r.id));
          li.append(button);
          return li;
        }),
      );
      $(doc, "name-notes").replaceChildren(
        ...nameNotes(report, lang).map((line) => Object.assign(doc.createElement("li"), { textContent: line })),
      );
    }
    const missing = $(doc, "activate-missing");
    missing.hidden = !state.activateMissing;
    missing.textContent = state.activateMissing ? tr("pane.activate.missing") : "";

    // the live region says what a screen reader should hear: progress, then the outcome
    const status = inserting
      ? progress
      : ok && report
        ? tr("pane.result.summary", { count: report.sheets.length })
        : state.busy === "scan"
          ? tr("pane.sharing.searching")
          : state.busy === "convert"
            ? tr("pane.sharing.converting")
            : "";
    const live = $(doc, "status");
    if (live.textContent !== status) live.textContent = status;

    // sharing
    const sharingBusy = state.busy === "scan" || state.busy === "convert";
    $(doc, "sharing-progress").hidden = !sharingBusy;
    $(doc, "sharing-progress-text").textContent = sharingBusy
      ? tr(state.busy === "scan" ? "pane.sharing.searching" : "pane.sharing.converting")
      : "";
    const confirm = $(doc, "confirm");
    confirm.hidden = !state.pendingScan;
    if (state.pendingScan) {
      $(doc, "confirm-text").textContent = confirmText(state.pendingScan, lang);
      $(doc, "replace").textContent = replaceLabel(state.pendingScan.formulas, lang);
      const confirmNotes = $(doc, "confirm-notes");
      confirmNotes.replaceChildren(
        ...sharingNotes(state.pendingScan, lang).map((n) => Object.assign(doc.createElement("li"), { textContent: n })),
      );
    }
    const message = $(doc, "sharing-message");
    const m = state.sharingMessage;
    message.hidden = !m;
    message.className = `message ${m?.error ? "error" : "info"}`;
    $(doc, "sharing-message-text").textContent = m ? m.text() : "";
    $(doc, "sharing-notes").replaceChildren(
      ...(m ? m.notes() : []).map((n) => Object.assign(doc.createElement("li"), { textContent: n })),
    );
    const autoNote = $(doc, "autoopen-status");
    autoNote.hidden = !state.autoOpenNote;
    autoNote.className = `caption ${state.autoOpenNote === "failed" ? "error-text" : ""}`;
    autoNote.textContent = state.autoOpenNote ? tr(AUTO_OPEN_NOTE[state.autoOpenNote]) : "";
  }
}
