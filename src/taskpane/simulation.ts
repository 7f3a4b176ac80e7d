/**
 * The pane's "Run a simulation" fold, in the "Your cases" section: which case (NVIDIA, or the
 * company a case was made for), which output, how many trials, the seed and the loss threshold;
 * checks what was typed, then asks the workbook layer to read the case, simulate it and write its
 * simulation sheet. Office is reached only through SimulationServices.
 */
import { NVIDIA_CASE } from "../baseline";
import { LANGUAGE_TAGS, Lang, StringId, t } from "../i18n/strings";
import { RISK_OUTPUTS, type RiskOutputId, isRiskOutput } from "../model";
import { MAX_TRIALS, MIN_TRIALS } from "../model/simulation-limits";
import { caseKey, driverLabel } from "../workbook/case-plan";
import { riskOutputLabel } from "../workbook/case-tornado";
import type { SimulationErrorKind, SimulationReport, SimulationRequest } from "../workbook/simulation-run";
import { $, type PaneLink, type PaneMessage, showOutcome, whileBusy } from "./cases";
import { insertErrorText } from "./view";

export interface SimulationServices {
  /** reads the case, simulates it and writes its simulation sheet */
  simulate(request: SimulationRequest): Promise<SimulationReport>;
}

const SIM_ERROR = {
  not_supported: "pane.error.not_supported",
  cell_edit_mode: "pane.error.cell_edit_mode",
  no_case: "pane.sim.error.no_case",
  read_failed: "pane.sim.error.read",
  load_failed: "pane.sim.error.load",
  unreadable: "pane.sim.error.unreadable",
  missing: "pane.sim.error.missing",
  invalid: "pane.sim.error.invalid",
} as const satisfies Record<Exclude<SimulationErrorKind, "insert">, StringId>;

/** A number as the pane writes it: grouped, at most two decimals (four below 1). */
const figure = (x: number, lang: Lang) =>
  new Intl.NumberFormat(LANGUAGE_TAGS[lang], { maximumFractionDigits: Math.abs(x) < 1 ? 4 : 2 }).format(x);

/** The line a run ends with: what the sheet says, or why nothing was written. */
export function simulationText(report: SimulationReport, company: string, lang: Lang): string {
  const sheet = report.caseSheet ?? "";
  const e = report.error;
  if (report.ok && report.summary) {
    const s = report.summary;
    return t("pane.sim.done", lang, {
      sheet: report.sheet ?? "",
      mean: figure(s.mean, lang),
      p5: figure(s.p5, lang),
      p95: figure(s.p95, lang),
      trials: figure(s.trials, lang),
      seed: String(s.seed),
    });
  }
  if (!e) return t("pane.error.unexpected", lang);
  if (e.kind === "insert")
    return (report.insert && insertErrorText(report.insert, lang)) ?? t("pane.error.unexpected", lang);
  return t(SIM_ERROR[e.kind], lang, {
    company,
    sheet,
    cell: e.cell ?? "",
    driver: e.driver ? driverLabel(e.driver, lang) : "",
  });
}

/** What the form says, checked: the request, or the field at fault and why. */
export function readForm(
  fields: { company: string; output: string; trials: string; seed: string; threshold: string },
  lang: Lang,
): { request: SimulationRequest } | { field: "sim-trials" | "sim-seed" | "sim-threshold"; error: StringId } {
  const whole = (text: string) => {
    const plain = text.replace(/[\s,_]/g, "");
    return /^-?\d+$/.test(plain) ? Number(plain) : NaN;
  };
  const trials = whole(fields.trials);
  if (!Number.isSafeInteger(trials) || trials < MIN_TRIALS || trials > MAX_TRIALS)
    return { field: "sim-trials", error: "pane.sim.error.trials" };
  const seed = whole(fields.seed);
  if (!Number.isSafeInteger(seed)) return { field: "sim-seed", error: "pane.sim.error.seed" };
  const thresholdText = fields.threshold.trim().replace(/,/g, "");
  const threshold = thresholdText === "" ? undefined : Number(thresholdText);
  if (threshold !== undefined && !Number.isFinite(threshold))
    return { field: "sim-threshold", error: "pane.sim.error.threshold" };
  const company = fields.company.trim();
  const output: RiskOutputId = isRiskOutput(fields.output) ? fields.output : "revenue_at_risk";
  return {
    request: {
      caseKey: company === "" ? NVIDIA_CASE.key : caseKey(company),
      company: company === "" ? NVIDIA_CASE.company[lang] : company,
      output,
      trials,
      seed,
      threshold,
      lang,
    },
  };
}

const FIELDS = ["sim-company", "sim-trials", "sim-seed", "sim-threshold"] as const;

export class SimulationFold {
  private message?: PaneMessage;
  private running = false;

  constructor(
    private readonly doc: Document,
    private readonly services: SimulationServices,
    private readonly pane: PaneLink,
  ) {}

  start(): void {
    $(this.doc, "sim-form").addEventListener("submit", (e) => {
      e.preventDefault();
      void this.run();
    });
    this.render();
  }

  private input(id: string): HTMLInputElement {
    return $<HTMLInputElement>(this.doc, id);
  }

  private async run(): Promise<void> {
    if (this.pane.busy() || !this.pane.available()) return;
    const lang = this.pane.lang();
    for (const id of FIELDS) this.input(id).removeAttribute("aria-invalid");
    const form = readForm(
      {
        company: this.input("sim-company").value,
        output: $<HTMLSelectElement>(this.doc, "sim-output").value,
        trials: this.input("sim-trials").value,
        seed: this.input("sim-seed").value,
        threshold: this.input("sim-threshold").value,
      },
      lang,
    );
    if ("field" in form) {
      this.input(form.field).setAttribute("aria-invalid", "true");
      this.message = { text: () => t(form.error, this.pane.lang()), error: true };
      this.render();
      this.input(form.field).focus();
      return;
    }
    const { request } = form;
    this.running = true;
    this.message = undefined; // the previous run's, hidden while this one runs
    this.message = await whileBusy(this.pane, async () => {
      const report = await this.services.simulate(request);
      return {
        text: () => simulationText(report, request.company, this.pane.lang()),
        error: !report.ok,
        detail: report.error?.detail,
      };
    });
    this.running = false;
    this.render();
  }

  /** Puts the fold's state on the page, in the pane's language. */
  render(): void {
    const { doc } = this;
    const lang = this.pane.lang();
    const select = $<HTMLSelectElement>(doc, "sim-output");
    const chosen = select.value || "revenue_at_risk";
    select.replaceChildren(
      ...RISK_OUTPUTS.map((id) =>
        Object.assign(doc.createElement("option"), { value: id, textContent: riskOutputLabel(id, lang) }),
      ),
    );
    select.value = chosen;
    this.input("sim-company").placeholder = NVIDIA_CASE.company[lang];
    ($(doc, "sim-run") as HTMLButtonElement).disabled = this.pane.busy() || !this.pane.available();
    showOutcome(doc, "sim", this.running ? t("pane.sim.running", lang) : undefined, this.message);
  }
}
