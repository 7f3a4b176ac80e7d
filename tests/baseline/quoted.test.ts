/**
 * Texts that quote figures, rendered twice: as the model prints them and as a formula over the
 * figures' cells. tests/libreoffice/recalc.test.ts recalculates every such formula the sheets hold
 * and compares its text with the model's; these pin how the formulas are made.
 */
import {
  CHECKS,
  EXCEL_STRING_MAX,
  Quoting,
  checkExplanationCell,
  excelString,
  formatFormula,
  formatValue,
} from "../../src/baseline";

describe("a text that quotes figures", () => {
  it("renders as text and as a formula that joins its words and the figures' expressions", () => {
    const q = new Quoting();
    const template = `Revenue grew to ${q.quote("17.1 bn USD", 'ROUND(B7,2)&" bn USD"')} (up ${q.quote("66.0%", 'FIXED((B8)*100,1,TRUE)&"%"')}).`;
    expect(q.render(template)).toEqual({
      text: "Revenue grew to 17.1 bn USD (up 66.0%).",
      formula: '="Revenue grew to "&ROUND(B7,2)&" bn USD"&" (up "&FIXED((B8)*100,1,TRUE)&"%"&")."',
    });
  });

  it("is plain text when it quotes nothing", () => {
    expect(new Quoting().render("No figure here.")).toEqual({ text: "No figure here." });
  });

  it("writes Excel string constants of at most 255 characters, quotes doubled", () => {
    expect(excelString('say "17.1"')).toBe('"say ""17.1"""');
    const long = "字".repeat(600);
    const parts = excelString(long).split("&");
    expect(parts).toHaveLength(3); // 255 + 255 + 90 characters
    for (const p of parts) expect(p.length - 2).toBeLessThanOrEqual(EXCEL_STRING_MAX);
  });
});

describe("the formula twin of formatValue", () => {
  it("prints a stated figure as written and a computed one with its trailing zeros", () => {
    // 17.1 as stated: ROUND to the unit's 2 decimals, joined to text (17.1, not 17.10)
    expect(formatValue(17.1, "USD bn", "en")).toBe("17.1 bn USD");
    expect(formatFormula("B7", "USD bn", "en")).toBe('ROUND(B7,2)&" bn USD"');
    // a count on its own: ROUND's number made text
    expect(formatFormula("B7", "count", "en")).toBe('ROUND(B7,0)&""');
    // 0.62 computed: one decimal of the percent, kept (62.0%)
    expect(formatValue(0.62, "%", "en", true)).toBe("62.0%");
    expect(formatFormula("B9", "%", "en", true)).toBe('FIXED((B9)*100,1,TRUE)&"%"');
    // the Chinese unit label, and CNY 100m as bn in English (3000 × 100m = CNY 300.0 bn)
    expect(formatFormula("B5", "USD bn", "zh")).toBe('ROUND(B5,2)&"十亿美元"');
    expect(formatFormula("B5", "CNY 100m", "en")).toBe('"CNY "&ROUND((B5)/10,1)&" bn"');
  });

  it("prints a date without locale-dependent format codes", () => {
    expect(formatFormula("B8", "date", "zh")).toBe('YEAR(B8)&"年"&MONTH(B8)&"月"&DAY(B8)&"日"');
    expect(formatFormula("B8", "date", "en")).toBe('YEAR(B8)&"-"&TEXT(MONTH(B8),"00")&"-"&TEXT(DAY(B8),"00")');
  });
});

describe("a check's explanation on a sheet", () => {
  const cell = (id: string) => `'Sheet'!B${id.length}`; // any reference will do to see where figures go

  it.each(["en", "zh"] as const)("prints the same words as the model in %s, each figure from its cell", (lang) => {
    for (const c of CHECKS) {
      const q = checkExplanationCell(c, cell, lang);
      expect([c.id, q.text]).toEqual([c.id, lang === "en" ? c.explanation : c.explanation_zh]);
      expect([c.id, q.formula]).toEqual([c.id, expect.stringMatching(/^=/)]);
      expect(q.formula!.length).toBeLessThanOrEqual(8192);
      for (const literal of q.formula!.matchAll(/"((?:[^"]|"")*)"/g))
        expect(literal[1].replace(/""/g, '"').length).toBeLessThanOrEqual(EXCEL_STRING_MAX);
    }
  });

  it("quotes the write-down check's figures from their cells: 5.5 ÷ 17.1 = 32.2%", () => {
    const c = CHECKS.find((x) => x.id === "write_down_share_check")!;
    const q = checkExplanationCell(c, (id) => `[${id}]`, "en");
    expect(q.formula).toContain('ROUND([h20_inventory_write_down],2)&" bn USD"');
    expect(q.formula).toContain('ROUND([china_revenue_2024],2)&" bn USD"');
    expect(q.formula).toContain("FIXED(([write_down_share_of_china_revenue])*100,1,TRUE)");
    // the difference of the two shares, in points: |0.3216 − 0.32| × 100 = 0.2
    expect(q.formula).toContain(
      "FIXED((ABS(([write_down_share_of_china_revenue]-[write_down_share_of_china_revenue_stated])))*100,1,TRUE)",
    );
    expect(q.text).toMatch(/^5\.5 bn USD ÷ 17\.1 bn USD = 32\.2%: .*\(0\.2 points off, tolerance ±0\.5\)\.$/);
  });

  it("quotes a figure on no sheet by its number, so the text still reads right", () => {
    const c = CHECKS.find((x) => x.id === "write_down_share_check")!;
    const q = checkExplanationCell(c, (id) => (id === "china_revenue_2024" ? undefined : `[${id}]`), "en");
    expect(q.formula).toContain('ROUND(17.1,2)&" bn USD"');
    expect(q.text).toBe(c.explanation);
  });
});
