import fs from "fs";
import os from "os";
import path from "path";
import { Problem, validateManifest } from "../../scripts/validate-manifest";
import { DIST, ensureBuilt } from "../contract/bundle";

const root = path.resolve(__dirname, "../..");
const realManifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const assetsDir = path.join(root, "assets");

/** The real manifest with `from` replaced by `to`; fails the test if `from` does not occur `count` times. */
function variant(from: string, to: string, count = 1, base = realManifest): string {
  const parts = base.split(from);
  expect(parts.length - 1).toBe(count);
  return parts.join(to);
}

function check(xml: string, dir = assetsDir, distDir?: string): Problem[] {
  return validateManifest(xml, { assetsDir: dir, distDir });
}

const rules = (problems: Problem[]) => [...new Set(problems.map((p) => p.rule))];
const messages = (problems: Problem[]) => problems.map((p) => p.message).join("\n");

/** An assets folder holding copies of the real icons, with `changes` (file name → bytes) on top. */
function assetsWith(changes: Record<string, Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-assets-"));
  for (const name of fs.readdirSync(assetsDir)) fs.copyFileSync(path.join(assetsDir, name), path.join(dir, name));
  for (const [name, bytes] of Object.entries(changes)) fs.writeFileSync(path.join(dir, name), bytes);
  return dir;
}

const icon = (size: number) => fs.readFileSync(path.join(assetsDir, `icon-${size}.png`));

describe("validateManifest", () => {
  test("passes the project's manifest.xml with no problems", () => {
    expect(check(realManifest)).toEqual([]);
  });

  test("reports XML that is not well-formed, with line and column", () => {
    const problems = check(variant("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteDocument"));
    expect(rules(problems)).toEqual(["xml-well-formed"]);
    expect(messages(problems)).toMatch(/line \d+, column \d+/);
    expect(messages(problems)).toContain("Permissions");
  });

  test("reports a root element other than OfficeApp", () => {
    const xml = variant("</OfficeApp>", "</AddIn>", 1, variant("<OfficeApp ", "<AddIn "));
    const problems = check(xml);
    expect(rules(problems)).toEqual(["officeapp-root"]);
    expect(messages(problems)).toContain("<AddIn>");
  });

  test("reports a resid used but not defined in Resources, naming it and where it is used", () => {
    const problems = check(variant('<Label resid="ExposureGroup.Label"/>', '<Label resid="ExposureGroup.Lable"/>'));
    // and the resource it meant, whose Chinese overrides nothing uses now
    expect(rules(problems)).toEqual(["resid-defined", "override-used"]);
    expect(messages(problems)).toContain('"ExposureGroup.Lable"');
    expect(messages(problems)).toContain("Group > Label");
  });

  test("reports a resource id defined twice across the resource collections", () => {
    const problems = check(
      variant(
        "      </bt:LongStrings>",
        '        <bt:String id="TaskpaneButton.Label" DefaultValue="Again"/>\n      </bt:LongStrings>',
      ),
    );
    expect(rules(problems)).toEqual(["resid-unique"]);
    expect(messages(problems)).toContain(
      '"TaskpaneButton.Label" is defined 2 times (in bt:ShortStrings, bt:LongStrings)',
    );
  });

  test("reports a resid that names the wrong kind of resource", () => {
    const problems = check(variant('<Label resid="ExposureGroup.Label"/>', '<Label resid="TaskpaneButton.Tooltip"/>'));
    expect(rules(problems)).toEqual(["resid-kind", "override-used"]);
    expect(messages(problems)).toContain('"TaskpaneButton.Tooltip", which is in bt:LongStrings');
    expect(messages(problems)).toContain("bt:ShortStrings");
  });

  test("reports a resource id longer than 32 characters", () => {
    const longId = "Functions.Metadata.Url.For.The.Workbench";
    const problems = check(variant('"Functions.Metadata.Url"', `"${longId}"`, 2));
    expect(rules(problems)).toEqual(["resid-length"]);
    expect(messages(problems)).toContain(`"${longId}" has ${longId.length} characters`);
  });

  describe("shared runtime", () => {
    // Each variant points one sharer at a page that is defined, so only the shared-runtime rule can fire.
    const withCommandsUrl = variant(
      "      </bt:Urls>",
      '        <bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>\n      </bt:Urls>',
    );

    test("reports a resid used on FunctionFile that differs from the Runtime resid", () => {
      const xml = variant(
        '<FunctionFile resid="Taskpane.Url"/>',
        '<FunctionFile resid="Commands.Url"/>',
        1,
        withCommandsUrl,
      );
      const problems = check(xml);
      expect(rules(problems)).toEqual(["shared-runtime"]);
      expect(messages(problems)).toContain(
        'DesktopFormFactor > FunctionFile> uses resid "Commands.Url" but <Runtime> uses "Taskpane.Url"',
      );
    });

    test("reports a custom functions Page that differs from the Runtime resid", () => {
      const xml = variant(
        '<Page>\n              <SourceLocation resid="Taskpane.Url"/>',
        '<Page>\n              <SourceLocation resid="Commands.Url"/>',
        1,
        withCommandsUrl,
      );
      const problems = check(xml);
      expect(rules(problems)).toEqual(["shared-runtime"]);
      expect(messages(problems)).toContain(
        'ExtensionPoint[CustomFunctions] > Page > SourceLocation> uses resid "Commands.Url"',
      );
    });

    test("reports a ShowTaskpane action whose SourceLocation differs from the Runtime resid", () => {
      const xml = variant(
        '<TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId>\n                    <SourceLocation resid="Taskpane.Url"/>',
        '<TaskpaneId>Office.AutoShowTaskpaneWithDocument</TaskpaneId>\n                    <SourceLocation resid="Commands.Url"/>',
        1,
        withCommandsUrl,
      );
      const problems = check(xml);
      expect(rules(problems)).toEqual(["shared-runtime"]);
      expect(messages(problems)).toContain('Action[ShowTaskpane] > SourceLocation> uses resid "Commands.Url"');
    });

    test("reports a Runtime whose lifetime is not long", () => {
      const problems = check(variant('lifetime="long"', 'lifetime="short"'));
      expect(rules(problems)).toEqual(["shared-runtime"]);
      expect(messages(problems)).toContain('lifetime="short"');
    });

    test("reports a manifest without a Runtime", () => {
      const problems = check(variant('<Runtime resid="Taskpane.Url" lifetime="long"/>', ""));
      expect(rules(problems)).toEqual(["shared-runtime"]);
      expect(messages(problems)).toContain("There is no <Runtimes><Runtime");
    });
  });

  test("reports a URL that is not https, naming the resource", () => {
    const problems = check(variant('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"'));
    expect(rules(problems)).toEqual(["url-https"]);
    expect(messages(problems)).toContain(
      'bt:Url "Functions.Script.Url" has "http://localhost:3000/functions.js", which is not https',
    );
  });

  test("reports a URL served from another origin than DefaultSettings SourceLocation", () => {
    const problems = check(variant("https://localhost:3000/functions.json", "https://cdn.example.com/functions.json"));
    expect(rules(problems)).toEqual(["url-origin"]);
    expect(messages(problems)).toContain('bt:Url "Functions.Metadata.Url"');
    expect(messages(problems)).toContain(
      "served from https://cdn.example.com, not from the add-in's origin https://localhost:3000",
    );
  });

  test("accepts a SupportUrl and AppDomains on other https origins", () => {
    const xml = variant(
      '<SupportUrl DefaultValue="https://localhost:3000/taskpane.html"/>',
      '<SupportUrl DefaultValue="https://support.example.com/help"/>\n' +
        "  <AppDomains>\n    <AppDomain>https://data.example.com</AppDomain>\n  </AppDomains>",
    );
    expect(check(xml)).toEqual([]);
  });

  test("reports an AppDomain that is not https", () => {
    const xml = variant(
      "  <Hosts>\n    <Host",
      "  <AppDomains>\n    <AppDomain>http://data.example.com</AppDomain>\n  </AppDomains>\n  <Hosts>\n    <Host",
    );
    const problems = check(xml);
    expect(rules(problems)).toEqual(["url-https"]);
    expect(messages(problems)).toContain('<AppDomain> has "http://data.example.com"');
  });

  test("reports an icon URL whose file is not in assets/", () => {
    const problems = check(variant("assets/icon-80.png", "assets/icon-96.png"));
    expect(rules(problems)).toEqual(["icon-file"]);
    expect(messages(problems)).toContain('bt:Image "Icon.80x80" names icon-96.png, which is not in');
  });

  test("reports an icon file that is not a PNG", () => {
    const dir = assetsWith({ "icon-16.png": Buffer.from("not a picture") });
    const problems = check(realManifest, dir);
    expect(rules(problems)).toEqual(["icon-file"]);
    expect(messages(problems)).toContain("icon-16.png, which is not a PNG file");
  });

  test("reports an icon whose pixel size differs from the size its file name states", () => {
    const dir = assetsWith({ "icon-32.png": icon(16) });
    const problems = check(realManifest, dir);
    expect(rules(problems)).toEqual(["icon-size"]);
    expect(messages(problems)).toContain("icon-32.png is 16x16 px, but its file name says 32x32 (<IconUrl>)");
  });

  test("reports an icon whose pixel size differs from its resource id and the size it is used at", () => {
    const problems = check(
      variant(
        'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"',
        'id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"',
      ),
    );
    expect(rules(problems)).toEqual(["icon-size"]);
    expect(messages(problems)).toContain('icon-32.png is 32x32 px, but its id "Icon.16x16" says 16x16');
    expect(messages(problems)).toContain('but size="16" on <Group > Icon > bt:Image> says 16x16');
  });

  test("reports an Id that is not a GUID", () => {
    const problems = check(
      variant("<Id>a102a0ee-86f1-4d02-924b-96bb4992b345</Id>", "<Id>china-exposure-workbench</Id>"),
    );
    expect(rules(problems)).toEqual(["id-guid"]);
    expect(messages(problems)).toContain('"china-exposure-workbench", which is not a GUID');
  });

  test.each(["1.0.0", "1.0.0.0.0", "1.0.0.beta"])("reports a Version of %s, which is not four integers", (version) => {
    const problems = check(variant("<Version>1.0.0.0</Version>", `<Version>${version}</Version>`));
    expect(rules(problems)).toEqual(["version-format"]);
    expect(messages(problems)).toContain(`<Version> is "${version}"`);
  });

  test.each(["exposure", "EX", "1EXPOSURE", "EXPO-SURE"])("reports a custom functions namespace of %s", (namespace) => {
    const problems = check(variant('DefaultValue="EXPOSURE"', `DefaultValue="${namespace}"`));
    expect(rules(problems)).toEqual(["namespace-format"]);
    expect(messages(problems)).toContain(`namespace "${namespace}" (resid "Functions.Namespace")`);
  });

  test("accepts a namespace with digits and underscores after three letters", () => {
    expect(check(variant('DefaultValue="EXPOSURE"', 'DefaultValue="EXP_2025"'))).toEqual([]);
  });

  test("reports a short string longer than Office allows", () => {
    const label = "China exposure, ".repeat(10) + "and more";
    const problems = check(variant('DefaultValue="China Exposure"', `DefaultValue="${label}"`));
    expect(rules(problems)).toEqual(["string-length"]);
    expect(messages(problems)).toContain(`bt:ShortStrings entry "ExposureGroup.Label" has ${label.length} characters`);
  });
});

describe("validateManifest on locale overrides", () => {
  const CHINESE_LOCALES = ["zh-CN", "zh-SG", "zh-TW", "zh-HK"];

  test("passes the real manifest against the real build: every Url and override names a built file", () => {
    ensureBuilt();
    expect(check(realManifest, assetsDir, DIST)).toEqual([]);
  });

  test("reports an override that names a file the build did not write", () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-dist-"));
    for (const f of ["functions.js", "functions.json", "taskpane.html"]) fs.writeFileSync(path.join(dist, f), "x");
    const problems = check(realManifest, assetsDir, dist);
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
