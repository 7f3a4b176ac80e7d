/**
 * The manifest's Chinese edition: every string a Chinese Office shows (the add-in's name and
 * description, ribbon labels, tooltip, pane title) and the custom functions' metadata are
 * overridden for the Chinese locales, and the validator holds the overrides to the same rules.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { XMLParser } from "fast-xml-parser";
import { Problem, validateManifest } from "../../scripts/validate-manifest";
import { t } from "../../src/i18n/strings";
import { DIST, ensureBuilt } from "../contract/bundle";

const root = path.resolve(__dirname, "../..");
const realManifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const assetsDir = path.join(root, "assets");
const CHINESE_LOCALES = ["zh-CN", "zh-SG", "zh-TW", "zh-HK"];
const CJK = /[\u3400-\u9fff]/;

function variant(from: string, to: string, count = 1): string {
  const parts = realManifest.split(from);
  expect(parts.length - 1).toBe(count);
  return parts.join(to);
}
const check = (xml: string, distDir?: string): Problem[] => validateManifest(xml, { assetsDir, distDir });
const rules = (problems: Problem[]) => [...new Set(problems.map((p) => p.rule))];
const messages = (problems: Problem[]) => problems.map((p) => p.message).join("\n");

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

describe("validateManifest on locale overrides", () => {
  test("passes the real manifest against the real build: every Url and override names a built file", () => {
    ensureBuilt();
    expect(check(realManifest, DIST)).toEqual([]);
  });

  test("reports an override that names a file the build did not write", () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-dist-"));
    for (const f of ["functions.js", "functions.json", "taskpane.html"]) fs.writeFileSync(path.join(dist, f), "x");
    const problems = check(realManifest, dist);
    expect(rules(problems)).toEqual(["built-file"]);
    expect(problems).toHaveLength(CHINESE_LOCALES.length);
    expect(messages(problems)).toContain('bt:Url "Functions.Metadata.Url" (zh-CN) names /functions.zh.json');
  });

  test("reports an override that is not https or not on the add-in's origin", () => {
    const problems = check(
      variant(
        'Locale="zh-TW" Value="https://localhost:3000/functions.zh.json"',
        'Locale="zh-TW" Value="http://cdn.example.com/functions.zh.json"',
      ),
    );
    expect(rules(problems)).toEqual(["url-https"]);
    expect(messages(problems)).toContain('bt:Url "Functions.Metadata.Url" (zh-TW) has "http://cdn.example.com');
  });

  test("reports a locale that is no tag, the default locale, a locale twice and an empty value", () => {
    expect(
      messages(
        check(
          variant('<bt:Override Locale="zh-HK" Value="中国敞口"/>', '<bt:Override Locale="zh_HK" Value="中国敞口"/>'),
        ),
      ),
    ).toContain('Locale "zh_HK"');
    const twice = check(
      variant('<bt:Override Locale="zh-HK" Value="中国敞口"/>', '<bt:Override Locale="zh-CN" Value="中国敞口"/>'),
    );
    expect(rules(twice)).toEqual(["override-locale", "override-complete"]);
    expect(messages(twice)).toContain('"ExposureGroup.Label" overrides zh-CN twice');
    const english = check(
      variant('<bt:Override Locale="zh-HK" Value="中国敞口"/>', '<bt:Override Locale="en-US" Value="中国敞口"/>'),
    );
    expect(messages(english)).toContain("overrides the default locale en-US");
    const empty = check(
      variant('<bt:Override Locale="zh-HK" Value="中国敞口"/>', '<bt:Override Locale="zh-HK" Value=" "/>'),
    );
    expect(rules(empty)).toEqual(["override-locale"]);
  });

  test("reports a locale that leaves a string a user reads in the default language", () => {
    const problems = check(
      variant(
        '<bt:Override Locale="zh-SG" Value="打开工作台，插入关于英伟达H20中国敞口的基准数据工作表。"/>\n',
        "",
      ).replace(/\n\s*\n/g, "\n"),
    );
    expect(rules(problems)).toEqual(["override-complete"]);
    expect(messages(problems)).toContain(
      'The zh-SG overrides leave bt:String "TaskpaneButton.Tooltip" in the default language',
    );
  });

  test("reports an override of the functions namespace, and an override of a resource nothing uses", () => {
    const namespace = check(
      variant(
        '<bt:String id="Functions.Namespace" DefaultValue="EXPOSURE"/>',
        '<bt:String id="Functions.Namespace" DefaultValue="EXPOSURE"><bt:Override Locale="zh-CN" Value="敞口"/></bt:String>',
      ),
    );
    expect(rules(namespace)).toContain("override-namespace");
    const unused = check(
      variant(
        '<bt:Image id="Icon.64x64" DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
        '<bt:Image id="Icon.64x64" DefaultValue="https://localhost:3000/assets/icon-64.png"><bt:Override Locale="zh-CN" Value="https://localhost:3000/assets/icon-64.png"/></bt:Image>',
      ),
    );
    expect(rules(unused)).toEqual(["override-used"]);
    expect(messages(unused)).toContain('bt:Image "Icon.64x64" has locale overrides, but no resid uses it');
  });

  test("reports an overriding string longer than Office allows", () => {
    const long = "中国敞口".repeat(40);
    const problems = check(
      variant('<bt:Override Locale="zh-TW" Value="中国敞口"/>', `<bt:Override Locale="zh-TW" Value="${long}"/>`),
    );
    expect(rules(problems)).toEqual(["string-length"]);
    expect(messages(problems)).toContain('"ExposureGroup.Label", overridden for zh-TW, has 160 characters');
  });
});
