/**
 * The built taskpane in a real browser (Debian's chromium-headless-shell through playwright-core):
 * dist/ served on a local port, the request for office.js answered with the recording double
 * (excel-double.ts + office-double.ts, transpiled here). Clicks the pane like a user, asserts what it
 * shows and what it did to the recorded workbook, and saves docs/taskpane.png.
 *
 * Needs /usr/bin/chromium-headless-shell (apt-get install -y --no-install-recommends
 * chromium-headless-shell); builds dist/ first if it is missing. The screenshot is written when
 * docs/taskpane.png is missing or UPDATE_SCREENSHOT=1, else to .tmp/taskpane.png.
 */
import { execSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import * as ts from "typescript";
import { TABLE_SUMMARIES } from "../../src/baseline";
import { nvidiaDrivers } from "../../src/baseline";
import { simulate } from "../../src/model/simulation";
import { CASE_CELLS } from "../../src/workbook/case-plan";
import { buildPlan } from "../../src/workbook/plan";
import type { OfficeDoubleConfig } from "./office-double";

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The double as one browser script: each module as CommonJS, linked by a tiny loader. */
function doubleScript(): string {
  // each module under the name its importers require it by
  const sources: [string, string][] = [
    ["./excel-double", path.join(__dirname, "excel-double.ts")],
    ["./office-double", path.join(__dirname, "office-double.ts")],
    ["../../src/workbook/address", path.join(ROOT, "src", "workbook", "address.ts")],
  ];
  const modules = sources.map(([name, file]) => {
    const js = ts.transpileModule(fs.readFileSync(file, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
    }).outputText;
    return `${JSON.stringify(name)}: function (exports, require, module) {\n${js}\n}`;
  });
  // the CustomFunctions stand-in shared with the unit tests, already CommonJS
  const stub = fs.readFileSync(path.join(__dirname, "..", "stubs", "custom-functions.js"), "utf8");
  modules.push(`"../stubs/custom-functions": function (exports, require, module) {\n${stub}\n}`);
  return `(function () {
  var factories = {${modules.join(",\n")}};
  var cache = {};
  function req(name) {
    if (cache[name]) return cache[name].exports;
    var module = { exports: {} };
    cache[name] = module;
    factories[name](module.exports, req, module);
    return module.exports;
  }
  req("./office-double");
})();`;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".json": "application/json",
  ".map": "application/json",
  ".xml": "application/xml",
};

function serve(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = path.join(dir, decodeURIComponent(url.pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

let browser: Browser;
let server: http.Server;
let base: string;
let script: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    execSync("npx webpack --mode production", { cwd: ROOT, stdio: "inherit" });
  }
  script = doubleScript();
  server = await serve(DIST);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

interface Opened {
  page: Page;
  errors: string[];
  snapshot(): Promise<ReturnType<import("./excel-double").FakeWorkbook["snapshot"]>>;
}

async function open(config: OfficeDoubleConfig = {}, height = 900): Promise<Opened> {
  const page = await browser.newPage({ viewport: { width: 320, height }, deviceScaleFactor: 2 });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.addInitScript((c) => {
    (globalThis as unknown as { __officeDoubleConfig: unknown }).__officeDoubleConfig = c;
  }, config);
  await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: script }));
  await page.goto(`${base}/taskpane.html`);
  await page.waitForSelector("html.ready");
  return {
    page,
    errors,
    snapshot: () =>
      page.evaluate(() => (globalThis as unknown as { __excel: { snapshot(): never } }).__excel.snapshot()),
  };
}

describe("the taskpane in a browser", () => {
  it("lists the baseline tables with a checkbox and a description each, in the Office look, at 320 px", async () => {
    const { page, errors } = await open();
    // the list folds under the primary action; it opens on demand
    expect(await page.locator("#tables").isVisible()).toBe(false);
    await page.getByText("Choose tables").click();
    expect(await page.locator("#tables input[type=checkbox]").count()).toBe(TABLE_SUMMARIES.length);
    for (const table of TABLE_SUMMARIES) {
      // named by its title, described by its one line
      const box = page.getByRole("checkbox", { name: table.title, exact: true });
      expect(await box.isVisible()).toBe(true);
      expect(
        await box.evaluate((el) => document.getElementById(el.getAttribute("aria-describedby")!)!.textContent),
      ).toBe(table.description);
    }
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/^"?Segoe UI/);
    // nothing wider than the pane
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await page.title()).toBe("China-exposure workbench");
    expect(errors).toEqual([]);
    await page.close();
  });

  it("inserts all the sheets: progress while it works, a result list of every sheet, three syncs in the workbook", async () => {
    const plan = buildPlan();
    const { page, errors, snapshot } = await open({ syncDelayMs: 250 });
    await page.getByRole("button", { name: "Insert all" }).click();
    await page.locator("#progress").waitFor({ state: "visible" });
    await expect(page.getByRole("progressbar").isVisible()).resolves.toBe(true);
    expect(await page.locator("#progress-text").textContent()).toMatch(
      /Reading the workbook…|Writing 11 sheets…|Finishing…/,
    );
    expect(await page.getByRole("button", { name: "Insert all" }).isDisabled()).toBe(true);
    await page.locator("#results").waitFor({ state: "visible" });
    expect(await page.locator("#progress").isHidden()).toBe(true);

    const items = page.locator("#result-list button");
    expect(await items.allTextContents()).toEqual(plan.sheets.map((s) => `${s.name}New sheet`));
    expect(await page.locator("#status").textContent()).toBe(
      `Done: ${plan.sheets.length} sheets. Select one to go to it.`,
    );

    const wb = await snapshot();
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1", ...plan.sheets.map((s) => s.name)]);
    expect(wb.sheets.flatMap((s) => s.tables.map((t) => t.name)).sort()).toEqual(
      plan.sheets.flatMap((s) => s.tables.map((t) => t.name)).sort(),
    );
    expect(wb.sheets.reduce((n, s) => n + s.charts.length, 0)).toBe(
      plan.sheets.reduce((n, s) => n + s.charts.length, 0),
    );
    expect(wb.names).toHaveLength(plan.names.length);
    expect(wb.syncs).toBe(3);
    expect(wb.implicitSyncs).toBe(0);
    expect(wb.calcSuspendedAtSync).toEqual([2]);
    expect(wb.sheets.slice(1).every((s) => s.mark?.includes(`"v":1`))).toBe(true);
    // every sheet set up to print: landscape, one page wide, with its footer
    expect(wb.sheets.slice(1).map((s) => [s.pageLayout.orientation, s.pageLayout.zoom])).toEqual(
      plan.sheets.map(() => ["Landscape", { horizontalFitToPages: 1, verticalFitToPages: 0 }]),
    );

    // the screenshot for the README: the pane from its top to the end of the result list
    const bottom = await page.locator("#results").evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
    await page.setViewportSize({ width: 320, height: Math.ceil(bottom + 16) });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.mouse.move(319, 1);
    const shotPath =
      process.env.UPDATE_SCREENSHOT === "1" || !fs.existsSync(path.join(ROOT, "docs/taskpane.png"))
        ? path.join(ROOT, "docs/taskpane.png")
        : path.join(ROOT, ".tmp/taskpane.png");
    fs.mkdirSync(path.dirname(shotPath), { recursive: true });
    await page.screenshot({ path: shotPath });

    // a result selects its sheet
    await items.nth(2).click();
    await page.waitForFunction(
      (name) =>
        (globalThis as unknown as { __excel: { snapshot(): { activeSheet: string } } }).__excel.snapshot()
          .activeSheet === name,
      plan.sheets[2].name,
    );

    // inserting again refreshes in place: same sheets, still three syncs
    await page.getByRole("button", { name: "Insert all" }).click();
    await page.waitForFunction(() => (globalThis as unknown as { __excel: { syncs: number } }).__excel.syncs >= 7);
    await page.locator("#result-list button >> nth=0").waitFor();
    await page.waitForFunction(() => !(document.getElementById("insert-all") as HTMLButtonElement).disabled);
    const again = await snapshot();
    expect(again.sheets.map((s) => s.name)).toEqual(wb.sheets.map((s) => s.name));
    expect(again.syncs).toBe(3 + 1 + 3); // + the activation
    expect(await items.first().textContent()).toBe(`${plan.sheets[0].name}Already up to date`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("inserts only the ticked tables (with the sheets they need), from the keyboard", async () => {
    const { page, snapshot } = await open();
    // the fold opens from the keyboard too
    await page.locator("#choose-tables > summary").focus();
    await page.keyboard.press("Enter");
    const first = page.locator(`#table-${TABLE_SUMMARIES[0].id}`);
    await first.focus();
    await page.keyboard.press("Space");
    expect(await first.isChecked()).toBe(true);
    // the focus ring shows
    expect(await first.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
    expect(await page.locator("#all-tables").evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
    await page.getByRole("button", { name: "Insert selected" }).focus();
    await page.keyboard.press("Enter");
    await page.locator("#results").waitFor({ state: "visible" });
    const expected = buildPlan({ tables: [TABLE_SUMMARIES[0].id] }).sheets.map((s) => s.name);
    expect(await page.locator("#result-list .result-name").allTextContents()).toEqual(expected);
    expect((await snapshot()).sheets.map((s) => s.name)).toEqual(["Sheet1", ...expected]);
    await page.close();
  });

  it("asks to tick a table rather than inserting nothing", async () => {
    const { page, snapshot } = await open();
    await page.getByText("Choose tables").click();
    await page.getByRole("button", { name: "Insert selected" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Tick at least one table" }).isVisible()).resolves.toBe(
      true,
    );
    expect((await snapshot()).syncs).toBe(0);
    await page.close();
  });

  it("shows a failed write in plain words, and leaves the workbook as it was", async () => {
    const { page, errors, snapshot } = await open({ faults: [{ sync: 2, afterOps: 200 }] });
    await page.getByRole("button", { name: "Insert all" }).click();
    const alert = page.locator("#insert-error");
    await alert.waitFor({ state: "visible" });
    expect(await page.locator("#insert-error-text").textContent()).toBe(
      "Excel refused a change, so the insert was undone: your workbook is as it was. Try again in a moment.",
    );
    expect(await alert.getAttribute("role")).toBe("alert");
    expect(await page.locator("#insert-error-detail").textContent()).toMatch(/GeneralException/);
    expect(await page.locator("#results").isHidden()).toBe(true);
    const wb = await snapshot();
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(wb.names).toEqual([]);
    // the buttons work again
    expect(await page.getByRole("button", { name: "Insert all" }).isEnabled()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("lists what an undo that could not finish left, in plain words", async () => {
    // the write stops part-way, and both passes of the undo fail when they act (syncs 5 and 8)
    const { page, snapshot } = await open({ faults: [{ sync: 2, afterOps: 200 }, { sync: 5 }, { sync: 8 }] });
    await page.getByRole("button", { name: "Insert all" }).click();
    await page.locator("#insert-error").waitFor({ state: "visible" });
    expect(await page.locator("#insert-error-text").textContent()).toMatch(/the undo could not finish/);
    const left = (await snapshot()).sheets.filter((s) => s.name.startsWith("~cew ")).map((s) => s.name);
    expect(left.length).toBeGreaterThan(0);
    expect(await page.locator("#insert-error-left li").allTextContents()).toEqual(
      left.map(
        (name) => `Sheet “${name}”: written by this attempt and could not be removed; delete it if you do not need it.`,
      ),
    );
    await page.close();
  });

  it("refuses scripts from any origin but its own and Office.js's (Content-Security-Policy)", async () => {
    const { page, errors } = await open();
    const blocked = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          document.addEventListener("securitypolicyviolation", (e) => resolve(e.violatedDirective), { once: true });
          const s = document.createElement("script");
          s.src = "https://evil.example/steal.js";
          document.head.append(s);
        }),
    );
    expect(blocked).toMatch(/^script-src/);
    expect(errors.filter((e) => !/evil\.example/.test(e))).toEqual([]);
    await page.close();
  });

  it("shows a failed read in plain words", async () => {
    const { page } = await open({ faults: [{ sync: 1 }] });
    await page.getByRole("button", { name: "Insert all" }).click();
    await page.locator("#insert-error").waitFor({ state: "visible" });
    expect(await page.locator("#insert-error-text").textContent()).toMatch(
      /^Excel could not read the workbook\. Nothing was changed\./,
    );
    await page.close();
  });

  it("says to open it from Excel when Office.js cannot load (a plain browser), and keeps its actions off", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    await page.route(OFFICE_JS, (route) => route.abort());
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector("html.ready");
    const banner = page.getByRole("alert").filter({ hasText: "Open this pane from Excel" });
    expect(await banner.isVisible()).toBe(true);
    expect(await banner.textContent()).toContain("Home ▸ Exposure Workbench");
    for (const name of ["Insert all", "Find EXPOSURE formulas"])
      expect(await page.getByRole("button", { name }).isDisabled()).toBe(true);
    expect(await page.getByRole("switch").isDisabled()).toBe(true);
    await page.getByText("Choose tables").click();
    expect(await page.getByRole("button", { name: "Insert selected" }).isDisabled()).toBe(true);
    await page.close();
  });

  it("says the same when Office.js loads in a plain browser, outside any Office host", async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 } });
    await page.addInitScript(() => {
      (globalThis as unknown as { __officeDoubleConfig: unknown }).__officeDoubleConfig = { host: null };
    });
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: script }),
    );
    await page.goto(`${base}/taskpane.html`);
    await page.waitForSelector("html.ready");
    expect(await page.locator("#environment-title").textContent()).toBe("Open this pane from Excel");
    expect(await page.getByRole("button", { name: "Insert all" }).isDisabled()).toBe(true);
    await page.close();
  });

  it("names every requirement set an Excel lacks, and keeps the actions off without the Excel API", async () => {
    const { page, snapshot } = await open({ missingSets: ["CustomFunctionsRuntime 1.2", "ExcelApi 1.12"] });
    expect(await page.locator("#environment-title").textContent()).toBe("This Excel lacks what the add-in needs");
    expect(await page.locator("#environment-text").textContent()).toBe(
      "Missing requirement sets: CustomFunctionsRuntime 1.2, ExcelApi 1.12. Use Microsoft 365 on Windows or macOS, or Excel on the web.",
    );
    expect(await page.getByRole("button", { name: "Insert all" }).isDisabled()).toBe(true);
    expect((await snapshot()).syncs).toBe(0);
    await page.close();
    // without the custom functions' runtime alone, the sheets can still be inserted
    const functionsOnly = await open({ missingSets: ["CustomFunctionsRuntime 1.2"] });
    expect(await functionsOnly.page.locator("#environment-text").textContent()).toMatch(
      /CustomFunctionsRuntime 1\.2\./,
    );
    expect(await functionsOnly.page.getByRole("button", { name: "Insert all" }).isEnabled()).toBe(true);
    await functionsOnly.page.close();
  });

  it("shows the primary action in the first screen: 320 × 800 and 260 × 800, in English and Chinese", async () => {
    const figures: string[] = [];
    for (const displayLanguage of ["en-US", "zh-CN"]) {
      for (const width of [320, 260]) {
        const page = await browser.newPage({ viewport: { width, height: 800 } });
        await page.addInitScript(
          (c) => {
            (globalThis as unknown as { __officeDoubleConfig: unknown }).__officeDoubleConfig = c;
          },
          { displayLanguage },
        );
        await page.route(OFFICE_JS, (route) =>
          route.fulfill({ status: 200, contentType: "text/javascript", body: script }),
        );
        await page.goto(`${base}/taskpane.html`);
        await page.waitForSelector("html.ready");
        const name = displayLanguage === "en-US" ? "Insert all" : "全部插入";
        const box = (await page.getByRole("button", { name }).boundingBox())!;
        figures.push(`${displayLanguage} ${width} × 800: "${name}" at y ${box.y}–${box.y + box.height}`);
        expect([displayLanguage, width, box.y >= 0 && box.y + box.height <= 800]).toEqual([
          displayLanguage,
          width,
          true,
        ]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.close();
      }
    }
    console.info(`The pane's first screen (the button's top and bottom, px):\n  ${figures.join("\n  ")}`);
  });

  it("switches to Simplified Chinese: the pane, and the sheets it inserts", async () => {
    const { page, snapshot } = await open();
    await page.getByText("简体中文").click();
    expect(await page.locator("h1").textContent()).toBe("中国敞口工作台");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
    expect(await page.locator(`#table-${TABLE_SUMMARIES[0].id}-desc`).textContent()).toBe(
      TABLE_SUMMARIES[0].description_zh,
    );
    await page.getByRole("button", { name: "全部插入" }).click();
    await page.locator("#results").waitFor({ state: "visible" });
    const zh = buildPlan({ lang: "zh" }).sheets.map((s) => s.name);
    expect((await snapshot()).sheets.map((s) => s.name)).toEqual(["Sheet1", ...zh]);
    expect(await page.locator("#status").textContent()).toMatch(/^完成/);
    // the choice is remembered
    await page.reload();
    await page.waitForSelector("html.ready");
    expect(await page.locator("h1").textContent()).toBe("中国敞口工作台");
    await page.close();
  });

  it("prepares for sharing: counts, asks, converts only the EXPOSURE cells, and reports", async () => {
    const { page, snapshot } = await open({
      sheets: {
        Model: {
          A1: 17.1,
          B1: { formula: "=EXPOSURE.WRITE_DOWN_RATIO(A1,A2)", value: 0.32 },
          C1: { formula: "=SUM(A1:A2)", value: 20 },
          B2: { formula: "=EXPOSURE.SHARE(A1,A2)", value: 0.13 },
        },
      },
    });
    await page.getByLabel("Active sheet").check();
    await page.getByRole("button", { name: "Find EXPOSURE formulas" }).click();
    await page.locator("#confirm").waitFor({ state: "visible" });
    expect(await page.locator("#confirm-text").textContent()).toMatch(
      /^2 formulas \(Model: 2\) will become fixed values/,
    );
    expect((await snapshot()).sheets[0].cells.B1).toBe("=EXPOSURE.WRITE_DOWN_RATIO(A1,A2)"); // nothing yet
    await page.getByRole("button", { name: "Replace 2 formulas" }).click();
    await page.locator("#sharing-message").waitFor({ state: "visible" });
    expect(await page.locator("#sharing-message-text").textContent()).toBe(
      "Replaced 2 formulas by their values (2 cells): Model: 2.",
    );
    const cells = (await snapshot()).sheets[0].cells;
    expect(cells).toEqual({ A1: 17.1, B1: 0.32, C1: "=SUM(A1:A2)", B2: 0.13 });
    await page.close();
  });

  it("makes a case for another company from the short form, after checking what was typed", async () => {
    const { page, snapshot } = await open();
    await page.getByText("A case for another company").click();
    await page.getByRole("button", { name: "Create case" }).click();
    await expect(page.locator("#cases-message-text").textContent()).resolves.toBe("Type the company's name.");
    expect(await page.locator("#case-company").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Company").fill("Acme Robotics");
    await page.getByLabel("Currency (three letters)").fill("€");
    await page.getByRole("button", { name: "Create case" }).click();
    await expect(page.locator("#cases-message-text").textContent()).resolves.toMatch(/three letters/);
    expect((await snapshot()).syncs).toBe(0); // nothing reached the workbook yet
    await page.getByLabel("Currency (three letters)").fill("eur");
    await page.getByLabel("Fiscal year ends").fill("30 June");
    await page.getByRole("button", { name: "Create case" }).click();
    await page.waitForFunction(() => /^Created/.test(document.getElementById("cases-message-text")!.textContent ?? ""));
    expect(await page.locator("#cases-message-text").textContent()).toBe(
      "Created “Acme Robotics case”: fill in its blue drivers.",
    );
    const wb = await snapshot();
    const acme = wb.sheets.find((s) => s.name === "Acme Robotics case")!;
    expect(acme.cells.A2).toMatch(/Money in EUR billions; fiscal year ends 30 June/);
    await page.close();
  });

  it("resets the NVIDIA case to the article after asking, and says what changed", async () => {
    const { page, snapshot } = await open();
    await page.getByRole("button", { name: "Insert all" }).click();
    await page.locator("#results").waitFor({ state: "visible" });
    // the analyst typed over the article's China revenue
    await page.evaluate(() => {
      const w = (
        globalThis as unknown as {
          __excel: { sheet(n: string): unknown; seed(s: unknown, a: string, v: unknown): void };
        }
      ).__excel;
      w.seed(w.sheet("NVIDIA case"), "B6", 20);
    });
    await page.getByText("Reset the NVIDIA case to the article").click();
    await page.getByLabel("Driver").selectOption("exposed_revenue");
    await page.getByRole("button", { name: "Reset to article…" }).click();
    expect(await page.locator("#reset-confirm-text").textContent()).toBe(
      "Put the article's value back into Exposed revenue (China), a year on the NVIDIA case? What you typed there will be replaced.",
    );
    expect((await snapshot()).sheets.find((s) => s.name === "NVIDIA case")!.cells.B6).toBe(20); // not yet
    await page.getByRole("button", { name: "Reset", exact: true }).click();
    await page.waitForFunction(() =>
      /^Reset on/.test(document.getElementById("cases-message-text")!.textContent ?? ""),
    );
    expect(await page.locator("#cases-message-text").textContent()).toBe(
      "Reset on “NVIDIA case”: Exposed revenue (China), a year 20 → 17.1.",
    );
    expect((await snapshot()).sheets.find((s) => s.name === "NVIDIA case")!.cells.B6).toBe(17.1);
    await page.close();
  });

  it("runs a simulation of the NVIDIA case from its fold: checks what was typed, says what to fill in, writes its sheet as values", async () => {
    const { page, errors, snapshot } = await open();
    await page.getByRole("button", { name: "Insert all" }).click();
    await page.locator("#results").waitFor({ state: "visible" });
    await page.getByText("Run a simulation").click();
    await page.getByLabel("Output").selectOption("net_income_at_risk");
    const message = () => page.locator("#sim-message-text").textContent();
    const run = async (expected: RegExp) => {
      await page.getByRole("button", { name: "Run simulation" }).click();
      await page.waitForFunction(
        (re) => new RegExp(re).test(document.getElementById("sim-message-text")!.textContent ?? ""),
        expected.source,
      );
    };
    // the simulation's code (simulation.js, with mathjs) is fetched on the first run: the server out
    // of reach, the pane says so and writes nothing; back, the same button fetches it once
    const sheetsBefore = (await snapshot()).sheets.map((x) => x.name);
    await page.route("**/simulation.js", (route) => route.abort());
    await run(/could not be loaded/);
    expect(await message()).toBe(
      "The simulation could not be loaded (is the add-in's server reachable?). Nothing was changed; try again in a moment.",
    );
    expect((await snapshot()).sheets.map((x) => x.name)).toEqual(sheetsBefore);
    await page.unroute("**/simulation.js");
    const fetched: string[] = [];
    page.on("request", (r) => void (r.url().endsWith(".js") && fetched.push(r.url().replace(/^.*\//, ""))));
    // the article gives no tax rate, margin or probability: the pane says which to fill in
    await run(/needs/);
    expect(fetched).toEqual(["simulation.js"]);
    expect(await message()).toBe(
      "The output needs Tax rate: fill it in on “NVIDIA case”, then run again. Nothing was changed.",
    );
    // the analyst fills them in on the case sheet (this test's assumptions, not the article's)
    const typed = { ban_probability: 0.5, substitution_share: 0.2, gross_margin: 0.75, tax_rate: 0.15 } as const;
    await page.evaluate(
      (cells) => {
        const w = (
          globalThis as unknown as {
            __excel: { sheet(n: string): unknown; seed(s: unknown, a: string, v: unknown): void };
          }
        ).__excel;
        for (const [a1, v] of cells) w.seed(w.sheet("NVIDIA case"), a1, v);
      },
      Object.entries(typed).map(([id, v]) => [CASE_CELLS.driver(id as keyof typeof typed), v] as const),
    );
    await page.getByLabel("Trials (2 to 1,000,000)").fill("1.5");
    await page.getByRole("button", { name: "Run simulation" }).click();
    expect(await message()).toBe("Type a whole number of trials from 2 to 1,000,000.");
    expect(await page.locator("#sim-trials").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Trials (2 to 1,000,000)").fill("5,000");
    await page.getByLabel("Seed (same seed, same result)").fill("7");
    await run(/^“NVIDIA simulation”: mean/);
    const sim = (await snapshot()).sheets.find((x) => x.name === "NVIDIA simulation")!;
    // the bundle in Chromium gives the numbers the source gives in node, for the same seed
    const expected = simulate({
      output: "net_income_at_risk",
      drivers: { ...nvidiaDrivers(), ...typed },
      trials: 5000,
      seed: 7,
    });
    if (!("mean" in expected)) throw new Error("no summary");
    expect([sim.cells.B8, sim.cells.B9, sim.cells.B15, sim.cells.B17, sim.cells.B19]).toEqual([
      7,
      5000,
      expected.mean,
      expected.p5,
      expected.p95,
    ]);
    expect(Object.values(sim.cells).filter((v) => typeof v === "string" && v.startsWith("="))).toEqual([]);
    expect(sim.charts).toHaveLength(1);
    expect(fetched).toEqual(["simulation.js"]); // once
    // the aborted fetch is the one error the page logged
    expect(errors.filter((e) => !/simulation\.js|Loading chunk|net::ERR_FAILED/.test(e))).toEqual([]);
    await page.close();
  });

  it("tags the workbook to open the pane with it, and says for whom", async () => {
    const { page, snapshot } = await open();
    const toggle = page.getByRole("switch", { name: "Open this pane with the workbook" });
    expect(await toggle.isChecked()).toBe(false);
    expect(await page.locator("#autoopen-note").textContent()).toMatch(/Only for people who have the add-in installed/);
    await toggle.check();
    await page.locator("#autoopen-status").waitFor({ state: "visible" });
    expect((await snapshot()).settings).toEqual({ "Office.AutoShowTaskpaneWithDocument": true });
    await toggle.uncheck();
    await page.waitForFunction(
      () => document.getElementById("autoopen-status")!.textContent === "The pane will not open by itself.",
    );
    expect((await snapshot()).settings).toEqual({});
    await page.close();
  });
});
