/**
 * The manifest's Chinese edition: every string a Chinese Office shows (the add-in's name and
 * description, ribbon labels, tooltip, pane title) and the custom functions' metadata are
 * overridden for the Chinese locales (tests/manifest/validate-manifest.test.ts checks the overrides).
 */
import fs from "fs";
import path from "path";
import { XMLParser } from "fast-xml-parser";
import { t } from "../../src/i18n/strings";

const root = path.resolve(__dirname, "../..");
const realManifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const CHINESE_LOCALES = ["zh-CN", "zh-SG", "zh-TW", "zh-HK"];
const CJK = /[\u3400-\u9fff]/;

/** Every element with Override children: its id (or tag), default value and overrides by locale. */
function overridden(): { id: string; value: string; overrides: Record<string, string> }[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", removeNSPrefix: true });
  const out: { id: string; value: string; overrides: Record<string, string> }[] = [];
  const walk = (node: unknown, tag: string) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, tag));
    if (!node || typeof node !== "object") return;
    const o = node as Record<string, unknown>;
    if (o.Override) {
      const list = (Array.isArray(o.Override) ? o.Override : [o.Override]) as { Locale: string; Value: string }[];
      out.push({
        id: (o.id as string) ?? tag,
        value: o.DefaultValue as string,
        overrides: Object.fromEntries(list.map((x) => [x.Locale, x.Value])),
      });
    }
    for (const [k, v] of Object.entries(o)) if (k !== "Override") walk(v, k);
  };
  walk(parser.parse(realManifest), "");
  return out;
}

describe("the manifest in Chinese", () => {
  const entries = overridden();
  const byId = new Map(entries.map((e) => [e.id, e]));

  it("overrides the name, description, ribbon, tooltip, pane title and function metadata for each Chinese locale", () => {
    expect(entries.map((e) => e.id).sort()).toEqual(
      [
        "DisplayName",
        "Description",
        "Functions.Metadata.Url",
        "GetStarted.Title",
        "GetStarted.Description",
        "ExposureGroup.Label",
        "TaskpaneButton.Label",
        "TaskpaneButton.Tooltip",
        "Taskpane.Title",
      ].sort(),
    );
    for (const e of entries) expect([e.id, Object.keys(e.overrides)]).toEqual([e.id, CHINESE_LOCALES]);
  });

  it("writes every overriding string in Chinese and points Chinese Excel at functions.zh.json", () => {
    for (const e of entries.filter((x) => x.id !== "Functions.Metadata.Url"))
      for (const [locale, value] of Object.entries(e.overrides))
        expect([e.id, locale, value]).toEqual([e.id, locale, expect.stringMatching(CJK)]);
    for (const value of Object.values(byId.get("Functions.Metadata.Url")!.overrides))
      expect(value).toBe("https://localhost:3000/functions.zh.json");
  });

  it("titles the pane as the pane titles itself, in both languages", () => {
    const title = byId.get("Taskpane.Title")!;
    expect(title.value).toBe(t("pane.title", "en"));
    for (const value of Object.values(title.overrides)) expect(value).toBe(t("pane.title", "zh"));
    expect(realManifest).toMatch(/<SourceLocation resid="Taskpane.Url"\/>\s*<Title resid="Taskpane.Title"\/>/);
  });

  it("never translates the functions namespace", () => {
    expect(byId.has("Functions.Namespace")).toBe(false);
  });
});
