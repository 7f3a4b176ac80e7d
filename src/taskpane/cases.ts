/**
 * The pane's "Your cases" section: a short form that makes a case for another company, and "Reset
 * to article" for the NVIDIA case (one driver or all the article gives, after a confirmation). Office
 * is reached only through CaseServices, so the page runs against a test double.
 */
import { NVIDIA_CASE } from "../baseline";
import { Lang, StringId, t } from "../i18n/strings";
import type { DriverId } from "../model";
import type { ResetReport } from "../workbook/case-reset";
import { CASE_CELLS, type CaseSpec, blankCase, caseKey, driverLabel } from "../workbook/case-plan";
import type { InsertReport } from "../workbook/report";
import { insertErrorText } from "./view";

export interface CaseServices {
  /** writes a case's sheet (a new one, or refreshes it keeping its inputs) */
  createCase(spec: CaseSpec, lang: Lang): Promise<InsertReport>;
  /** puts the article's values back into these drivers of the NVIDIA case (all it seeds when undefined) */
  resetCase(drivers: readonly DriverId[] | undefined, lang: Lang): Promise<ResetReport>;
}

/** What the section needs of the pane around it: the language, and one change at a time. */
export interface PaneLink {
  lang(): Lang;
  /** false outside Excel, or in an Excel that lacks what the workbook actions need */
  available(): boolean;
  busy(): boolean;
  setBusy(on: boolean): void;
}

/** What an action of the section ends with: its text in the pane's language of the moment, and details. */
export interface PaneMessage {
  readonly text: () => string;
  readonly error: boolean;
  readonly detail?: string;
}

/** Runs `work` with the pane busy; an exception becomes the pane's "unexpected" message with its text as detail. */
export async function whileBusy(pane: PaneLink, work: () => Promise<PaneMessage>): Promise<PaneMessage> {
  pane.setBusy(true);
  try {
    return await work();
  } catch (e) {
    return {
      text: () => t("pane.error.unexpected", pane.lang()),
      error: true,
      detail: e instanceof Error ? e.message : String(e),
    };
  } finally {
    pane.setBusy(false);
  }
}

/**
 * Shows an action's progress and message in the boxes `<prefix>-progress` and `<prefix>-message`
 * of taskpane.html (each with its -text, and the message's -details and -detail).
 */
export function showOutcome(
  doc: Document,
  prefix: string,
  progress: string | undefined,
  m: PaneMessage | undefined,
): void {
  $(doc, `${prefix}-progress`).hidden = progress === undefined;
  $(doc, `${prefix}-progress-text`).textContent = progress ?? "";
  const box = $(doc, `${prefix}-message`);
  box.hidden = !m;
  box.className = `message ${m?.error ? "error" : "info"}`;
  $(doc, `${prefix}-message-text`).textContent = m ? m.text() : "";
  $(doc, `${prefix}-message-details`).hidden = !m?.detail;
  $(doc, `${prefix}-message-detail`).textContent = m?.detail ?? "";
}

/** An element of taskpane.html by id (its absence is a bug of the page). */
export const $ = <T extends HTMLElement>(doc: Document, id: string): T => {
  const el = doc.getElementById(id);
  if (!el) throw new Error(`taskpane.html lacks #${id}`);
  return el as T;
};

/** The drivers the article seeds, in the case's order: what "Reset to article" can restore. */
export const SEEDED_DRIVERS = Object.keys(NVIDIA_CASE.seeds) as DriverId[];

const RESET_ERROR = {
  no_case: "pane.cases.reset.error.no_case",
  sheet_protected: "pane.cases.reset.error.sheet_protected",
  not_supported: "pane.cases.reset.error.other",
  cell_edit_mode: "pane.cases.reset.error.other",
  not_an_input: "pane.cases.reset.error.other",
  failed: "pane.cases.reset.error.other",
} as const satisfies Record<NonNullable<ResetReport["error"]>["kind"], StringId>;

/** The plain-words line a reset ends with. */
export function resetText(report: ResetReport, lang: Lang): string {
  if (!report.ok && report.error) return t(RESET_ERROR[report.error.kind], lang, { sheet: report.sheet ?? "" });
  const number = (v: unknown) =>
    v === "" || v === null || v === undefined ? t("pane.cases.reset.empty", lang) : String(v);
  const changes = report.cells
    .map((c) => {
      const driver = SEEDED_DRIVERS.find((d) => c.address === CASE_CELLS.driver(d));
      return t("pane.cases.reset.change", lang, {
        driver: driver ? driverLabel(driver, lang) : c.address,
        was: number(c.was),
        now: number(c.now),
      });
    })
    .join(t("list_separator", lang));
  return t("pane.cases.reset.done", lang, { sheet: report.sheet ?? "", changes });
}

/** The line a new case ends with: made, refreshed (inputs kept), left as it is, or why it failed. */
export function createdText(report: InsertReport, lang: Lang): string {
  if (!report.ok) return insertErrorText(report, lang) ?? t("pane.error.unexpected", lang);
  const sheet = report.sheets[0];
  const id: StringId =
    sheet.outcome === "created"
      ? "pane.cases.created"
      : sheet.outcome === "kept"
        ? "pane.cases.kept"
        : "pane.cases.refreshed";
  return t(id, lang, { sheet: sheet.name });
}

export class CasesSection {
  private message?: PaneMessage;
  private progress?: StringId;
  private confirming?: readonly DriverId[] | "all";

  constructor(
    private readonly doc: Document,
    private readonly services: CaseServices,
    private readonly pane: PaneLink,
  ) {}

  start(): void {
    const doc = this.doc;
    $(doc, "case-form").addEventListener("submit", (e) => {
      e.preventDefault();
      void this.create();
    });
    $(doc, "reset").addEventListener("click", () => {
      if (this.pane.busy()) return;
      const v = $<HTMLSelectElement>(doc, "reset-driver").value;
      this.confirming = v === "all" ? "all" : [v as DriverId];
      this.message = undefined;
      this.render();
      $(doc, "reset-yes").focus();
    });
    $(doc, "reset-no").addEventListener("click", () => {
      this.confirming = undefined;
      this.message = { text: () => t("pane.cases.reset.cancelled", this.pane.lang()), error: false };
      this.render();
      $(doc, "reset").focus();
    });
    $(doc, "reset-yes").addEventListener("click", () => void this.reset());
    this.render();
  }

  private field(id: string): HTMLInputElement {
    return $<HTMLInputElement>(this.doc, id);
  }

  private async create(): Promise<void> {
    if (this.pane.busy()) return;
    const lang = this.pane.lang();
    const company = this.field("case-company").value.trim();
    const currency = this.field("case-currency").value.trim().toUpperCase();
    const fy = this.field("case-fy").value.trim() || t("pane.cases.fiscal_year_end.default", lang);
    const invalid = (id: string, text: StringId) => {
      this.field(id).setAttribute("aria-invalid", "true");
      this.message = { text: () => t(text, this.pane.lang()), error: true };
      this.render();
      this.field(id).focus();
    };
    for (const id of ["case-company", "case-currency"]) this.field(id).removeAttribute("aria-invalid");
    if (company === "") return invalid("case-company", "pane.cases.error.company");
    if (!/^[A-Z]{3}$/.test(currency)) return invalid("case-currency", "pane.cases.error.currency");
    if (caseKey(company) === NVIDIA_CASE.key) return invalid("case-company", "pane.cases.error.nvidia");
    await this.run("pane.cases.creating", async () => {
      const report = await this.services.createCase(blankCase(company, currency, fy), lang);
      return { text: () => createdText(report, this.pane.lang()), error: !report.ok, detail: report.error?.detail };
    });
  }

  private async reset(): Promise<void> {
    const which = this.confirming;
    if (this.pane.busy() || !which) return;
    this.confirming = undefined;
    await this.run("pane.cases.reset.working", async () => {
      const report = await this.services.resetCase(which === "all" ? undefined : which, this.pane.lang());
      return { text: () => resetText(report, this.pane.lang()), error: !report.ok, detail: report.error?.detail };
    });
    $(this.doc, "reset").focus();
  }

  private async run(progress: StringId, work: () => Promise<PaneMessage>): Promise<void> {
    this.progress = progress;
    this.message = undefined;
    this.message = await whileBusy(this.pane, work);
    this.progress = undefined;
    this.render();
  }

  /** Puts the section's state on the page, in the pane's language. */
  render(): void {
    const { doc } = this;
    const lang = this.pane.lang();
    const busy = this.pane.busy();
    const select = $<HTMLSelectElement>(doc, "reset-driver");
    const chosen = select.value || "all";
    select.replaceChildren(
      ...[["all", t("pane.cases.reset.all", lang)], ...SEEDED_DRIVERS.map((d) => [d, driverLabel(d, lang)])].map(
        ([value, label]) => Object.assign(doc.createElement("option"), { value, textContent: label }),
      ),
    );
    select.value = chosen;
    const fy = this.field("case-fy");
    fy.placeholder = t("pane.cases.fiscal_year_end.default", lang);
    const off = busy || !this.pane.available();
    for (const id of ["case-create", "reset", "reset-yes"]) ($(doc, id) as HTMLButtonElement).disabled = off;
    const confirm = $(doc, "reset-confirm");
    confirm.hidden = !this.confirming;
    if (this.confirming) {
      const drivers =
        this.confirming === "all"
          ? SEEDED_DRIVERS.map((d) => driverLabel(d, lang)).join(t("list_separator", lang))
          : this.confirming.map((d) => driverLabel(d, lang)).join(t("list_separator", lang));
      $(doc, "reset-confirm-text").textContent = t("pane.cases.reset.confirm", lang, { drivers });
    }
    showOutcome(doc, "cases", this.progress && t(this.progress, lang), this.message);
  }
}
